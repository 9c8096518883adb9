using Clinic.Bot.Conversation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using StackExchange.Redis;

namespace Clinic.Bot.Tests.Conversation;

/// <summary>Conversation state in Redis (REDIS_HOST set), against the server named by CLINIC_TEST_REDIS.</summary>
public sealed class RedisStateTests
{
    private const int TestDb = 9;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_and_data_live_under_per_bot_chat_and_user_keys_with_a_TTL()
    {
        var address = RequiredService.Redis();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(address);
        var store = new RedisStateStore(redis, TestDb);
        var key = new StateKey(123456, Random.Shared.NextInt64(1, long.MaxValue), 77);

        await store.SetStateAsync(key, "bk:date", Ct);
        await store.SetDataAsync(key, """{"branch":"2"}""", Ct);

        var db = redis.GetDatabase(TestDb);
        Assert.Equal("bk:date", (string?)await db.StringGetAsync($"fsm:123456:{key.ChatId}:77:state"));
        Assert.Equal("""{"branch":"2"}""", (string?)await db.StringGetAsync($"fsm:123456:{key.ChatId}:77:data"));
        var ttl = await db.KeyTimeToLiveAsync(key.StateName);
        Assert.InRange(ttl!.Value, StateStoreDefaults.Ttl - TimeSpan.FromMinutes(1), StateStoreDefaults.Ttl);

        await store.SetStateAsync(key, null, Ct);
        await store.SetDataAsync(key, null, Ct);
        Assert.False(await db.KeyExistsAsync(key.StateName));
        Assert.False(await db.KeyExistsAsync(key.DataName));
    }

    [Fact]
    public async Task With_Redis_state_a_booking_continues_across_a_bot_restart()
    {
        var address = RequiredService.Redis();
        var (host, port) = address.Split(':') is [var h, var p] ? (h, p) : (address, "6379");
        await using var env = new RedisBotEnvironment(host, port);
        await env.InitializeAsync();

        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.OpenCalendarAsync(chat);
        await chat.Press("bk:d:");
        await chat.Expect("booking.choose_time");
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(address))
        {
            // The state is written once the handler returns, a moment after its reply reaches the chat.
            var stateKey = new StateKey(123456, chat.Id, chat.Id).StateName;
            await Eventually.EqualAsync<string?>(
                "bk:time", async () => await redis.GetDatabase(TestDb).StringGetAsync(stateKey), "the booking state in Redis");
        }

        await env.RestartBotAsync();

        await chat.Press("bk:t:");
        await chat.Expect("booking.confirm_card");
        await chat.Press("bk:ok");
        await chat.Expect("booking.booked");
    }

    private sealed class RedisBotEnvironment(string host, string port) : BotEnvironment
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["REDIS_HOST"] = host,
            ["REDIS_PORT"] = port,
            ["REDIS_DB"] = TestDb.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

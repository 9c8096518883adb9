using System.Globalization;
using Clinic.Bot.Features.Registration;
using Clinic.Bot.Tests.Conversation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Registration;

/// <summary>
/// What an unfinished registration leaves in the conversation store: only what the next step needs, for
/// <see cref="RegistrationFlow.Lifetime"/> after the last step, and nothing of the IIN, phone or birth date once the
/// registration is done or abandoned. On the SQLite store and on Redis.
/// </summary>
public abstract class UnfinishedRegistrationTests(BotEnvironment env)
{
    /// <summary>The store's contents for the chat; skips (or fails in CI) when the store's server is not configured.</summary>
    protected abstract Task<IReadOnlyList<StoredEntry>> StoredAsync(long chatId);

    [Fact]
    public async Task While_registering_the_store_keeps_only_what_the_next_step_needs_and_for_30_minutes()
    {
        var (chat, iin) = await RegisterUpToNameAsync();

        var entries = await EventuallyAsync(chat, stored => stored.Any(e => e.Value == RegistrationFlow.Name));
        var data = Assert.Single(entries, e => e.Key.EndsWith(":data", StringComparison.Ordinal)).Value;
        Assert.Contains(iin, data);
        Assert.Contains(chat.User.PhoneNumber[1..], data);
        Assert.DoesNotContain("\"sex\"", data);
        Assert.All(entries, e => Assert.InRange(e.TimeToLive, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task After_registration_completes_the_store_holds_no_iin_phone_or_birth_date()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);

        var entries = await EventuallyAsync(chat, stored => stored.Count == 0);
        Assert.Empty(entries);
    }

    [Theory]
    [InlineData("common.main_menu")]
    [InlineData("/cancel")]
    [InlineData("/start")]
    public async Task A_registration_abandoned_at_the_summary_leaves_no_iin_phone_or_birth_date(string leave)
    {
        var (chat, iin) = await RegisterUpToNameAsync();
        await chat.Say(Scenarios.NameRu);
        await chat.Expect("registration.summary");

        await chat.Say(leave.StartsWith('/') ? leave : chat.Texts[leave]);

        await EventuallyAsync(chat, stored => !stored.Any(e => Personal(e, chat, iin)));
    }

    [Fact]
    public async Task Answering_no_to_the_iin_drops_it_and_what_it_told()
    {
        var chat = await RegisterUpToIinAsync();
        var iin = TestIins.Next(TestIins.Woman1992);
        await chat.Say(iin);
        await chat.Expect("registration.iin_confirm");

        await chat.Press("rg:iin:n");
        await chat.Expect("registration.ask_iin");

        var entries = await EventuallyAsync(chat, stored => stored.Any(e => e.Value == RegistrationFlow.Iin));
        Assert.DoesNotContain(entries, e => e.Value.Contains(iin) || e.Value.Contains(BirthDate(iin)) || e.Value.Contains("\"sex\""));
    }

    private async Task<ChatDriver> RegisterUpToIinAsync()
    {
        var chat = env.NewUser();
        await chat.Say("/start");
        await chat.Expect("start.choose_language");
        await chat.Press("lang:ru");
        await chat.Expect("registration.consent_text");
        await chat.Press("rg:consent:y");
        await chat.Expect("registration.ask_phone");
        await chat.ShareContact();
        await chat.Expect("registration.ask_iin");
        return chat;
    }

    private async Task<(ChatDriver Chat, string Iin)> RegisterUpToNameAsync()
    {
        var chat = await RegisterUpToIinAsync();
        var iin = TestIins.Next(TestIins.Woman1992);
        await chat.Say(iin);
        await chat.Expect("registration.iin_confirm");
        await chat.Press("rg:iin:y");
        await chat.Expect("registration.ask_name");
        return (chat, iin);
    }

    /// <summary>The store is written once the handler returns, a moment after its reply reaches the chat.</summary>
    private async Task<IReadOnlyList<StoredEntry>> EventuallyAsync(ChatDriver chat, Func<IReadOnlyList<StoredEntry>, bool> condition)
    {
        var deadline = DateTime.UtcNow + ChatDriver.Wait;
        var entries = await StoredAsync(chat.Id);
        while (!condition(entries) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            entries = await StoredAsync(chat.Id);
        }

        Assert.True(condition(entries), "The store holds: " + string.Join("; ", entries.Select(e => $"{e.Key}={e.Value} ({e.TimeToLive})")));
        return entries;
    }

    private static bool Personal(StoredEntry entry, ChatDriver chat, string iin) =>
        entry.Value.Contains(iin) || entry.Value.Contains(chat.User.PhoneNumber[1..]) || entry.Value.Contains(BirthDate(iin));

    /// <summary>The birth date in the IIN (YYMMDD, born in the 1900s for these test IINs) as the flow stores it.</summary>
    private static string BirthDate(string iin) =>
        DateOnly.ParseExact("19" + iin[..6], "yyyyMMdd", CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture);
}

public sealed class UnfinishedRegistrationOnSqliteTests(BotEnvironment env) : UnfinishedRegistrationTests(env), IClassFixture<BotEnvironment>
{
    private readonly BotEnvironment _env = env;

    protected override Task<IReadOnlyList<StoredEntry>> StoredAsync(long chatId) => StoredConversation.InSqliteAsync(_env.StatePath, chatId);
}

public sealed class UnfinishedRegistrationOnRedisTests(RedisStateEnvironment env) : UnfinishedRegistrationTests(env), IClassFixture<RedisStateEnvironment>
{
    protected override Task<IReadOnlyList<StoredEntry>> StoredAsync(long chatId) =>
        StoredConversation.InRedisAsync(RequiredService.Redis(), RedisStateEnvironment.Database, chatId);
}

/// <summary>The bot with its conversation state in Redis (CLINIC_TEST_REDIS); on the SQLite file when that is not set, for the tests to skip.</summary>
public sealed class RedisStateEnvironment : BotEnvironment
{
    public const int Database = 9;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        Environment.GetEnvironmentVariable("CLINIC_TEST_REDIS") is { Length: > 0 } address
            ? new Dictionary<string, string?>
            {
                ["REDIS_HOST"] = address.Split(':')[0],
                ["REDIS_PORT"] = address.Split(':') is [_, var port] ? port : "6379",
                ["REDIS_DB"] = Database.ToString(CultureInfo.InvariantCulture),
            }
            : new Dictionary<string, string?>();
}

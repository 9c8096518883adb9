using System.Text;
using System.Text.Json;
using Clinic.Api.Features.Patients;
using Clinic.Bot.Configuration;
using Clinic.Bot.Conversation;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Clinic.Bot.Tests.Features.Profile;

/// <summary>
/// Deleting the account through the bot leaves nothing of the conversation behind: not in the SQLite state file or its
/// write-ahead log (as bytes), not under any Redis key of the user, and not in the bot's patient cache.
/// </summary>
public sealed class AccountDeletionTests
{
    private const string Name = "Тлеубаева Сауле Стёртовна";
    private const int RedisDb = 10;

    [Fact]
    public async Task After_deletion_the_sqlite_state_file_holds_nothing_the_user_typed_and_the_bot_no_longer_knows_them()
    {
        await using var env = new BotEnvironment();
        await env.InitializeAsync();
        var chat = env.NewUser();
        var patient = await RegisterAsync(env, chat);

        await DeleteThroughTheBotAsync(chat);

        var statePath = env.Settings()["BOT_STATE_PATH"]!;
        AssertNoBytes(statePath, patient);
        Assert.Equal(0, await RowsOfAsync(statePath, chat.Id));
        await AssertTheBotNoLongerKnowsThemAsync(env, chat);
    }

    [Fact]
    public async Task After_deletion_no_redis_key_of_the_user_is_left_in_any_chat()
    {
        var address = RequiredService.Redis();
        await using var env = new RedisEnvironment(address);
        await env.InitializeAsync();
        var chat = env.NewUser();
        var patient = await RegisterAsync(env, chat);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(address);
        var db = redis.GetDatabase(RedisDb);
        var botId = env.Bot.Services.GetRequiredService<BotOptions>().BotId;
        // A conversation the same user began in another chat earlier, still holding what they typed there.
        var elsewhere = new StateKey(botId, -100_000_000_000 - chat.Id, chat.Id);
        await db.StringSetAsync(elsewhere.DataName, JsonSerializer.Serialize(new { iin = patient.Iin, phone = patient.Phone }), StateStoreDefaults.Ttl);

        await DeleteThroughTheBotAsync(chat);

        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var left = await server.KeysAsync(RedisDb, StateKey.UserPattern(botId, chat.Id, "*")).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Empty(left);
        await AssertTheBotNoLongerKnowsThemAsync(env, chat);
    }

    private static async Task<Patient> RegisterAsync(BotEnvironment env, ChatDriver chat)
    {
        await Scenarios.RegisterAsync(chat, Language.Ru, Name);
        await chat.Tap("menu.profile");
        await chat.Expect("profile.title");
        return (await env.QueryAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.TelegramId == chat.Id)))!;
    }

    private static async Task DeleteThroughTheBotAsync(ChatDriver chat)
    {
        await chat.Press("pf:del");
        await chat.Expect("profile_settings.delete_confirm");
        await chat.Press("pf:dy");
        await chat.Expect("profile_settings.deleted");
        await chat.Expect("profile_settings.deleted_restart");
    }

    /// <summary>Within the patient cache's lifetime: only a dropped entry makes the profile ask for registration.</summary>
    private static async Task AssertTheBotNoLongerKnowsThemAsync(BotEnvironment env, ChatDriver chat)
    {
        await chat.Say("/profile");
        await chat.Expect("common.not_registered");
        Assert.False(await env.QueryAsync(db => db.Patients.AnyAsync(p => p.TelegramId == chat.Id)));
    }

    /// <summary>The state file and its WAL as raw bytes: the IIN, the phone and the name, as typed and as the flows' JSON escapes it.</summary>
    private static void AssertNoBytes(string statePath, Patient patient)
    {
        var secrets = new[] { patient.Iin!, patient.Phone!.TrimStart('+'), Name, JsonSerializer.Serialize(Name).Trim('"') };
        foreach (var path in new[] { statePath, statePath + "-wal" })
        {
            if (!File.Exists(path))
                continue;
            byte[] bytes;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[file.Length];
                file.ReadExactly(bytes);
            }
            foreach (var secret in secrets)
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(secret)) < 0, $"{Path.GetFileName(path)} still holds \"{secret}\" ({encoding.WebName})");
        }
    }

    private static async Task<long> RowsOfAsync(string statePath, long userId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = statePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM fsm WHERE key LIKE $pattern";
        command.Parameters.AddWithValue("$pattern", $"%:{userId}:%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class RedisEnvironment(string address) : BotEnvironment
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["REDIS_HOST"] = address.Split(':')[0],
            ["REDIS_PORT"] = address.Split(':') is [_, var port] ? port : "6379",
            ["REDIS_DB"] = RedisDb.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

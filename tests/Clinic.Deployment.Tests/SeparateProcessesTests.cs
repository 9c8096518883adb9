using System.Net;
using System.Text.Json;
using Clinic.Bot.Configuration;
using Clinic.Deployment.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StackExchange.Redis;

namespace Clinic.Deployment.Tests;

/// <summary>
/// The compose file's two apps, each started on its own as its image starts it, with the environment Compose gives
/// its container (service names mapped to this machine's PostgreSQL, Redis and fake Telegram): they come up healthy,
/// and a patient's message travels Telegram → bot → backend → PostgreSQL, with the conversation kept in Redis.
/// </summary>
public sealed class SeparateProcessesTests(ComposeOnLocalhost system) : IClassFixture<ComposeOnLocalhost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_backend_runs_alone_on_postgresql_with_the_compose_environment_and_reports_healthy()
    {
        LocalServices.SkipOrFailWhenMissing();

        using var http = new HttpClient();
        using var health = JsonDocument.Parse(await http.GetStringAsync(system.BackendUrl + "/health", Cancel));

        // Healthy, and naming no component: anyone may ask.
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(["status"], health.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_docker_health_check_command_of_the_backend_passes()
    {
        LocalServices.SkipOrFailWhenMissing();

        var (exitCode, output) = await AppProcess.RunAsync(Repo.AppDll("Clinic.Api"), system.BackendSettings, system.WorkingDirectory("probe"), "--healthcheck");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task The_bot_runs_alone_and_its_health_says_it_reaches_the_backend_with_the_shared_secret()
    {
        LocalServices.SkipOrFailWhenMissing();

        using var http = new HttpClient();
        using var health = JsonDocument.Parse(await http.GetStringAsync(system.BotUrl + "/health", Cancel));
        var (exitCode, output) = await AppProcess.RunAsync(Repo.AppDll("Clinic.Bot"), system.BotSettings, system.WorkingDirectory("probe"), "--healthcheck");

        Assert.Equal("ok", health.RootElement.GetProperty("clinic_api").GetString());
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task A_patient_writing_to_the_bot_is_answered_and_saved_by_the_backend_while_the_conversation_lives_in_redis()
    {
        LocalServices.SkipOrFailWhenMissing();
        var userId = 9_100_000 + Random.Shared.Next(0, 100_000);
        var user = system.Telegram.CreateUser(userId, "Dana", "ru");

        await user.SendText("/start");
        var languageChoice = await user.WaitForMessage(m => m.InlineButtons.Any(b => b.CallbackData == "lang:ru"), TimeSpan.FromSeconds(60), Cancel);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(system.BotSettings.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();
        var options = BotOptions.Read(settings.Get<BotSettings>()!, new Clinic.Contracts.SettingValues());
        var stateKey = $"fsm:{options.BotId}:{userId}:{userId}:state";
        await using (var redis = await ConnectionMultiplexer.ConnectAsync($"{options.RedisHost}:{options.RedisPort}"))
            Assert.True(await redis.GetDatabase(options.RedisDb).KeyExistsAsync(stateKey), $"no {stateKey} in Redis db {options.RedisDb}\n{user.Transcript}");

        await user.PressButton(languageChoice, "lang:ru");
        await user.WaitForMessage(m => m.MessageId != languageChoice.MessageId, TimeSpan.FromSeconds(60), Cancel);

        Assert.Equal(1, await CountPatientsAsync(userId));
    }

    [Fact]
    public async Task A_bot_whose_secret_differs_from_the_backends_says_unauthorized_in_its_health_while_the_docker_check_of_liveness_passes()
    {
        LocalServices.SkipOrFailWhenMissing();
        await using var otherTelegram = await Clinic.Telegram.Fake.FakeTelegramServer.StartAsync(ct: Cancel);
        var dotEnv = new Dictionary<string, string>(system.DotEnv)
        {
            ["TELEGRAM_BOT_API_SECRET"] = "not-the-backends-secret-" + Guid.NewGuid().ToString("N"),
            ["TELEGRAM_BOT_TOKEN"] = otherTelegram.Token,
            ["TELEGRAM_API_URL"] = otherTelegram.BaseUrl,
        };
        var settings = system.BotEnvironment(dotEnv, ComposeOnLocalhost.FreePort());
        var url = $"http://127.0.0.1:{settings["ASPNETCORE_HTTP_PORTS"]}";
        await using var bot = AppProcess.Start(Repo.AppDll("Clinic.Bot"), settings, system.WorkingDirectory("wrong-secret"));

        using var response = await ComposeOnLocalhost.WaitHealthyAsync(bot, url, requireOk: false);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var (exitCode, _) = await AppProcess.RunAsync(Repo.AppDll("Clinic.Bot"), settings, system.WorkingDirectory("probe"), "--healthcheck");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unauthorized", health.RootElement.GetProperty("clinic_api").GetString());
        // The Docker check asks liveness only: the process answers, so the container is not restarted for it.
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task In_production_the_backend_and_the_bot_write_their_console_log_as_json_lines_with_the_updates_scope()
    {
        LocalServices.SkipOrFailWhenMissing();
        var userId = 9_200_000 + Random.Shared.Next(0, 100_000);
        var user = system.Telegram.CreateUser(userId, "Aruzhan", "ru");

        await user.SendText("/start");
        await user.WaitForMessage(m => m.InlineButtons.Any(b => b.CallbackData == "lang:ru"), TimeSpan.FromSeconds(60), Cancel);
        var masked = "***" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture)[^3..];
        JsonElement? updateLine = null;
        for (var wait = 0; wait < 50 && updateLine is null; wait++)
        {
            updateLine = JsonLines(system.Bot.Output).Cast<JsonElement?>().FirstOrDefault(line =>
                line!.Value.TryGetProperty("Scopes", out var scopes) && scopes.EnumerateArray().Any(scope =>
                    scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("chat", out var chat) && chat.GetString() == masked
                    && scope.TryGetProperty("update_id", out _)));
            if (updateLine is null)
                await Task.Delay(100, Cancel);
        }

        Assert.True(updateLine is not null, system.Bot.Output);
        Assert.Equal("Information", updateLine.Value.GetProperty("LogLevel").GetString());
        Assert.EndsWith("Z", updateLine.Value.GetProperty("Timestamp").GetString());
        Assert.Contains(JsonLines(system.Backend.Output), line => line.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime");
        Assert.DoesNotContain(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), system.Bot.Output);
    }

    /// <summary>The lines of a process's console output that are JSON objects, as a log collector reads them.</summary>
    private static List<JsonElement> JsonLines(string output) => output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.StartsWith('{'))
        .Select(line => JsonDocument.Parse(line).RootElement.Clone())
        .ToList();

    [Fact]
    public async Task In_webhook_mode_the_bot_process_takes_telegrams_updates_on_its_own_port_where_the_proxy_sends_them()
    {
        LocalServices.SkipOrFailWhenMissing();
        await using var webhookTelegram = await Clinic.Telegram.Fake.FakeTelegramServer.StartAsync(ct: Cancel);
        var port = ComposeOnLocalhost.FreePort();
        var dotEnv = new Dictionary<string, string>(system.DotEnv)
        {
            ["TELEGRAM_BOT_TOKEN"] = webhookTelegram.Token,
            ["TELEGRAM_API_URL"] = webhookTelegram.BaseUrl,
            ["USE_WEBHOOK"] = "true",
            // Stands in for https://bot.example.kz behind the reverse proxy, which forwards to this port.
            ["TELEGRAM_WEBHOOK_URL"] = $"http://127.0.0.1:{port}",
            ["TELEGRAM_WEBHOOK_SECRET"] = "webhook-" + Guid.NewGuid().ToString("N"),
        };
        var settings = system.BotEnvironment(dotEnv, port);
        await using var bot = AppProcess.Start(Repo.AppDll("Clinic.Bot"), settings, system.WorkingDirectory("webhook"));
        await ComposeOnLocalhost.WaitHealthyAsync(bot, $"http://127.0.0.1:{port}");
        var user = webhookTelegram.CreateUser(9_300_000 + Random.Shared.Next(0, 100_000), "Aidos", "kk");

        await user.SendText("/start");
        await user.WaitForMessage(m => m.InlineButtons.Any(b => b.CallbackData == "lang:kk"), TimeSpan.FromSeconds(60), Cancel);

        Assert.True(webhookTelegram.Counters.WebhookDeliveries >= 1, bot.Output);
        Assert.Equal(0, webhookTelegram.Counters.CallsOf("getUpdates"));
    }

    private async Task<long> CountPatientsAsync(long telegramId)
    {
        var connection = new NpgsqlConnectionStringBuilder(system.Services!.Postgres.ConnectionString) { Database = system.DatabaseName };
        await using var db = new NpgsqlConnection(connection.ConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM patients WHERE telegram_id = @id", db);
        count.Parameters.AddWithValue("id", telegramId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

using System.Net;
using System.Text.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Telegram;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telegram.Bot;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>
/// The bot's own health: readiness (/health/ready, and /health as its alias) answers for the bot's loops (polling, the
/// outbox sender), not only for the clinic API; liveness (/health/live, what the Docker check asks) only for the process.
/// </summary>
public sealed class BotHealthTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bot_whose_loops_run_and_whose_api_answers_is_healthy_with_no_dead_loops()
    {
        await using var env = new BotEnvironment();
        await env.InitializeAsync();

        var (status, health) = await HealthAsync(env);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", health.GetProperty("clinic_api").GetString());
        Assert.Empty(health.GetProperty("dead_loops").EnumerateArray());
    }

    [Fact]
    public async Task A_bot_whose_polling_loop_died_reports_unhealthy_and_names_the_loop_though_the_api_answers()
    {
        await using var env = new DeadPollingEnvironment();
        await env.InitializeAsync();
        await Eventually.TrueAsync(() => env.DeleteWebhookFailed.Task.IsCompleted && Liveness(env).DeadLoops().Count > 0, "the polling loop failed at deleteWebhook and ended");

        var (status, health) = await HealthAsync(env);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("ok", health.GetProperty("clinic_api").GetString());
        Assert.Equal(["polling"], health.GetProperty("dead_loops").EnumerateArray().Select(loop => loop.GetString()));
        await AssertReadyEqualsHealthAndLiveIsOkAsync(env, health);
    }

    [Fact]
    public async Task A_bot_whose_clinic_api_is_down_is_live_but_not_ready()
    {
        await using var env = new ApiDownEnvironment();
        await env.InitializeAsync();

        var (status, health) = await HealthAsync(env);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("unreachable", health.GetProperty("clinic_api").GetString());
        Assert.Empty(health.GetProperty("dead_loops").EnumerateArray());
        await AssertReadyEqualsHealthAndLiveIsOkAsync(env, health);
    }

    private static async Task AssertReadyEqualsHealthAndLiveIsOkAsync(BotEnvironment env, JsonElement health)
    {
        var (readyStatus, ready) = await HealthAsync(env, Routes.HealthReady);
        var (liveStatus, live) = await HealthAsync(env, Routes.HealthLive);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal(health.GetRawText(), ready.GetRawText());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("ok", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bot_whose_outbox_sender_died_reports_unhealthy_and_names_the_loop_though_the_api_answers()
    {
        await using var env = new DeadOutboxEnvironment();
        await env.InitializeAsync();
        await Eventually.TrueAsync(() => env.ClaimFailed.Task.IsCompleted && Liveness(env).DeadLoops().Count > 0, "the outbox sender's first claim failed and it ended");

        var (status, health) = await HealthAsync(env);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("ok", health.GetProperty("clinic_api").GetString());
        Assert.Equal(["outbox"], health.GetProperty("dead_loops").EnumerateArray().Select(loop => loop.GetString()));
    }

    private static LoopLiveness Liveness(BotEnvironment env) => env.Bot.Services.GetRequiredService<LoopLiveness>();

    private static async Task<(HttpStatusCode Status, JsonElement Health)> HealthAsync(BotEnvironment env, string route = Routes.Health)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(env.Bot.Url + route, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>The bot pointed at a clinic API address where nothing listens.</summary>
    private sealed class ApiDownEnvironment : BotEnvironment
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["DJANGO_API_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
    }

    /// <summary>
    /// The outbox sender's claim throws what its client never expects (a bug, say), which ends the sender; the host is
    /// told to keep running without it.
    /// </summary>
    private sealed class DeadOutboxEnvironment : BotEnvironment
    {
        public TaskCompletionSource ClaimFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureBot(IServiceCollection services)
        {
            services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
            services.AddHttpClient<ClinicApiClient>().AddHttpMessageHandler(() => new FailingClaimHandler(ClaimFailed));
        }
    }

    private sealed class FailingClaimHandler(TaskCompletionSource failed) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.TrimEnd('/') != OutboxRoutes.Claim)
                return base.SendAsync(request, cancellationToken);
            failed.TrySetResult();
            throw new InvalidOperationException("The outbox sender is cut short by the test.");
        }
    }

    /// <summary>
    /// The polling loop ends on its first call (an <see cref="OperationCanceledException"/> nobody asked for escapes it),
    /// and the host is told to keep running without it, as a host whose background service failed may.
    /// </summary>
    private sealed class DeadPollingEnvironment : BotEnvironment
    {
        public TaskCompletionSource DeleteWebhookFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureBot(IServiceCollection services)
        {
            services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
            services.AddSingleton<ITelegramBotClient>(sp =>
            {
                var settings = Settings();
                var client = new TelegramBotClient(new TelegramBotClientOptions(settings["TELEGRAM_BOT_TOKEN"]!, settings["TELEGRAM_API_URL"]!));
                client.OnMakingApiRequest += (_, request, _) =>
                {
                    if (request.Request.MethodName != "deleteWebhook")
                        return ValueTask.CompletedTask;
                    DeleteWebhookFailed.TrySetResult();
                    throw new OperationCanceledException("The polling loop is cut short by the test.");
                };
                return client;
            });
        }
    }
}

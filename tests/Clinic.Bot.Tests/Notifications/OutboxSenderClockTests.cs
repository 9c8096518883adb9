using Clinic.Bot.ClinicApi;
using Clinic.Bot.Notifications;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>The outbox sender's loop waits on the bot's injected clock, not on the machine's.</summary>
public sealed class OutboxSenderClockTests
{
    [Fact]
    public async Task An_idle_sender_asks_for_work_again_only_once_the_bots_clock_has_moved_past_its_idle_wait()
    {
        await using var env = new ClockedBotEnvironment();
        await env.InitializeAsync();
        await Eventually.TrueAsync(() => env.Claims >= 1, "the sender's first claim");
        var claims = env.Claims;

        await Task.Delay(OutboxSender.IdleDelay * 2, TestContext.Current.CancellationToken);
        Assert.Equal(claims, env.Claims);
        env.Clock.Advance(OutboxSender.IdleDelay);

        await Eventually.TrueAsync(() => env.Claims == claims + 1, "a claim after the clock moved on");
    }

    /// <summary>The bot on a clock the test moves; its claims to the API are counted.</summary>
    private sealed class ClockedBotEnvironment : BotEnvironment
    {
        private int _claims;

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public int Claims => Volatile.Read(ref _claims);

        protected override void ConfigureBot(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient<ClinicApiClient>().AddHttpMessageHandler(() => new ClaimCounter(() => Interlocked.Increment(ref _claims)));
        }
    }

    private sealed class ClaimCounter(Action counted) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.TrimEnd('/') == OutboxRoutes.Claim.TrimEnd('/'))
                counted();
            return base.SendAsync(request, cancellationToken);
        }
    }
}

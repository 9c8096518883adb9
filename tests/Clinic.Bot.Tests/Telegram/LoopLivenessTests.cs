using Clinic.Bot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Bot.Tests.Telegram;

/// <summary>When a loop counts as dead for the bot's /health: it ended, or it went quiet longer than it may.</summary>
public sealed class LoopLivenessTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Lifetime _lifetime = new();

    [Fact]
    public void A_loop_that_beats_within_its_limit_is_alive_and_one_that_went_quiet_longer_is_dead()
    {
        var liveness = new LoopLiveness(_clock, _lifetime);
        var outbox = liveness.Start("outbox", TimeSpan.FromMinutes(5));
        var polling = liveness.Start("polling", TimeSpan.FromMinutes(3));

        _clock.Advance(TimeSpan.FromMinutes(2));
        outbox.Beat();
        polling.Beat();
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(["polling"], liveness.DeadLoops());
    }

    [Fact]
    public void A_loop_that_ended_is_dead_unless_the_host_is_stopping()
    {
        var liveness = new LoopLiveness(_clock, _lifetime);
        liveness.Start("outbox", TimeSpan.FromMinutes(5)).End();

        Assert.Equal(["outbox"], liveness.DeadLoops());
        _lifetime.StopApplication();
        Assert.Empty(liveness.DeadLoops());
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}

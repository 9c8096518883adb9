using System.Diagnostics;
using Clinic.Bot.Notifications;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>The sender's pacing on its own, in wall-clock time.</summary>
public sealed class OutboxRateLimiterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyChatsAtTwentyFiveASecondTakeAboutTwoSeconds()
    {
        var limiter = new OutboxRateLimiter(25, 1000);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(1, 50).Select(chat => limiter.WaitAsync(chat, paid: false, Cancel)));

        Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 4);
    }

    [Fact]
    public async Task PaidBroadcastsHaveTheirOwnFasterLane()
    {
        var limiter = new OutboxRateLimiter(25, 1000);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(1, 200).Select(chat => limiter.WaitAsync(chat, paid: true, Cancel)));

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.19, 1.5);
    }

    [Fact]
    public async Task OneChatGetsAMessageAtMostAboutOnceASecondWithoutHoldingUpOthers()
    {
        var limiter = new OutboxRateLimiter(1000, 1000);
        var clock = Stopwatch.StartNew();
        await limiter.WaitAsync(7, paid: false, Cancel);
        limiter.Completed(7);

        var again = limiter.WaitAsync(7, paid: false, Cancel);
        await limiter.WaitAsync(8, paid: false, Cancel);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.5), "another chat waited for chat 7");
        await again;

        Assert.True(clock.Elapsed >= OutboxRateLimiter.DefaultPerChatInterval, $"chat 7 got two messages {clock.Elapsed.TotalSeconds:0.00} s apart");
    }

    [Fact]
    public async Task APauseHoldsEverySendUntilItEnds()
    {
        var limiter = new OutboxRateLimiter(1000, 1000);
        limiter.Pause(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(limiter.WaitAsync(1, paid: false, Cancel), limiter.WaitAsync(2, paid: true, Cancel));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"a send went out {clock.Elapsed.TotalSeconds:0.00} s into a 1 s pause");
    }
}

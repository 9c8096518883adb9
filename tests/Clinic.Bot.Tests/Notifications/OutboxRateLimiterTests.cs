using Clinic.Bot.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>
/// The sender's pacing on its own, on a fake clock the tests move: a send that is released completes; one that is not yet
/// allowed cannot, however long the machine takes, because nothing but the clock can release it.
/// </summary>
public sealed class OutboxRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyChatsAtTwentyFiveASecondGoOutOneEveryFortyMillisecondsOfTheClock()
    {
        var limiter = new OutboxRateLimiter(25, 1000, _clock);

        var sends = Enumerable.Range(1, 50).Select(chat => limiter.WaitAsync(chat, paid: false, Cancel)).ToArray();

        await Released(sends[0]);
        limiter.Completed(1);
        for (var i = 1; i < sends.Length; i++)
        {
            Assert.False(sends[i].IsCompleted, $"send {i} went out {i * 40 - 40} ms into the clock, before its turn");
            _clock.Advance(TimeSpan.FromMilliseconds(40));
            await Released(sends[i]);
            limiter.Completed(i + 1);
        }
        Assert.Equal(TimeSpan.FromSeconds(1.96), _clock.GetUtcNow() - _clock.Start);
    }

    [Fact]
    public async Task PaidBroadcastsHaveTheirOwnFasterLane()
    {
        var limiter = new OutboxRateLimiter(25, 1000, _clock);

        var paid = Enumerable.Range(1, 200).Select(chat => limiter.WaitAsync(chat, paid: true, Cancel)).ToArray();
        var ordinary = limiter.WaitAsync(1000, paid: false, Cancel);

        await Released(ordinary);
        Assert.False(paid[^1].IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(199));
        await Task.WhenAll(paid.Select(Released));
    }

    [Fact]
    public async Task OneChatGetsAMessageAtMostOncePerIntervalWithoutHoldingUpOthers()
    {
        var limiter = new OutboxRateLimiter(1000, 1000, _clock);
        await Released(limiter.WaitAsync(7, paid: false, Cancel));
        limiter.Completed(7);

        var again = limiter.WaitAsync(7, paid: false, Cancel);
        var other = limiter.WaitAsync(8, paid: false, Cancel);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Released(other);
        _clock.Advance(OutboxRateLimiter.DefaultPerChatInterval - TimeSpan.FromMilliseconds(2));
        await Task.Delay(TimeSpan.FromMilliseconds(100), Cancel);
        Assert.False(again.IsCompleted, "chat 7 got two messages closer together than the per-chat interval");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Released(again);
    }

    [Fact]
    public async Task APauseHoldsEverySendUntilItEnds()
    {
        var limiter = new OutboxRateLimiter(1000, 1000, _clock);
        limiter.Pause(TimeSpan.FromSeconds(1));

        var sends = new[] { limiter.WaitAsync(1, paid: false, Cancel), limiter.WaitAsync(2, paid: true, Cancel) };
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(TimeSpan.FromMilliseconds(100), Cancel);
        Assert.DoesNotContain(sends, send => send.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(sends.Select(Released));
    }

    /// <summary>The send was let out: its continuation runs on the thread pool, so it is awaited, not polled.</summary>
    private static Task Released(Task send) => send.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
}

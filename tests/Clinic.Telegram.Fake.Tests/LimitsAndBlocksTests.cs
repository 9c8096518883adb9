using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Clinic.Telegram.Fake.Tests;

public sealed class LimitsAndBlocksTests : FakeTelegramTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override FakeTelegramOptions Options => new()
    {
        GlobalMessagesPerSecond = 3,
        PerChatMessagesPerSecond = 2,
        TimeProvider = _time,
    };

    [Fact]
    public async Task SendsBeyondThePerChatLimitGet429WithRetryAfter()
    {
        Server.CreateUser(42, "Aidos");
        await Bot.SendMessage(42, "1", cancellationToken: Ct);
        await Bot.SendMessage(42, "2", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "3", cancellationToken: Ct));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal("Too Many Requests: retry after 1", error.Message);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Equal(1, Server.Counters.TooManyRequests);
        Assert.Equal(2, Server.Counters.TotalSends);
    }

    [Fact]
    public async Task TheGlobalLimitCountsEveryChatAndFreesUpAfterASecond()
    {
        foreach (var id in new long[] { 1, 2, 3, 4 }) Server.CreateUser(id, "User" + id);
        foreach (var id in new long[] { 1, 2, 3 }) await Bot.SendMessage(id, "broadcast", cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(4, "broadcast", cancellationToken: Ct));
        _time.Advance(TimeSpan.FromSeconds(1));
        await Bot.SendMessage(4, "broadcast", cancellationToken: Ct);

        Assert.Equal(429, refused.ErrorCode);
        Assert.Single(Server.FindUser(4)!.Messages);
        Assert.Equal(4, Server.Counters.TotalSends);
        Assert.Equal(5, Server.Counters.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task ABlockedUserGets403UntilUnblocking()
    {
        var user = Server.CreateUser(42, "Aidos");
        user.Block();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "Напоминание", cancellationToken: Ct));
        user.Unblock();
        await Bot.SendMessage(42, "Напоминание", cancellationToken: Ct);

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Single(user.Messages);
        Assert.Equal(1, Server.Counters.Forbidden);
    }

    [Fact]
    public async Task BlockingAndUnblockingAreReportedAsMyChatMemberUpdates()
    {
        var user = Server.CreateUser(42, "Aidos");

        user.Block();
        await user.SendText("/start");
        var updates = await Bot.GetUpdates(cancellationToken: Ct);

        Assert.Equal(["kicked", "member"], updates.Take(2).Select(u => u.MyChatMember!.NewChatMember.Status.ToString().ToLowerInvariant()));
        Assert.Equal("/start", updates[2].Message!.Text);
        Assert.False(user.IsBlocked);
    }

    [Fact]
    public async Task MessageDatesComeFromTheInjectedClock()
    {
        Server.CreateUser(42, "Aidos");

        var sent = await Bot.SendMessage(42, "Время", cancellationToken: Ct);

        Assert.Equal(_time.GetUtcNow().UtcDateTime, sent.Date);
    }
}

using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Clinic.Telegram.Fake.Tests;

public sealed class GettingUpdatesTests : FakeTelegramTestBase
{
    [Fact]
    public async Task GetMeDescribesTheConfiguredBot()
    {
        var me = await Bot.GetMe(Ct);

        Assert.True(me.IsBot);
        Assert.Equal(123456, me.Id);
        Assert.Equal("clinic_test_bot", me.Username);
    }

    [Fact]
    public async Task AWrongTokenIsUnauthorized()
    {
        var stranger = CreateClient("999:WRONG");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe(Ct));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task AUsersTextArrivesAsAMessageUpdateWithACommandEntity()
    {
        var user = Server.CreateUser(42, "Айгерим", "kk");
        await user.SendText("/start promo");

        var updates = await Bot.GetUpdates(cancellationToken: Ct);

        var message = Assert.Single(updates).Message!;
        Assert.Equal("/start promo", message.Text);
        Assert.Equal(42, message.From!.Id);
        Assert.Equal("kk", message.From.LanguageCode);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        var command = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, command.Type);
        Assert.Equal(6, command.Length);
    }

    [Fact]
    public async Task AnOffsetConfirmsEarlierUpdatesAndTheLimitCapsTheBatch()
    {
        var user = Server.CreateUser(42, "Aidos");
        await user.SendText("one");
        await user.SendText("two");
        await user.SendText("three");

        var firstTwo = await Bot.GetUpdates(limit: 2, cancellationToken: Ct);
        var rest = await Bot.GetUpdates(offset: firstTwo[^1].Id + 1, cancellationToken: Ct);

        Assert.Equal(["one", "two"], firstTwo.Select(u => u.Message!.Text));
        Assert.Equal("three", Assert.Single(rest).Message!.Text);
        Assert.Equal(firstTwo[1].Id + 1, rest[0].Id);
        Assert.Equal(1, Server.State.PendingUpdateCount);
    }

    [Fact]
    public async Task ALongPollReturnsAsSoonAsAnUpdateArrives()
    {
        var user = Server.CreateUser(42, "Aidos");
        var started = DateTime.UtcNow;

        var poll = Bot.GetUpdates(timeout: 30, cancellationToken: Ct);
        await Task.Delay(300, Ct);
        Assert.False(poll.IsCompleted);
        await user.SendText("hello");
        var updates = await poll;

        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ALongPollWithNothingToSayReturnsEmptyAfterItsTimeout()
    {
        var updates = await Bot.GetUpdates(timeout: 1, cancellationToken: Ct);

        Assert.Empty(updates);
    }

    [Fact]
    public async Task SendingToAnUnknownChatFailsWithChatNotFound()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(777, "hi", cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
    }
}

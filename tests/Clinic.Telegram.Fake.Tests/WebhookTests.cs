using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Clinic.Telegram.Fake.Tests;

public sealed class WebhookTests : FakeTelegramTestBase
{
    [Fact]
    public async Task UpdatesArePushedToTheWebhookWithTheSecretHeader()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0, Ct);
        var user = Server.CreateUser(42, "Aidos");
        await Bot.SetWebhook(receiver.Url, secretToken: "s3cret-Token_1", allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: Ct);

        await user.SendText("/start");
        var delivery = await receiver.NextAsync(Ct);

        Assert.Equal("s3cret-Token_1", delivery.Secret);
        Assert.Equal("/start", delivery.Update.Message!.Text);
        var info = await Bot.GetWebhookInfo(Ct);
        Assert.Equal(receiver.Url, info.Url);
        Assert.Equal([UpdateType.Message, UpdateType.CallbackQuery], info.AllowedUpdates);
    }

    [Fact]
    public async Task AFailedDeliveryIsRetriedWithTheSameUpdateId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1, Ct);
        var user = Server.CreateUser(42, "Aidos");
        await Bot.SetWebhook(receiver.Url, cancellationToken: Ct);

        var sent = await user.SendText("привет");
        var first = await receiver.NextAsync(Ct);
        var retry = await receiver.NextAsync(Ct);

        Assert.Equal(sent.UpdateId, first.Update.Id);
        Assert.Equal(first.Update.Id, retry.Update.Id);
        var info = await Bot.GetWebhookInfo(Ct);
        Assert.Contains("500", info.LastErrorMessage);
    }

    [Fact]
    public async Task UpdatesOfOneChatArriveInOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0, Ct);
        var user = Server.CreateUser(42, "Aidos");
        await Bot.SetWebhook(receiver.Url, maxConnections: 10, cancellationToken: Ct);

        for (var i = 0; i < 20; i++) await user.SendText($"m{i}");
        var texts = new List<string>();
        for (var i = 0; i < 20; i++) texts.Add((await receiver.NextAsync(Ct)).Update.Message!.Text!);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"), texts);
    }

    [Fact]
    public async Task GetUpdatesConflictsWhileAWebhookIsSetAndWorksAgainAfterDeleteWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0, Ct);
        var user = Server.CreateUser(42, "Aidos");
        await Bot.SetWebhook(receiver.Url, cancellationToken: Ct);

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates(cancellationToken: Ct));
        await Bot.DeleteWebhook(cancellationToken: Ct);
        await user.SendText("снова опрос");
        var updates = await Bot.GetUpdates(cancellationToken: Ct);

        Assert.Equal(409, conflict.ErrorCode);
        Assert.StartsWith("Conflict: can't use getUpdates method while webhook is active", conflict.Message);
        Assert.Equal("снова опрос", Assert.Single(updates).Message!.Text);
        Assert.Null(Server.State.WebhookUrl);
    }

    [Fact]
    public async Task DropPendingUpdatesForgetsWhatWasWaiting()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0, Ct);
        var user = Server.CreateUser(42, "Aidos");
        await user.SendText("старое");

        await Bot.SetWebhook(receiver.Url, dropPendingUpdates: true, cancellationToken: Ct);
        await user.SendText("новое");

        Assert.Equal("новое", (await receiver.NextAsync(Ct)).Update.Message!.Text);
    }

    [Fact]
    public async Task AWaitingLongPollIsEndedWithAConflictWhenAWebhookIsSet()
    {
        var poll = Bot.GetUpdates(timeout: 30, cancellationToken: Ct);
        await Task.Delay(200, Ct);

        await Bot.SetWebhook("http://127.0.0.1:9/hook", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => poll);
        Assert.Equal(409, error.ErrorCode);
    }
}

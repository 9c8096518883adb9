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
    public async Task AThousandUpdatesFromFiftyUsersAreAllDeliveredInPerChatOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0, Ct);
        var users = Enumerable.Range(1, 50).Select(id => Server.CreateUser(id, $"User{id}")).ToList();
        await Bot.SetWebhook(receiver.Url, maxConnections: 40, cancellationToken: Ct);

        for (var round = 0; round < 20; round++)
            foreach (var user in users) await user.SendText($"{round}");
        var seen = new Dictionary<long, List<int>>();
        for (var i = 0; i < 1000; i++)
        {
            var message = (await receiver.NextAsync(Ct)).Update.Message!;
            if (!seen.TryGetValue(message.Chat.Id, out var rounds)) seen[message.Chat.Id] = rounds = [];
            rounds.Add(int.Parse(message.Text!));
        }

        Assert.Equal(50, seen.Count);
        Assert.All(seen.Values, rounds => Assert.Equal(Enumerable.Range(0, 20), rounds));
        // The receiver sees a delivery before the fake reads its answer: give the last answers a moment.
        for (var wait = 0; wait < 50 && Server.State.PendingUpdateCount > 0; wait++) await Task.Delay(100, Ct);
        Assert.Equal(1000, Server.Counters.WebhookDeliveries);
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
    public async Task DeliveriesCanGoThroughAnInjectedHandlerInsteadOfTheNetwork()
    {
        var handler = new RecordingHandler();
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { WebhookHandlerFactory = () => handler }, Ct);
        var bot = CreateClient(server.Token, server.BaseUrl);
        var user = server.CreateUser(42, "Aidos");
        await bot.SetWebhook("http://bot.test/api/bot/webhook/", secretToken: "abc", cancellationToken: Ct);

        await user.SendText("через обработчик");
        var request = await handler.Requests.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal("http://bot.test/api/bot/webhook/", request.Uri);
        Assert.Contains("через обработчик", request.Body);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public System.Threading.Channels.Channel<(string Uri, string Body)> Requests { get; } =
            System.Threading.Channels.Channel.CreateUnbounded<(string, string)>();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await Requests.Writer.WriteAsync((request.RequestUri!.ToString(), await request.Content!.ReadAsStringAsync(ct)), ct);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
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

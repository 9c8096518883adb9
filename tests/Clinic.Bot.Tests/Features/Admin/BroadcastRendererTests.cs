using System.Text.Json;
using Clinic.Bot.Features.Admin;
using Clinic.Bot.Localization;
using Clinic.Bot.Notifications;
using Clinic.Contracts;
using Clinic.Telegram.Fake;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace Clinic.Bot.Tests.Features.Admin;

/// <summary>The outbox renderer of kind <c>broadcast</c>, called as the sender calls it, against the fake Telegram.</summary>
public sealed class BroadcastRendererTests : IAsyncLifetime
{
    private FakeTelegramServer _telegram = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync();

    public async ValueTask DisposeAsync() => await _telegram.DisposeAsync();

    private async Task<(FakeUser User, int MessageId)> RenderAsync(BroadcastMessagePayload payload)
    {
        var user = _telegram.CreateUser(Random.Shared.NextInt64(1_000_000, 9_000_000), "Пациент");
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_telegram.Token, _telegram.BaseUrl.TrimEnd('/')));
        var now = DateTimeOffset.UtcNow;
        var item = new OutboxItemDto(1, OutboxKinds.Broadcast, 7, user.Id, Language.Kk,
            JsonSerializer.SerializeToElement(payload, ClinicJson.Options), 0, now, now.AddMinutes(1));
        var renderer = new BroadcastRenderer();
        var id = await renderer.SendAsync(new OutboxSend(item, Localizer.LoadEmbedded().For(Language.Kk), bot, new ServiceCollection().BuildServiceProvider()), Cancel);
        return (user, id);
    }

    [Fact]
    public async Task ATextBroadcastArrivesFormattedWithItsTrackedLinkButton()
    {
        var (user, id) = await RenderAsync(new BroadcastMessagePayload(5, "<b>Жаңалық</b> &amp; <i>жеңілдік</i>", null, null, "Ашу", "https://clinic.example/b/token123"));

        var message = Assert.Single(user.Messages);
        Assert.Equal(id, message.MessageId);
        Assert.Equal("Жаңалық & жеңілдік", message.Text);
        Assert.Equal(["bold", "italic"], message.Entities.Select(e => e.Type));
        var button = Assert.Single(message.InlineButtons);
        Assert.Equal(("Ашу", "https://clinic.example/b/token123"), (button.Text, button.Url));
    }

    [Fact]
    public async Task APhotoBroadcastCarriesTheTextAsItsCaption()
    {
        var (user, id) = await RenderAsync(new BroadcastMessagePayload(6, "<b>Акция</b>", "https://example.kz/spring.jpg", null, null, null));

        var message = Assert.Single(user.Messages);
        Assert.Equal(id, message.MessageId);
        Assert.Equal("https://example.kz/spring.jpg", message.Photo!.SourceUrl);
        Assert.Equal("Акция", message.Caption);
        Assert.Empty(message.InlineButtons);
    }
}

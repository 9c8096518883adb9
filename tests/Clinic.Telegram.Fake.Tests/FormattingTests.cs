using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Clinic.Telegram.Fake.Tests;

public sealed class FormattingTests : FakeTelegramTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.CreateUser(42, "Aidos");
    }

    [Theory]
    [InlineData("Приём 12.03 в 10:00")]
    [InlineData("Цена: 5 000 ₸ - со скидкой")]
    [InlineData("*жирный без конца")]
    public async Task MarkdownV2RefusesUnescapedReservedCharactersAndUnclosedMarkers(string markdown)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, markdown, ParseMode.MarkdownV2, cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities", error.Message);
    }

    [Fact]
    public async Task EscapedMarkdownV2ShowsPlainTextWithEntities()
    {
        await Bot.SendMessage(42, @"*Приём* 12\.03, [карта](https://2gis.kz) `A-1`", ParseMode.MarkdownV2, cancellationToken: Ct);

        var message = Server.FindUser(42)!.Messages[0];
        Assert.Equal("Приём 12.03, карта A-1", message.Text);
        Assert.Equal(["bold", "text_link", "code"], message.Entities.Select(e => e.Type));
        Assert.Equal("https://2gis.kz", message.Entities[1].Url);
    }

    [Fact]
    public async Task AnUnknownParseModeIsRefused()
    {
        using var http = new HttpClient();
        var body = new StringContent("""{"chat_id":42,"text":"hi","parse_mode":"BBCode"}""", System.Text.Encoding.UTF8, "application/json");

        var response = await http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendMessage", body, Ct);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("unsupported parse_mode", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ACaptionLongerThan1024CharactersIsRefused()
    {
        await using var stream = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SendDocument(42, InputFile.FromStream(stream, "a.bin"), caption: new string('а', 1025), cancellationToken: Ct));

        Assert.Equal("Bad Request: message caption is too long", error.Message);
    }
}

using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Telegram.Fake.Tests;

/// <summary>What real Telegram refuses, the fake refuses with the same code and description.</summary>
public sealed class RejectionsTests : FakeTelegramTestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.CreateUser(42, "Aidos");
    }

    private async Task<ApiRequestException> Refused(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(call);
        Assert.Empty(Server.FindUser(42)!.Messages);
        return error;
    }

    [Fact]
    public async Task CallbackDataOf65BytesIsRefused()
    {
        // 32 Cyrillic letters are 64 bytes: one more Latin letter crosses the limit.
        var data = new string('д', 32) + "x";

        var error = await Refused(() => Bot.SendMessage(42, "Выберите",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Кнопка", data)), cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task CallbackDataOfExactly64BytesIsAccepted()
    {
        var data = new string('д', 32);

        await Bot.SendMessage(42, "Выберите",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Кнопка", data)), cancellationToken: Ct);

        Assert.Equal(data, Server.FindUser(42)!.Messages[0].InlineKeyboard[0][0].CallbackData);
    }

    [Fact]
    public async Task EmptyTextIsRefused()
    {
        var error = await Refused(() => Bot.SendMessage(42, "  ", cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message text is empty", error.Message);
    }

    [Fact]
    public async Task TextLongerThan4096CharactersIsRefused()
    {
        var error = await Refused(() => Bot.SendMessage(42, new string('а', 4097), cancellationToken: Ct));

        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task TheLengthLimitCountsTextAfterTagsAreRemoved()
    {
        await Bot.SendMessage(42, "<b>" + new string('а', 4096) + "</b>", ParseMode.Html, cancellationToken: Ct);

        Assert.Equal(4096, Server.FindUser(42)!.Messages[0].Text!.Length);
    }

    [Theory]
    [InlineData("Иванов <Иван>")]
    [InlineData("<b>bold</i>")]
    [InlineData("<b>never closed")]
    [InlineData("<div>block</div>")]
    public async Task UnescapedOrUnbalancedHtmlCannotBeParsed(string html)
    {
        var error = await Refused(() => Bot.SendMessage(42, html, ParseMode.Html, cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities", error.Message);
    }

    [Fact]
    public async Task EscapedHtmlShowsTheCharactersAndLinksBecomeEntities()
    {
        await Bot.SendMessage(42, "Иванов &lt;Иван&gt; &amp; <a href=\"https://clinic.kz\">сайт</a>", ParseMode.Html, cancellationToken: Ct);

        var message = Server.FindUser(42)!.Messages[0];
        Assert.Equal("Иванов <Иван> & сайт", message.Text);
        var link = Assert.Single(message.Entities);
        Assert.Equal(new TextEntity("text_link", 16, 4, "https://clinic.kz"), link);
    }

    [Fact]
    public async Task AnInlineButtonWithoutAnActionIsRefused()
    {
        var markup = new InlineKeyboardMarkup(new InlineKeyboardButton("Просто текст"));

        var error = await Refused(() => Bot.SendMessage(42, "Выберите", replyMarkup: markup, cancellationToken: Ct));

        Assert.Contains("Text buttons are unallowed in the inline keyboard", error.Message);
    }

    [Fact]
    public async Task AnUnknownMethodIsNotFound()
    {
        using var http = new HttpClient();

        var response = await http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendTelepathy", null, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("\"ok\":false", body);
    }

    [Fact]
    public async Task AMalformedBodyIsABadRequestNotACrash()
    {
        using var http = new HttpClient();
        var multipart = new StringContent("--x\r\nbroken", System.Text.Encoding.UTF8);
        multipart.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var json = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        var brokenMultipart = await http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendDocument", multipart, Ct);
        var brokenJson = await http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendMessage", json, Ct);

        Assert.Equal(400, (int)brokenMultipart.StatusCode);
        Assert.Equal(400, (int)brokenJson.StatusCode);
        Assert.Contains("can't parse", await brokenJson.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task FormEncodedRequestsWorkLikeJsonOnes()
    {
        using var http = new HttpClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "из формы",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Да","callback_data":"yes"}]]}""",
        });

        var response = await http.PostAsync($"{Server.BaseUrl}/bot{Server.Token}/sendmessage", form, Ct);

        Assert.True(response.IsSuccessStatusCode);
        var message = Server.FindUser(42)!.Messages[0];
        Assert.Equal("из формы", message.Text);
        Assert.Equal("yes", message.InlineKeyboard[0][0].CallbackData);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Telegram.Fake.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Telegram.Fake.Tests.Sandbox;

/// <summary>The web sandbox's "user side" API, as its page calls it, with the real Telegram.Bot client on the bot's side.</summary>
public sealed class SandboxApiTests : IAsyncLifetime
{
    private const long Aidos = 42;
    private readonly FakeTelegramState _state = new();
    private WebApplication _app = null!;
    private HttpClient _page = null!;
    private TelegramBotClient _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapFakeTelegram(_state);
        _app.MapTelegramSandbox(_state, adminIds: [SandboxUsers.AdminId]);
        await _app.StartAsync(Ct);
        _page = _app.GetTestClient();
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_state.Token, "http://localhost") { RetryCount = 0 }, _app.GetTestClient());
        _state.CreateUser(Aidos, "Aidos", "kk");
        SandboxUsers.CreateDefaults(_state);
    }

    public async ValueTask DisposeAsync()
    {
        _page.Dispose();
        await _state.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_chat_shows_both_sides_in_order_with_the_bots_formatting_as_entities()
    {
        await _state.FindUser(Aidos)!.SendText("/start");
        await _bot.SendMessage(Aidos, "<b>Сәлем</b> &lt;b&gt;", parseMode: ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Иә", "yes:1")), cancellationToken: Ct);

        var chat = await ChatAsync(Aidos);

        var messages = chat.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "bot"], messages.Select(m => m.GetProperty("from").GetString()));
        Assert.Equal("/start", messages[0].GetProperty("text").GetString());
        Assert.Equal("bot_command", messages[0].GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.Equal("Сәлем <b>", messages[1].GetProperty("text").GetString());
        Assert.Equal("bold", messages[1].GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.Equal("yes:1", messages[1].GetProperty("inlineKeyboard")[0][0].GetProperty("callbackData").GetString());
    }

    [Fact]
    public async Task A_press_on_the_page_reaches_the_bot_and_a_button_the_message_does_not_show_is_refused()
    {
        var sent = await _bot.SendMessage(Aidos, "Филиал?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Абай", "br:1")), cancellationToken: Ct);

        var pressed = await _page.PostAsJsonAsync($"/sandbox/api/users/{Aidos}/callback", new { messageId = sent.MessageId, data = "br:1" }, Ct);
        var forged = await _page.PostAsJsonAsync($"/sandbox/api/users/{Aidos}/callback", new { messageId = sent.MessageId, data = "br:2" }, Ct);

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        var updates = await _bot.GetUpdates(cancellationToken: Ct);
        Assert.Equal("br:1", Assert.Single(updates).CallbackQuery!.Data);
    }

    [Fact]
    public async Task The_share_contact_button_sends_the_users_own_number_and_an_unknown_user_is_not_found()
    {
        var keyboard = new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact("📱 Нөмірді жіберу")) { OneTimeKeyboard = true };
        await _bot.SendMessage(Aidos, "Телефон?", replyMarkup: keyboard, cancellationToken: Ct);
        var shown = await ChatAsync(Aidos);
        Assert.True(shown.GetProperty("replyKeyboard").GetProperty("rows")[0][0].GetProperty("requestContact").GetBoolean());

        var shared = await _page.PostAsync($"/sandbox/api/users/{Aidos}/contact", null, Ct);
        var nobody = await _page.PostAsync("/sandbox/api/users/777/contact", null, Ct);

        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        var update = Assert.Single(await _bot.GetUpdates(cancellationToken: Ct));
        Assert.Equal(_state.FindUser(Aidos)!.PhoneNumber, update.Message!.Contact!.PhoneNumber);
        var after = await ChatAsync(Aidos);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("replyKeyboard").ValueKind);
        Assert.Equal(_state.FindUser(Aidos)!.PhoneNumber, after.GetProperty("messages")[1].GetProperty("contactPhone").GetString());
    }

    [Fact]
    public async Task Only_a_change_of_text_marks_a_message_edited_not_a_change_of_its_buttons()
    {
        var sent = await _bot.SendMessage(Aidos, "Уақыт?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("10:00", "t:1")), cancellationToken: Ct);

        await _bot.EditMessageReplyMarkup(Aidos, sent.MessageId, replyMarkup: null, cancellationToken: Ct);
        var buttonsGone = (await ChatAsync(Aidos)).GetProperty("messages")[0];
        await _bot.EditMessageText(Aidos, sent.MessageId, "Уақыт: 10:00", cancellationToken: Ct);
        var textChanged = (await ChatAsync(Aidos)).GetProperty("messages")[0];

        Assert.Equal(JsonValueKind.Null, buttonsGone.GetProperty("editDate").ValueKind);
        Assert.Equal(0, buttonsGone.GetProperty("inlineKeyboard").GetArrayLength());
        Assert.Equal(JsonValueKind.String, textChanged.GetProperty("editDate").ValueKind);
        Assert.Equal("Уақыт: 10:00", textChanged.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_event_stream_announces_each_change()
    {
        using var stream = new StreamReader(await _page.GetStreamAsync("/sandbox/api/events", Ct));
        var first = await NextEventAsync(stream);

        await _bot.SendMessage(Aidos, "Жаңа хабар", cancellationToken: Ct);
        var next = await NextEventAsync(stream);

        Assert.True(next > first, $"version {next} after {first}");
        var users = await _page.GetFromJsonAsync<JsonElement>("/sandbox/api/users", Ct);
        var aidos = users.EnumerateArray().Single(u => u.GetProperty("id").GetInt64() == Aidos);
        Assert.Equal(next, aidos.GetProperty("version").GetInt64());
        Assert.Equal("Жаңа хабар", aidos.GetProperty("preview").GetString());
    }

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy_and_the_admin_is_marked()
    {
        var redirect = await _page.GetAsync("/sandbox?user=42", Ct);
        var page = await _page.GetAsync("/sandbox/", Ct);
        var script = await _page.GetAsync("/sandbox/sandbox.js", Ct);
        var users = await _page.GetFromJsonAsync<JsonElement>("/sandbox/api/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/sandbox/?user=42", redirect.Headers.Location!.OriginalString);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Local Telegram sandbox", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal([SandboxUsers.AdminId], users.EnumerateArray().Where(u => u.GetProperty("isAdmin").GetBoolean()).Select(u => u.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task The_page_may_not_be_framed_sniffed_or_leak_a_referrer_and_loads_only_its_own_files()
    {
        var page = await _page.GetAsync("/sandbox/", Ct);

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    private Task<JsonElement> ChatAsync(long id) => _page.GetFromJsonAsync<JsonElement>($"/sandbox/api/users/{id}/chat", Ct);

    private static async Task<long> NextEventAsync(StreamReader stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("version").GetInt64();
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Contracts;
using Clinic.Server.Tests.Infrastructure;
using Clinic.Telegram.Fake;
using Clinic.Telegram.Fake.Sandbox;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Server.Tests;

/// <summary>The sandbox page behaves like a Telegram chat: users to switch, edits in place, media, the command menu.</summary>
public sealed class SandboxChatTests(SandboxFixture fixture)
{
    private const long Daniyar = 500_000_102;
    private const long Emily = 500_000_103;

    [Fact]
    public async Task Pressing_an_inline_button_edits_that_message_in_place()
    {
        await using var chat = await fixture.OpenAsync($"?user={Emily}");
        await Journeys.RegisterAsync(chat, Language.En, "Emily Clark");
        await chat.TapAsync("menu.booking");
        var branches = await chat.ExpectAsync("booking.choose_branch");
        var id = await branches.GetAttributeAsync("data-message-id");
        var before = await chat.BotMessages.CountAsync();

        await chat.PressAsync("bk:br:");

        var same = chat.Page.Locator($".message.from-bot[data-message-id='{id}']");
        await Expect(same).ToContainTextAsync(SandboxPage.FixedPart(chat.Texts["booking.choose_category"]), new() { Timeout = SandboxPage.Wait });
        await Expect(same).ToHaveAttributeAsync("data-edited", "true");
        await Expect(same.Locator(".edited")).ToBeVisibleAsync();
        await Expect(chat.BotMessages).ToHaveCountAsync(before);
        await chat.ScreenshotAsync("chat-edited-in-place");
    }

    [Fact]
    public async Task Switching_users_shows_each_users_own_chat()
    {
        await using var chat = await fixture.OpenAsync($"?user={Daniyar}");
        await chat.Page.Locator("#start-button").ClickAsync();
        var greeting = chat.BotMessages.Filter(new() { HasText = "Данияр" });
        await Expect(greeting).ToBeVisibleAsync(new() { Timeout = SandboxPage.Wait });

        await chat.SelectUserAsync(SandboxUsers.AdminId);
        await Expect(chat.Page.Locator("#messages")).Not.ToContainTextAsync("Данияр");
        Assert.Contains($"user={SandboxUsers.AdminId}", chat.Page.Url, StringComparison.Ordinal);
        await chat.ScreenshotAsync("chat-switched-to-admin");

        await chat.SelectUserAsync(Daniyar);
        await Expect(greeting).ToBeVisibleAsync();
        await Expect(chat.Page.Locator(".inline-button[data-callback-data='lang:kk']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_sandbox_administrator_is_the_bots_administrator()
    {
        var server = await fixture.ServerAsync();
        Assert.Equal(SandboxUsers.AdminId, server.PrintedAdminId);

        // The page lists the admins the running server was configured with (ADMIN_TELEGRAM_IDS).
        using var http = new HttpClient();
        var info = await http.GetFromJsonAsync<JsonElement>(server.SandboxUrl + "api/info", TestContext.Current.CancellationToken);
        Assert.Equal([SandboxUsers.AdminId], info.GetProperty("adminIds").EnumerateArray().Select(id => id.GetInt64()));

        await using var chat = await fixture.OpenAsync();
        var admin = chat.Page.Locator($".user[data-user-id='{SandboxUsers.AdminId}']");
        await Expect(admin.Locator(".admin-badge")).ToHaveTextAsync("admin");
        await Expect(chat.Page.Locator(".users .admin-badge")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("ru", "Тестовые пользователи", "Меню", "Сообщение")]
    [InlineData("kk", "Сынақ пайдаланушылары", "Мәзір", "Хабарлама")]
    [InlineData("en", "Test users", "Menu", "Message")]
    public async Task The_page_speaks_the_clinics_languages(string lang, string users, string menu, string message)
    {
        await using var chat = await fixture.OpenAsync($"?lang={lang}&user={Daniyar}");

        await Expect(chat.Page.Locator(".sidebar-title")).ToHaveTextAsync(users);
        await Expect(chat.Page.Locator("#menu-button")).ToContainTextAsync(menu);
        await Expect(chat.Page.Locator("#input")).ToHaveAttributeAsync("placeholder", message);
        Assert.Equal(lang, await chat.Page.EvaluateAsync<string>("document.documentElement.lang"));
        await chat.ScreenshotAsync($"chat-page-{lang}");
    }

    [Fact]
    public async Task The_command_menu_lists_the_bots_commands_and_sends_the_one_chosen()
    {
        await using var chat = await fixture.OpenAsync($"?user={SandboxUsers.AdminId}");
        await chat.Page.Locator("#menu-button").ClickAsync();
        var help = chat.Page.Locator(".command-item").Filter(new() { HasText = "/help" });
        await Expect(help).ToContainTextAsync(chat.Texts["commands.help"]);
        await Expect(chat.Page.Locator(".command-item")).ToHaveCountAsync(Clinic.Bot.Telegram.BotStartupService.Commands.Count);
        await chat.ScreenshotAsync("chat-command-menu");

        await chat.Page.Locator(".command-item").Filter(new() { HasText = "/start" }).ClickAsync();
        await Expect(chat.UserMessages.Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^/start"));
        await chat.ExpectAsync("start.choose_language");
    }

    [Fact]
    public async Task A_stale_button_gets_the_bots_short_notice_and_a_url_button_opens_its_page()
    {
        var server = await fixture.ServerAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(new FakeTelegramOptions().Token, server.FakeBotApiUrl));
        await bot.SendMessage(SandboxUsers.AdminId, "Старое меню", replyMarkup: new InlineKeyboardMarkup(
            [
                [InlineKeyboardButton.WithCallbackData("Старая кнопка", "zz:old")],
                [InlineKeyboardButton.WithUrl("Карта", "https://maps.example.kz/clinic")],
            ]), cancellationToken: TestContext.Current.CancellationToken);

        await using var chat = await fixture.OpenAsync($"?user={SandboxUsers.AdminId}");
        await chat.PressAsync("zz:old");
        await Expect(chat.Page.Locator("#toast")).ToHaveTextAsync(chat.Texts["common.stale_button"], new() { Timeout = SandboxPage.Wait });
        await chat.ScreenshotAsync("chat-stale-button-notice");

        // The page opens a URL button itself, as Telegram does; the bot hears nothing. No request leaves the machine.
        await chat.Page.Context.RouteAsync("https://maps.example.kz/**", route => route.FulfillAsync(new() { Body = "map", ContentType = "text/plain" }));
        var popup = await chat.Page.RunAndWaitForPopupAsync(() => chat.Page.Locator(".inline-button.url-button").Filter(new() { HasText = "Карта" }).ClickAsync());
        Assert.Equal("https://maps.example.kz/clinic", popup.Url);
    }

    [Fact]
    public async Task A_photo_shows_in_the_chat_and_a_pdf_document_opens_and_downloads()
    {
        var server = await fixture.ServerAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(new FakeTelegramOptions().Token, server.FakeBotApiUrl));
        var png = TestFiles.CheckerboardPng(size: 240, cell: 24);
        var pdf = TestFiles.OnePagePdf();
        await bot.SendPhoto(SandboxUsers.AdminId, InputFile.FromStream(new MemoryStream(png), "qr.png"),
            caption: "<b>Оплата</b> &lt;script&gt;alert(1)&lt;/script&gt;", parseMode: ParseMode.Html, cancellationToken: TestContext.Current.CancellationToken);
        await bot.SendDocument(SandboxUsers.AdminId, InputFile.FromStream(new MemoryStream(pdf), "certificate.pdf"), caption: "Справка", cancellationToken: TestContext.Current.CancellationToken);

        await using var chat = await fixture.OpenAsync($"?user={SandboxUsers.AdminId}");
        var photo = chat.BotMessages.Filter(new() { HasText = "Оплата" }).Last;
        var image = photo.Locator("img.photo");
        await Expect(image).ToBeVisibleAsync(new() { Timeout = SandboxPage.Wait });
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 240);
        // Telegram's HTML is rendered from entities: bold is bold, escaped markup stays text.
        await Expect(photo.Locator("strong")).ToHaveTextAsync("Оплата");
        await Expect(photo).ToContainTextAsync("<script>alert(1)</script>");
        await Expect(chat.Page.Locator("#messages script")).ToHaveCountAsync(0);

        var document = chat.BotMessages.Filter(new() { HasText = "certificate.pdf" }).Last;
        await Expect(document).ToBeVisibleAsync();
        await chat.ScreenshotAsync("chat-photo-and-document");
        var href = await document.Locator(".document-name").GetAttributeAsync("href");
        var opened = await chat.Page.APIRequest.GetAsync(new Uri(new Uri(chat.Page.Url), href).ToString());
        Assert.Equal("application/pdf", opened.Headers["content-type"]);
        Assert.Equal(pdf, await opened.BodyAsync());

        var download = await chat.Page.RunAndWaitForDownloadAsync(() => document.Locator(".document-download").ClickAsync());
        Assert.Equal("certificate.pdf", download.SuggestedFilename);
    }
}

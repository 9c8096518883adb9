using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bot.Tests.Features.Admin;

/// <summary>/admin end to end through the fake Telegram: who sees it, the broadcast wizard, the progress card.</summary>
public sealed class AdminTests(AdminBotEnvironment env) : IClassFixture<AdminBotEnvironment>
{
    // The smallest valid PNG: 1x1 pixel.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ForAnyoneElseAdminIsAnUnknownCommandAndItsButtonsAreStale()
    {
        var chat = env.NewUser();

        await chat.Say("/admin");
        var answer = await chat.Expect("common.unknown_input");
        await chat.User.PressCallback(answer.MessageId, "adm:list");
        await chat.ExpectCallbackAnswer("common.stale_button");
        await chat.User.PressCallback(answer.MessageId, "adm:go:1");
        await chat.ExpectCallbackAnswer("common.stale_button");

        var adminTexts = new[] { "admin.menu", "admin.new_broadcast", "broadcast.list_title", "broadcast.list_empty" }.Select(k => chat.Texts[k]);
        Assert.DoesNotContain(chat.User.Messages, m => adminTexts.Any(t => m.VisibleText.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnAdministratorBuildsABroadcastWithPhotoAndButtonSeesThePreviewAndSendsItToTheSegment()
    {
        await env.SubscribersAsync(3, Sex.Female);
        await env.SubscribersAsync(2, Sex.Male);
        await env.SubscribersAsync(2, Sex.Female, optIn: false);
        var admin = env.Admin();

        await admin.Say("/admin");
        await admin.Expect("admin.menu");
        await admin.Press("adm:new");
        await admin.Expect("broadcast.segment_title");
        await admin.Press("adm:sg:s:f");
        await admin.User.WaitForMessage(m => m.InlineButtons.Any(b => b.Text == "✅ " + admin.Texts["broadcast.button_female"]), ChatDriver.Wait, TestContext.Current.CancellationToken);
        await admin.Press("adm:sg:next");
        await admin.Expect("broadcast.ask_text");
        await admin.Say("<b>Весенняя</b> акция: скидка 20%");
        await admin.Expect("broadcast.ask_photo");
        await admin.User.SendPhoto(Png);
        await admin.Expect("broadcast.ask_button");
        await admin.Say("Записаться | https://example.kz/spring");
        await admin.Expect("broadcast.preview_title");

        var preview = await admin.User.WaitForMessage(m => m.Photo is not null, ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Equal("Весенняя акция: скидка 20%", preview.Caption);
        Assert.Contains(preview.CaptionEntities, e => e.Type == "bold");
        Assert.Equal("https://example.kz/spring", Assert.Single(preview.InlineButtons).Url);
        await admin.Expect("broadcast.confirm");

        await admin.Press("adm:go:");
        await admin.Expect("broadcast.progress");
        var id = admin.IdFromButton("adm:pa:");
        var rows = await env.RowsAsync(id);
        Assert.Equal(await env.SubscriberCountAsync(Sex.Female), rows[OutboxStatus.Pending]);
        Assert.Single(rows);

        // The sender delivers everything; the card notices on its own and shows the broadcast completed.
        var card = admin.LatestWithButton("adm:pa:")!;
        await env.DeliverAllAsync(id);
        var done = await admin.User.WaitForMessage(
            m => m.MessageId == card.MessageId && m.VisibleText.Contains(admin.Texts["broadcast.status.completed"], StringComparison.Ordinal), ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(done.InlineButtons, b => b.CallbackData?.StartsWith("adm:pa:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task HtmlTelegramWouldRejectSendsTheAdministratorBackToTheTextStep()
    {
        var admin = env.Admin();
        await StartWizardAsync(admin);

        await admin.Say("<div>Неверная разметка</div>");
        await admin.Expect("broadcast.ask_photo");
        await admin.Press("adm:skp");
        await admin.Expect("broadcast.ask_button");
        await admin.Press("adm:skp");

        await admin.Expect("errors.invalid_html");
        await admin.Expect("broadcast.ask_text");
        await admin.Say("Правильный текст & без тегов");
        await admin.Expect("broadcast.ask_photo");
    }

    [Fact]
    public async Task TheAdministratorPausesResumesAndCancelsFromTheProgressCard()
    {
        await env.SubscribersAsync(4, Sex.Male);
        var admin = env.Admin();
        await StartWizardAsync(admin);
        await admin.Say("Новости клиники");
        await admin.Expect("broadcast.ask_photo");
        await admin.Press("adm:skp");
        await admin.Expect("broadcast.ask_button");
        await admin.Press("adm:skp");
        await admin.Expect("broadcast.confirm");
        await admin.Press("adm:go:");
        await admin.Expect("broadcast.progress");
        var id = admin.IdFromButton("adm:pa:");

        await admin.Press("adm:pa:");
        await admin.User.WaitForMessage(m => m.InlineButtons.Any(b => b.CallbackData == $"adm:re:{id}"), ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.False((await env.RowsAsync(id)).ContainsKey(OutboxStatus.Pending));

        await admin.Press("adm:re:");
        await admin.User.WaitForMessage(m => m.InlineButtons.Any(b => b.CallbackData == $"adm:pa:{id}"), ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.True((await env.RowsAsync(id)).ContainsKey(OutboxStatus.Pending));

        await admin.Press("adm:ca:");
        await admin.User.WaitForMessage(m => m.VisibleText.Contains(admin.Texts["broadcast.status.cancelled"], StringComparison.Ordinal)
            && m.InlineButtons.All(b => b.CallbackData?.StartsWith("adm:ca:", StringComparison.Ordinal) != true), ChatDriver.Wait, TestContext.Current.CancellationToken);
        Assert.Equal([OutboxStatus.Cancelled], (await env.RowsAsync(id)).Keys);
    }

    [Fact]
    public async Task TheAdministratorSeesTheBroadcastListAndTheClinicOverview()
    {
        var admin = env.Admin();
        await admin.Say("/admin");
        await admin.Expect("admin.menu");

        await admin.Press("adm:ov");
        await admin.Expect("admin.overview_text");
        await admin.Press("adm:menu");
        await admin.Expect("admin.menu");
        await admin.Press("adm:list");

        await admin.User.WaitForMessage(m => m.VisibleText.Contains(admin.Texts["broadcast.list_title"], StringComparison.Ordinal)
            || m.VisibleText.Contains(admin.Texts["broadcast.list_empty"], StringComparison.Ordinal), ChatDriver.Wait, TestContext.Current.CancellationToken);
    }

    private static async Task StartWizardAsync(ChatDriver admin)
    {
        await admin.Say("/admin");
        await admin.Expect("admin.menu");
        await admin.Press("adm:new");
        await admin.Expect("broadcast.segment_title");
        await admin.Press("adm:sg:next");
        await admin.Expect("broadcast.ask_text");
    }

}

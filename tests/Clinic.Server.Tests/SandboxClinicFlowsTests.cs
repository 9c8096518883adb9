using Clinic.Contracts;
using Clinic.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clinic.Server.Tests;

/// <summary>
/// What a patient does after booking, in the browser: pays in the Kaspi sandbox and gets the receipt, and receives
/// a certificate PDF for a visit. These run on the fixture's second server (with a staff token).
/// </summary>
public sealed class SandboxClinicFlowsTests(SandboxFixture fixture)
{
    private const long Aigerim = 500_000_101;
    private const long Daniyar = 500_000_102;
    private const long Emily = 500_000_103;

    [Fact]
    public async Task A_patient_pays_for_a_visit_in_the_kaspi_sandbox_and_receives_the_receipt_pdf()
    {
        var server = await fixture.ClinicServerAsync();
        await using var chat = await fixture.OpenAsync($"?user={Aigerim}", server);
        await Journeys.RegisterAsync(chat, Language.Ru, "Сапарова Айгерим Нурлановна");
        await Journeys.OpenCalendarAsync(chat);
        await Journeys.BookFirstFreeTimeAsync(chat);

        await chat.TapAsync("menu.payments");
        await chat.ExpectAsync("payments.visits_title");
        await chat.ScreenshotAsync("payment-01-menu");
        await chat.PressAsync("py:ap:");

        // The QR code arrives as a photo with the amount, a link to Kaspi and a "Check status" button.
        var card = await chat.ExpectAsync("payments.qr_caption");
        var qr = card.Locator("img.photo");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(qr).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
        await Expect(card).ToContainTextAsync(SandboxPage.FixedPart(chat.Texts["payments.status.waiting"]));
        var id = await card.GetAttributeAsync("data-message-id");
        await chat.ScreenshotAsync("payment-02-qr-photo");

        // "Pay in Kaspi" opens the sandbox's stand-in for the Kaspi app in a new tab, where the patient pays.
        var kaspi = await chat.Page.RunAndWaitForPopupAsync(() =>
            card.Locator(".inline-button.url-button").Filter(new() { HasText = chat.Texts["payments.pay_in_kaspi"] }).ClickAsync());
        Assert.StartsWith(server.ApiUrl + "/pay/sandbox/", kaspi.Url, StringComparison.Ordinal);
        await Expect(kaspi.Locator("#amount")).ToContainTextAsync("₸");
        await kaspi.ScreenshotAsync(new() { Path = Path.Combine(Repo.Artifacts, "payment-03-kaspi-sandbox-page.png") });
        await kaspi.Locator("button.pay").ClickAsync();
        await Expect(kaspi.Locator(".note")).ToContainTextAsync("Оплата принята");
        await kaspi.ScreenshotAsync(new() { Path = Path.Combine(Repo.Artifacts, "payment-04-kaspi-sandbox-paid.png") });
        await kaspi.CloseAsync();

        // Back in the chat, "Check status" turns the same photo's caption into "paid" and takes its buttons away.
        await chat.PressAsync("py:st:");
        var same = chat.Page.Locator($".message.from-bot[data-message-id='{id}']");
        await Expect(same).ToContainTextAsync(SandboxPage.FixedPart(chat.Texts["payments.status.paid"]), new() { Timeout = SandboxPage.Wait });
        await Expect(same.Locator("img.photo")).ToBeVisibleAsync();
        await Expect(same.Locator(".inline-button")).ToHaveCountAsync(0);
        await chat.ScreenshotAsync("payment-05-paid-caption");

        // The outbox sender brings the receipt: the message and the PDF in one.
        var receipt = await chat.ExpectAsync("payments.receipt_message");
        await Expect(receipt.Locator(".document-name")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^receipt-\d+\.pdf$"));
        await receipt.ScrollIntoViewIfNeededAsync();
        await chat.ScreenshotAsync("payment-06-receipt");
        await ExpectPdfAsync(chat, receipt);
    }

    [Fact]
    public async Task A_payment_that_fails_in_the_kaspi_sandbox_says_so_and_a_new_invoice_can_be_paid()
    {
        var server = await fixture.ClinicServerAsync();
        await using var chat = await fixture.OpenAsync($"?user={Emily}", server);
        await Journeys.RegisterAsync(chat, Language.En, "Emily Carter");
        await Journeys.OpenCalendarAsync(chat);
        await Journeys.BookFirstFreeTimeAsync(chat);

        await chat.TapAsync("menu.payments");
        await chat.ExpectAsync("payments.visits_title");
        await chat.PressAsync("py:ap:");
        var card = await chat.ExpectAsync("payments.qr_caption");
        var id = await card.GetAttributeAsync("data-message-id");

        // In the stand-in for the Kaspi app the payment fails (declined card, not enough money).
        var kaspi = await chat.Page.RunAndWaitForPopupAsync(() =>
            card.Locator(".inline-button.url-button").Filter(new() { HasText = chat.Texts["payments.pay_in_kaspi"] }).ClickAsync());
        await kaspi.Locator("button.fail").ClickAsync();
        await Expect(kaspi.Locator(".note")).ToBeVisibleAsync();
        await kaspi.CloseAsync();

        // "Check status" says it failed, in the same message, and leaves no button to press on a dead invoice.
        await chat.PressAsync("py:st:");
        var same = chat.Page.Locator($".message.from-bot[data-message-id='{id}']");
        await Expect(same).ToContainTextAsync(SandboxPage.FixedPart(chat.Texts["payments.status.failed"]), new() { Timeout = SandboxPage.Wait });
        await Expect(same.Locator(".inline-button")).ToHaveCountAsync(0);
        await chat.ScreenshotAsync("payment-07-failed");

        // The visit is still there to pay: a new QR, paid this time.
        await chat.TapAsync("menu.payments");
        await chat.ExpectAsync("payments.visits_title");
        await chat.PressAsync("py:ap:");
        var second = chat.Page.Locator($".message.from-bot:not([data-message-id='{id}'])")
            .Filter(new() { HasText = SandboxPage.FixedPart(chat.Texts["payments.qr_caption"]) }).Last;
        await Expect(second.Locator("img.photo")).ToBeVisibleAsync(new() { Timeout = SandboxPage.Wait });
        var retry = await chat.Page.RunAndWaitForPopupAsync(() =>
            second.Locator(".inline-button.url-button").Filter(new() { HasText = chat.Texts["payments.pay_in_kaspi"] }).ClickAsync());
        await retry.Locator("button.pay").ClickAsync();
        await retry.CloseAsync();
        await chat.ExpectAsync("payments.receipt_message");
    }

    [Fact]
    public async Task A_patient_requests_a_visit_certificate_and_receives_the_pdf()
    {
        var server = await fixture.ClinicServerAsync();
        await using var chat = await fixture.OpenAsync($"?user={Daniyar}", server);
        await Journeys.RegisterAsync(chat, Language.Kk, "Ахметов Данияр Серікұлы");

        // Yesterday's consultation, which the reception marks as done.
        var visit = await ClinicRecords.AddPastVisitAsync(server, Daniyar, TimeSpan.FromDays(1), TestContext.Current.CancellationToken);
        var fulfilled = await ClinicRecords.MarkAsync(server, visit, AppointmentStatus.Fulfilled, TestContext.Current.CancellationToken);
        Assert.Equal(AppointmentStatus.Fulfilled, fulfilled.Status);

        await chat.TapAsync("menu.documents");
        await chat.ExpectAsync("documents.empty");
        await chat.PressAsync("dc:req");
        await chat.ExpectAsync("documents.choose_kind");
        await chat.ScreenshotAsync("certificate-01-choose-kind");
        await chat.PressAsync("dc:k:visit");
        await chat.ExpectAsync("documents.choose_visit");
        await chat.ScreenshotAsync("certificate-02-choose-visit");
        await chat.PressAsync($"dc:v:{visit}");
        await chat.ExpectAsync("documents.ask_organization");
        await chat.SayAsync("«Қазақтелеком» АҚ");

        var certificate = await chat.ExpectAsync("documents.ready");
        await Expect(certificate.Locator(".document-name")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\.pdf$"));
        await chat.ScreenshotAsync("certificate-03-pdf");
        await ExpectPdfAsync(chat, certificate);

        // The certificate is kept under Documents, where the patient can fetch it again.
        await chat.TapAsync("menu.documents");
        await chat.ExpectAsync("documents.title");
        await Expect(chat.Page.Locator(".inline-button[data-callback-data^='dc:get:']").Last)
            .ToContainTextAsync(chat.Texts["documents.kind.visit_certificate"]);
        await chat.ScreenshotAsync("certificate-04-documents-list");
    }

    /// <summary>The document card opens a PDF in the browser and its "Download" link saves the same PDF.</summary>
    private static async Task ExpectPdfAsync(SandboxPage chat, ILocator message)
    {
        var href = await message.Locator(".document-name").GetAttributeAsync("href");
        var opened = await chat.Page.APIRequest.GetAsync(new Uri(new Uri(chat.Page.Url), href).ToString());
        Assert.Equal("application/pdf", opened.Headers["content-type"]);
        var pdf = await opened.BodyAsync();
        Assert.True(pdf.Length > 1000, $"The PDF is only {pdf.Length} bytes.");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);

        var name = await message.Locator(".document-name").TextContentAsync();
        var download = await chat.Page.RunAndWaitForDownloadAsync(() => message.Locator(".document-download").ClickAsync());
        Assert.Equal(name, download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved!, TestContext.Current.CancellationToken));
    }
}

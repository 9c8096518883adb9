using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Localization;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Features.Payments;

/// <summary>Paying by QR end to end: the bot, the real API with the sandbox provider, and the fake Telegram.</summary>
public sealed class PaymentJourneyTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_patient_pays_a_booked_visit_by_QR_in_the_sandbox_and_the_check_shows_it_paid()
    {
        var chat = env.NewUser("ru");
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.BookFirstFreeAsync(chat);

        await chat.Tap("menu.payments");
        await chat.Expect("payments.visits_title");
        await chat.Press("py:ap:");
        var card = await chat.Expect("payments.qr_caption");

        Assert.NotNull(card.Photo);
        var link = Assert.Single(card.InlineButtons, b => b.Url is not null).Url!;
        Assert.Equal(chat.Texts["payments.pay_in_kaspi"], Assert.Single(card.InlineButtons, b => b.Url is not null).Text);
        Assert.Equal(link, QrReading.Decode(card.Photo.Content));
        Assert.Contains("/pay/sandbox/", link);
        Assert.Contains("₸", card.Caption);
        Assert.Contains(chat.Texts["payments.status.waiting"], card.Caption);

        // Not paid yet: the check says so in a short notice and the card stays as it is.
        await chat.Press("py:st:");
        await chat.ExpectCallbackAnswer("payments.still_waiting");

        // The patient's phone opens the link and presses "Pay" (the API's address stands in for PUBLIC_BASE_URL).
        using var phone = new HttpClient { BaseAddress = new Uri(env.Api.Url) };
        var page = await phone.GetAsync(new Uri(link).AbsolutePath, Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(new Uri(link).AbsolutePath + "/pay", null, Cancel)).StatusCode);

        await chat.Press("py:st:");
        var checkedCard = await chat.Expect("payments.status.paid");

        Assert.Equal(card.MessageId, checkedCard.MessageId);
        Assert.NotNull(checkedCard.Photo);
        Assert.Empty(checkedCard.InlineButtons);
        // Paid: no more "scan the code" instruction, only the amount and what happened.
        Assert.DoesNotContain(ChatDriver.FixedPart(chat.Texts["payments.qr_caption"]), checkedCard.Caption);
        Assert.Contains("₸", checkedCard.Caption);

        await chat.Tap("menu.payments");
        await chat.Expect("payments.nothing_to_pay");

        // The old menu's button for the visit, pressed after paying: nothing is charged twice.
        await chat.Press("py:ap:");
        await chat.Expect("errors.already_paid");
    }

    [Fact]
    public async Task Once_paid_the_patient_gets_the_receipt_PDF_once_with_a_message_in_their_language()
    {
        var chat = env.NewUser("kk", "Ғалия");
        await Scenarios.RegisterAsync(chat, Language.Kk, "Әлиева Ғалия");
        await Scenarios.BookFirstFreeAsync(chat);
        var (invoice, _) = await PayFirstVisitAsync(chat);

        // The payment planned a receipt in the outbox; the running sender delivers it.
        var fileName = $"receipt-{invoice.Id}.pdf";
        var sent = await chat.User.WaitForMessage(m => m.Document?.FileName == fileName, ChatDriver.Wait, Cancel);
        Assert.Equal("application/pdf", sent.Document!.MimeType);
        Assert.Equal("%PDF"u8.ToArray(), sent.Document.Content[..4]);
        var texts = Localizer.LoadEmbedded().For(Language.Kk);
        Assert.Equal(texts.Format("payments.receipt_message", ("amount", texts.Money(invoice.AmountTiyn))), sent.Caption);

        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Single(chat.User.Messages, m => m.Document?.FileName == fileName);
    }

    /// <summary>Through the bot's own API client and the sandbox page: an invoice for the first upcoming visit, paid; returns the receipt's document id.</summary>
    private async Task<(InvoiceDto Invoice, long ReceiptId)> PayFirstVisitAsync(ChatDriver chat)
    {
        var api = env.Bot.Services.GetRequiredService<ClinicApiClient>();
        var visit = (await api.GetMyAppointments(chat.Id, AppointmentScope.Upcoming, Cancel)).Value!.Items[0];
        var invoice = (await api.CreateInvoice(new CreateInvoiceRequest(chat.Id, visit.Id), Cancel)).Value!;
        using var http = new HttpClient { BaseAddress = new Uri(env.Api.Url) };
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(new Uri(invoice.PayUrl!).AbsolutePath + "/pay", null, Cancel)).StatusCode);
        Assert.Equal(InvoiceStatus.Paid, (await api.GetInvoiceStatus(invoice.Id, chat.Id, Cancel)).Value!.Status);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.Secret);
        var documents = await http.GetFromJsonAsync<DocumentListResponse>($"{Routes.Documents}?telegram_id={chat.Id}", ClinicJson.Options, Cancel);
        return (invoice, Assert.Single(documents!.Items, d => d.Kind == DocumentKind.Receipt).Id);
    }
}

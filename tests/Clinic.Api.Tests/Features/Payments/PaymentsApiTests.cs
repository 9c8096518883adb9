using System.Net.Http.Json;
using System.Net;
using Clinic.Api.Tests.Features.Documents;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>The bot's payment endpoints with the sandbox provider: invoice, pay on the sandbox page, status, balance.</summary>
public abstract class PaymentsApiTests(ClinicApp app) : PaymentsTestBase(app)
{
    [Fact]
    public async Task An_invoice_for_a_booked_visit_asks_for_its_service_price_through_a_sandbox_link()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");

        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);

        Assert.Equal(900_000, invoice.AmountTiyn);
        Assert.Equal(InvoiceStatus.Waiting, invoice.Status);
        Assert.Equal("sandbox", invoice.Provider);
        Assert.Equal(visit.Id, invoice.AppointmentId);
        Assert.StartsWith("http://localhost:5080/pay/sandbox/", invoice.PayUrl);
        Assert.Equal(App.Clock.GetUtcNow().AddMinutes(30), invoice.ExpiresAt);
    }

    [Fact]
    public async Task The_sandbox_page_shows_the_amount_and_the_clinic_in_the_patients_language()
    {
        var patient = await RegisterAsync(Language.Kk, "Әлиева Ғалия");
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        var page = await App.Anonymous.GetAsync(new Uri(invoice.PayUrl!).AbsolutePath, Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("9 000 ₸", html.Replace('\u00A0', ' '));
        Assert.Contains("Төлеу", html);
        Assert.Contains("/pay\"", html);
        Assert.Contains("/fail\"", html);
    }

    [Fact]
    public async Task Paying_on_the_sandbox_page_makes_the_invoice_paid_with_a_receipt_among_the_documents()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        var pressed = await PressOnSandboxPageAsync(invoice, "pay");
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var paid = await StatusOkAsync(invoice.Id, patient.TelegramId);

        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(App.Clock.GetUtcNow(), paid.PaidAt);
        Assert.Equal(1, await ReceiptMessagesAsync(invoice.Id));
        var documents = await ReadAsync<DocumentListResponse>(await Api.GetAsync($"{Routes.Documents}?telegram_id={patient.TelegramId}", Cancel));
        var receipt = Assert.Single(documents.Items, d => d.Kind == DocumentKind.Receipt);
        var text = PdfReading.Text(await (await DownloadAsync(receipt.Id, patient.TelegramId)).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("КВИТАНЦИЯ ОБ ОПЛАТЕ", text);
        Assert.Contains("Иванова Анна Сергеевна", text);
        Assert.Contains("9 000", text.Replace('\u00A0', ' '));
    }

    [Fact]
    public async Task Staff_refund_a_paid_invoice_once_the_patient_is_told_and_the_visit_can_be_paid_again()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);
        await PressOnSandboxPageAsync(invoice, "pay");
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        App.Clock.Advance(TimeSpan.FromHours(3));

        var response = await RefundAsync(invoice.Id, "Визит отменён клиникой");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refunded = await ReadAsync<InvoiceDto>(response);
        Assert.Equal((InvoiceStatus.Refunded, App.Clock.GetUtcNow()), (refunded.Status, refunded.RefundedAt));
        Assert.Equal(InvoiceStatus.Refunded, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Assert.Equal(1, await RefundMessagesAsync(invoice.Id));
        var row = await InDatabaseAsync(db => db.Invoices.SingleAsync(i => i.Id == invoice.Id, Cancel));
        Assert.Equal("Визит отменён клиникой", row.RefundReason);
        Assert.StartsWith("sandbox-return-", row.ProviderRefundId);

        // Pressing again changes nothing and tells the patient nothing more.
        var again = await RefundAsync(invoice.Id);
        Assert.Equal(refunded, await ReadAsync<InvoiceDto>(again));
        Assert.Equal(1, await RefundMessagesAsync(invoice.Id));
        // The money went back, so the visit is not paid ahead any more: a new invoice can be made for it.
        Assert.DoesNotContain(visit.Id, (await BalanceAsync(patient.TelegramId)).PaidAheadAppointmentIds);
        Assert.NotEqual(invoice.Id, (await CreateInvoiceOkAsync(patient.TelegramId, visit.Id)).Id);
    }

    [Fact]
    public async Task Only_a_paid_invoice_can_be_refunded_and_only_by_staff()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        await AssertErrorAsync(await RefundAsync(invoice.Id), HttpStatusCode.Conflict, ErrorCodes.NotRefundable);
        await AssertErrorAsync(await RefundAsync(987_654), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await RefundAsync(invoice.Id, new string('x', 501)), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        // The bot's secret is not the staff token.
        var byBot = await Api.PostAsJsonAsync(PaymentRoutes.StaffRefund(invoice.Id), new InvoiceRefundRequest(), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, byBot.StatusCode);
        Assert.Equal(InvoiceStatus.Waiting, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Assert.Equal(0, await RefundMessagesAsync(invoice.Id));
    }

    [Fact]
    public async Task Refunds_pressed_at_once_return_the_money_once()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);
        await PressOnSandboxPageAsync(invoice, "pay");
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefundAsync(invoice.Id)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await RefundMessagesAsync(invoice.Id));
        Assert.Equal(1, await InDatabaseAsync(db => db.Invoices.CountAsync(i => i.Id == invoice.Id && i.ProviderRefundId != null, Cancel)));
    }

    [Fact]
    public async Task Failing_on_the_sandbox_page_makes_the_invoice_failed_and_a_new_one_can_be_made()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);

        Assert.Equal(HttpStatusCode.OK, (await PressOnSandboxPageAsync(invoice, "fail")).StatusCode);

        Assert.Equal(InvoiceStatus.Failed, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Assert.Equal(0, await ReceiptMessagesAsync(invoice.Id));
        var again = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);
        Assert.NotEqual(invoice.Id, again.Id);
    }

    [Fact]
    public async Task A_paid_visit_cannot_be_invoiced_again_nor_paid_twice_on_the_page()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);
        await PressOnSandboxPageAsync(invoice, "pay");
        await StatusOkAsync(invoice.Id, patient.TelegramId);

        await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId, visit.Id), HttpStatusCode.Conflict, ErrorCodes.AlreadyPaid);
        var second = await PressOnSandboxPageAsync(invoice, "pay");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("уже оплачен", await second.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(1, await ReceiptMessagesAsync(invoice.Id));
    }

    [Fact]
    public async Task Asking_again_for_a_visit_or_with_the_same_idempotency_key_returns_the_same_invoice()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");
        var first = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);

        var again = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id, HttpStatusCode.OK);
        var keyed = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CreateInvoiceAsync(patient.TelegramId, visit.Id, idempotencyKey: "k-1")));

        Assert.Equal(first.Id, again.Id);
        foreach (var response in keyed)
            Assert.Equal(first.Id, (await ReadAsync<InvoiceDto>(response)).Id);
        Assert.Equal(1, await InDatabaseAsync(db => db.Invoices.CountAsync(i => i.AppointmentId == visit.Id, Cancel)));
    }

    [Fact]
    public async Task Another_patients_invoice_is_not_found_and_their_visit_cannot_be_invoiced()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var visit = await VisitAsync(owner, "booked");
        var invoice = await CreateInvoiceOkAsync(owner.TelegramId, visit.Id);

        await AssertErrorAsync(await StatusAsync(invoice.Id, stranger.TelegramId), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await CreateInvoiceAsync(stranger.TelegramId, visit.Id), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await CreateInvoiceAsync(owner.TelegramId, 987_654_321), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await StatusAsync(987_654_321, owner.TelegramId), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(await CreateInvoiceAsync(NewTelegramId()), HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-500L)]
    public async Task A_zero_or_negative_amount_is_refused(long amount)
    {
        var patient = await RegisterAsync();
        await VisitAsync(patient, "arrived");

        var error = await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId, amountTiyn: amount), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);

        Assert.Contains("amount_tiyn", error.Errors!.Keys);
    }

    [Fact]
    public async Task More_than_the_balance_or_a_balance_of_nothing_is_refused()
    {
        var patient = await RegisterAsync();

        await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId), HttpStatusCode.Conflict, ErrorCodes.NothingToPay);
        await VisitAsync(patient, "arrived");
        await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId, amountTiyn: 900_001), HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task A_cancelled_visit_is_not_payable()
    {
        var patient = await RegisterAsync();
        var visit = await BookOkAsync(patient.TelegramId, TestClinic.At(App.NextWorkday(), 15), Clinic.BetaId);
        var cancelled = await Api.PostAsync(Routes.AppointmentCancel(visit.Id), RawJson($$"""{"telegram_id":{{patient.TelegramId}}}"""), Cancel);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId, visit.Id), HttpStatusCode.Conflict, ErrorCodes.NotPayable);
    }

    [Fact]
    public async Task The_balance_is_the_attended_visits_not_yet_paid_and_paying_it_clears_it()
    {
        var patient = await RegisterAsync();
        await VisitAsync(patient, "arrived");
        var booked = await VisitAsync(patient, "booked");

        var before = await BalanceAsync(patient.TelegramId);
        Assert.Equal(900_000, before.BalanceTiyn);
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId);
        Assert.Null(invoice.AppointmentId);
        Assert.Equal(900_000, invoice.AmountTiyn);
        var visitInvoice = await CreateInvoiceOkAsync(patient.TelegramId, booked.Id);
        Assert.Equal([visitInvoice.Id, invoice.Id], (await BalanceAsync(patient.TelegramId)).UnpaidInvoices.Select(i => i.Id));

        await PressOnSandboxPageAsync(invoice, "pay");
        await StatusOkAsync(invoice.Id, patient.TelegramId);

        var after = await BalanceAsync(patient.TelegramId);
        Assert.Equal(0, after.BalanceTiyn);
        Assert.Equal([visitInvoice.Id], after.UnpaidInvoices.Select(i => i.Id));
        Assert.Empty(after.PaidAheadAppointmentIds);

        await PressOnSandboxPageAsync(visitInvoice, "pay");
        await StatusOkAsync(visitInvoice.Id, patient.TelegramId);
        var paidAhead = await BalanceAsync(patient.TelegramId);
        Assert.Equal(0, paidAhead.BalanceTiyn);
        Assert.Empty(paidAhead.UnpaidInvoices);
        Assert.Equal([booked.Id], paidAhead.PaidAheadAppointmentIds);
    }

    [Fact]
    public async Task An_unpaid_invoice_expires_when_its_time_is_up_and_a_new_one_can_be_made()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, visit.Id);

        App.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(InvoiceStatus.Expired, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        var page = await PressOnSandboxPageAsync(invoice, "pay");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.NotEqual(invoice.Id, (await CreateInvoiceOkAsync(patient.TelegramId, visit.Id)).Id);
    }

    [Fact]
    public async Task The_background_job_marks_a_paid_invoice_paid_without_anyone_checking()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);
        await PressOnSandboxPageAsync(invoice, "pay");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await InDatabaseAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).Select(i => i.Status).SingleAsync(Cancel)) != InvoiceStatus.Paid)
        {
            Assert.True(DateTime.UtcNow < deadline, "The polling job did not mark the invoice paid.");
            App.Clock.Advance(TimeSpan.FromSeconds(15)); // PAYMENT_POLL_SECONDS
            await Task.Delay(200, Cancel);
        }

        Assert.Equal(1, await ReceiptMessagesAsync(invoice.Id));
    }
}

public sealed class PaymentsApiOnSqliteTests(SqliteApp app) : PaymentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentsApiOnPostgresTests(PostgresApp app) : PaymentsApiTests(app), IClassFixture<PostgresApp>;

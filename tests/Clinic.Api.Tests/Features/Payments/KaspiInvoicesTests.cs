using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Net;
using Clinic.Api.Tests.Features.Documents;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.AspNetCore.Hosting;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>The API configured for Kaspi (KASPI_* settings) against the local fake Kaspi: invoices, statuses, refusals.</summary>
public abstract class KaspiInvoicesTests(KaspiApp app) : PaymentsTestBase(app)
{
    private FakeKaspi Kaspi => ((KaspiApp)App).Kaspi;

    /// <summary>The fake's links end in the payment id.</summary>
    private static long PaymentIdOf(InvoiceDto invoice) =>
        long.Parse(invoice.PayUrl!.Split('/')[^1], CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_invoice_is_a_Kaspi_payment_link_and_becomes_paid_when_Kaspi_says_Processed()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        Assert.Equal("kaspi", invoice.Provider);
        Assert.StartsWith("https://pay.kaspi.kz/pay/", invoice.PayUrl);
        var create = Kaspi.Requests.Last(r => r.Path == "/r3/v01/qr/create-link");
        Assert.Equal("test-api-key", create.Headers["Api-Key"]);
        Assert.Equal($"invoice-{invoice.Id}", (string?)create.Body!["ExternalId"]);
        var paymentId = PaymentIdOf(invoice);

        Assert.Equal(InvoiceStatus.Waiting, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Kaspi.SetStatus(paymentId, "Processed");
        var paid = await StatusOkAsync(invoice.Id, patient.TelegramId);

        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(1, await ReceiptMessagesAsync(invoice.Id));
        var documents = await ReadAsync<DocumentListResponse>(await Api.GetAsync($"{Routes.Documents}?telegram_id={patient.TelegramId}", Cancel));
        var receipt = Assert.Single(documents.Items, d => d.Kind == DocumentKind.Receipt);
        var text = PdfReading.Text(await (await DownloadAsync(receipt.Id, patient.TelegramId)).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains(paymentId.ToString(CultureInfo.InvariantCulture), text);
    }

    [Fact]
    public async Task A_refund_goes_back_through_Kaspi_payment_return_in_tenge_and_a_refusal_keeps_the_invoice_paid()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);
        var paymentId = PaymentIdOf(invoice);
        Kaspi.SetStatus(paymentId, "Processed");
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);

        Kaspi.RefuseWithStatusCode = -999;
        try
        {
            await AssertErrorAsync(await RefundAsync(invoice.Id), HttpStatusCode.ServiceUnavailable, ErrorCodes.PaymentProviderUnavailable);
        }
        finally
        {
            Kaspi.RefuseWithStatusCode = null;
        }
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Assert.Equal(0, await RefundMessagesAsync(invoice.Id));

        var response = await RefundAsync(invoice.Id, "Двойная оплата");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(InvoiceStatus.Refunded, (await ReadAsync<InvoiceDto>(response)).Status);
        var sent = Kaspi.Requests.Last(r => r.Path == "/r3/v01/payment/return");
        Assert.Equal(paymentId, (long?)sent.Body!["QrPaymentId"]);
        Assert.Equal(9000m, (decimal?)sent.Body!["Amount"]);
        Assert.Equal("device-1", (string?)sent.Body!["DeviceToken"]);
        Assert.Equal("test-api-key", sent.Headers["Api-Key"]);
        var row = await InDatabaseAsync(db => db.Invoices.SingleAsync(i => i.Id == invoice.Id, Cancel));
        Assert.Equal((7_000_000 + paymentId).ToString(CultureInfo.InvariantCulture), row.ProviderRefundId);
        Assert.Equal(1, await RefundMessagesAsync(invoice.Id));
    }

    [Fact]
    public async Task An_unknown_Kaspi_status_keeps_the_invoice_waiting_and_Error_fails_it()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);
        var paymentId = PaymentIdOf(invoice);

        Kaspi.SetStatus(paymentId, "SomethingNew");
        Assert.Equal(InvoiceStatus.Waiting, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Kaspi.SetStatus(paymentId, "Error");
        Assert.Equal(InvoiceStatus.Failed, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
    }

    [Fact]
    public async Task When_Kaspi_refuses_the_invoice_the_bot_gets_503_and_nothing_stays_open()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");
        Kaspi.RefuseWithStatusCode = -1503;
        try
        {
            await AssertErrorAsync(await CreateInvoiceAsync(patient.TelegramId, visit.Id), HttpStatusCode.ServiceUnavailable, ErrorCodes.PaymentProviderUnavailable);
        }
        finally
        {
            Kaspi.RefuseWithStatusCode = null;
        }

        Assert.Empty((await BalanceAsync(patient.TelegramId)).UnpaidInvoices);
        Assert.Equal(InvoiceStatus.Waiting, (await CreateInvoiceOkAsync(patient.TelegramId, visit.Id)).Status);
    }
}

public sealed class KaspiInvoicesOnSqliteTests(KaspiSqliteApp app) : KaspiInvoicesTests(app), IClassFixture<KaspiSqliteApp>;

public sealed class KaspiInvoicesOnPostgresTests(KaspiPostgresApp app) : KaspiInvoicesTests(app), IClassFixture<KaspiPostgresApp>;

/// <summary>The API with KASPI_API_KEY and KASPI_BASE_URL pointing at a <see cref="FakeKaspi"/> it starts.</summary>
public abstract class KaspiApp(ITestDatabase database) : ClinicApp(database)
{
    public FakeKaspi Kaspi { get; } = FakeKaspi.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("KASPI_API_KEY", "test-api-key");
        builder.UseSetting("KASPI_BASE_URL", Kaspi.BaseUrl.AbsoluteUri);
        builder.UseSetting("KASPI_DEVICE_TOKEN", "device-1");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Kaspi.DisposeAsync();
    }
}

public sealed class KaspiSqliteApp() : KaspiApp(new SqliteTestDatabase());

public sealed class KaspiPostgresApp() : KaspiApp(new PostgresTestDatabase());

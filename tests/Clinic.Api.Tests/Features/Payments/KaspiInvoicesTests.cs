using System.Globalization;
using System.Net;
using Clinic.Api.Tests.Features.Documents;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.AspNetCore.Hosting;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>The API configured for Kaspi (KASPI_* settings) against the local fake Kaspi: invoices, statuses, refusals.</summary>
public sealed class KaspiInvoicesTests(KaspiApp app) : PaymentsTestBase(app), IClassFixture<KaspiApp>
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

/// <summary>The API with KASPI_API_KEY and KASPI_BASE_URL pointing at a <see cref="FakeKaspi"/> it starts.</summary>
public sealed class KaspiApp() : ClinicApp(new SqliteTestDatabase())
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

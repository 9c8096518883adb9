using System.Net;
using Clinic.Api.Data;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Api.Features.Payments;
using Clinic.Api.Tests.Features.Documents;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>Whatever the retries and races, an invoice is marked paid once: one receipt, one receipt message.</summary>
public abstract class PaidOnceTests(ClinicApp app) : PaymentsTestBase(app)
{
    [Fact]
    public async Task Twenty_concurrent_paid_updates_mark_the_invoice_paid_exactly_once()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        using var gate = new SemaphoreSlim(0);
        var updates = Enumerable.Range(0, 20).Select(async _ =>
        {
            await gate.WaitAsync(Cancel);
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<InvoiceTransitions>().ApplyAsync(invoice.Id, ProviderStatus.Paid, Cancel);
        }).ToList();
        gate.Release(20);
        var changed = await Task.WhenAll(updates);

        Assert.Single(changed, c => c);
        await AssertPaidOnceAsync(invoice, patient);
    }

    [Fact]
    public async Task Repeated_status_checks_and_late_updates_after_payment_change_nothing()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);
        await PressOnSandboxPageAsync(invoice, "pay");

        var checks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => StatusAsync(invoice.Id, patient.TelegramId)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var transitions = scope.ServiceProvider.GetRequiredService<InvoiceTransitions>();
            Assert.False(await transitions.ApplyAsync(invoice.Id, ProviderStatus.Paid, Cancel));
            Assert.False(await transitions.ApplyAsync(invoice.Id, ProviderStatus.Failed, Cancel));
            Assert.False(await transitions.ApplyAsync(invoice.Id, ProviderStatus.Waiting, Cancel));
        }

        Assert.All(checks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        foreach (var check in checks)
            Assert.Equal(InvoiceStatus.Paid, (await ReadAsync<InvoiceDto>(check)).Status);
        await AssertPaidOnceAsync(invoice, patient);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_visit_create_one_open_invoice()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "booked");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateInvoiceAsync(patient.TelegramId, visit.Id)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await InDatabaseAsync(db => db.Invoices.CountAsync(i => i.AppointmentId == visit.Id, Cancel)));
    }

    [Fact]
    public async Task A_patient_named_in_Chinese_pays_and_gets_a_receipt_with_the_name_marked_as_unprintable()
    {
        var patient = await RegisterAsync(name: "王 小明");
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);

        await PressOnSandboxPageAsync(invoice, "pay");

        await AssertPaidOnceAsync(invoice, patient);
        var text = PdfReading.Text(await ReceiptPdfAsync(patient));
        Assert.Contains("Плательщик: \uFFFD \uFFFD\uFFFD", text);
        Assert.Contains(PdfFormat.Tenge(invoice.AmountTiyn), text);
    }

    [Fact]
    public async Task A_receipt_that_cannot_be_stored_leaves_the_invoice_paid_and_a_later_polling_round_files_it_once()
    {
        var patient = await RegisterAsync();
        var invoice = await CreateInvoiceOkAsync(patient.TelegramId, (await VisitAsync(patient, "booked")).Id);
        await PressOnSandboxPageAsync(invoice, "pay");

        using (BreakDocumentStorage())
        {
            Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
            Assert.Equal(0, await ReceiptMessagesAsync(invoice.Id));
        }
        // The polling job's next round (PAYMENT_POLL_SECONDS later) races five more rounds started here.
        App.Clock.Advance(TimeSpan.FromSeconds(15));
        var rounds = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReceiptFiling>().FilePendingAsync(Cancel);
        }));
        for (var waited = 0; await ReceiptMessagesAsync(invoice.Id) == 0 && waited < 100; waited++)
            await Task.Delay(100, Cancel);

        Assert.InRange(rounds.Sum(), 0, 1);
        await AssertPaidOnceAsync(invoice, patient);
        Assert.Contains("Иванова Анна Сергеевна", PdfReading.Text(await ReceiptPdfAsync(patient)));
        // The failed tries left no file behind: the patient's folder holds the one receipt.
        Assert.Single(Directory.EnumerateFiles(Path.Combine(App.DocumentsPath, patient.Id.ToString()), "*", SearchOption.AllDirectories));
    }

    /// <summary>The documents folder replaced by a file, as a full or unmounted disk would fail every write, until disposed.</summary>
    private IDisposable BreakDocumentStorage()
    {
        var away = App.DocumentsPath + ".away";
        if (Directory.Exists(App.DocumentsPath))
            Directory.Move(App.DocumentsPath, away);
        File.WriteAllText(App.DocumentsPath, "");
        return new Restore(() =>
        {
            File.Delete(App.DocumentsPath);
            if (Directory.Exists(away))
                Directory.Move(away, App.DocumentsPath);
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private async Task<byte[]> ReceiptPdfAsync(PatientDto patient)
    {
        var documents = await ReadAsync<DocumentListResponse>(await Api.GetAsync($"{Routes.Documents}?telegram_id={patient.TelegramId}", Cancel));
        var receipt = Assert.Single(documents.Items, d => d.Kind == DocumentKind.Receipt);
        var response = await DownloadAsync(receipt.Id, patient.TelegramId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }

    private async Task AssertPaidOnceAsync(InvoiceDto invoice, PatientDto patient)
    {
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Assert.Equal(1, await ReceiptMessagesAsync(invoice.Id));
        Assert.Equal(1, await InDatabaseAsync(db => db.Documents.CountAsync(d => d.PatientId == patient.Id && d.Kind == DocumentKind.Receipt, Cancel)));
    }
}

public sealed class PaidOnceOnSqliteTests(SqliteApp app) : PaidOnceTests(app), IClassFixture<SqliteApp>;

public sealed class PaidOnceOnPostgresTests(PostgresApp app) : PaidOnceTests(app), IClassFixture<PostgresApp>;

using System.Net;
using Clinic.Api.Data;
using Clinic.Api.Features.Payments;
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

    private async Task AssertPaidOnceAsync(InvoiceDto invoice, PatientDto patient)
    {
        Assert.Equal(InvoiceStatus.Paid, (await StatusOkAsync(invoice.Id, patient.TelegramId)).Status);
        Assert.Equal(1, await ReceiptMessagesAsync(invoice.Id));
        Assert.Equal(1, await InDatabaseAsync(db => db.Documents.CountAsync(d => d.PatientId == patient.Id && d.Kind == DocumentKind.Receipt, Cancel)));
    }
}

public sealed class PaidOnceOnSqliteTests(SqliteApp app) : PaidOnceTests(app), IClassFixture<SqliteApp>;

public sealed class PaidOnceOnPostgresTests(PostgresApp app) : PaidOnceTests(app), IClassFixture<PostgresApp>;

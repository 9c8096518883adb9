using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Tests.Features.Documents;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>Invoices, statuses and the sandbox page, over HTTP as the bot and the patient's phone would use them.</summary>
public abstract class PaymentsTestBase(ClinicApp app) : DocumentsTestBase(app)
{
    protected Task<HttpResponseMessage> CreateInvoiceAsync(long telegramId, long? appointmentId = null, long? amountTiyn = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PaymentRoutes.Invoice)
        {
            Content = JsonContent.Create(new CreateInvoiceRequest(telegramId, appointmentId, amountTiyn), options: ClinicJson.Options),
        };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Api.SendAsync(request, Cancel);
    }

    protected async Task<InvoiceDto> CreateInvoiceOkAsync(long telegramId, long? appointmentId = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await CreateInvoiceAsync(telegramId, appointmentId);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<InvoiceDto>(body, ClinicJson.Options)!;
    }

    protected Task<HttpResponseMessage> StatusAsync(long invoiceId, long telegramId) =>
        Api.GetAsync($"{PaymentRoutes.Status(invoiceId)}?telegram_id={telegramId}", Cancel);

    protected async Task<InvoiceDto> StatusOkAsync(long invoiceId, long telegramId)
    {
        var response = await StatusAsync(invoiceId, telegramId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<InvoiceDto>(response);
    }

    protected async Task<BalanceDto> BalanceAsync(long telegramId)
    {
        var response = await Api.GetAsync($"{PaymentRoutes.Balance}?telegram_id={telegramId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync<BalanceDto>(response);
    }

    /// <summary>Presses a button of the sandbox page the invoice's link opens, as the patient's browser would (no bot secret).</summary>
    protected Task<HttpResponseMessage> PressOnSandboxPageAsync(InvoiceDto invoice, string action) =>
        App.Anonymous.PostAsync(new Uri(invoice.PayUrl!).AbsolutePath + "/" + action, null, Cancel);

    protected async Task<T> InDatabaseAsync<T>(Func<ClinicDbContext, Task<T>> query)
    {
        using var scope = App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
    }

    protected Task<HttpResponseMessage> RefundAsync(long invoiceId, string? reason = null) =>
        App.Staff.PostAsJsonAsync(PaymentRoutes.StaffRefund(invoiceId), new InvoiceRefundRequest(reason), ClinicJson.Options, Cancel);

    protected Task<int> RefundMessagesAsync(long invoiceId) => InDatabaseAsync(db =>
        db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.PaymentRefund && m.Payload.Contains($"\"invoice_id\":{invoiceId},"), Cancel));

    protected Task<int> ReceiptMessagesAsync(long invoiceId) => InDatabaseAsync(db =>
        db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.PaymentReceipt && m.Payload.Contains($"\"invoice_id\":{invoiceId},"), Cancel));
}

using System.Globalization;
using Clinic.Contracts;
using Polly;

namespace Clinic.Bot.ClinicApi;

public sealed partial class ClinicApiClient
{
    // Payments

    /// <summary>An invoice for a visit or for the balance; the API answers a repeat with the open invoice, so this is safe to retry.</summary>
    public Task<ApiResult<InvoiceDto>> CreateInvoice(CreateInvoiceRequest request, CancellationToken ct = default) =>
        Send<InvoiceDto>(HttpMethod.Post, PaymentRoutes.Invoice, request, idempotencyKey: null, ct);

    /// <summary>The invoice's status; the API asks the payment provider once if it is still open.</summary>
    public Task<ApiResult<InvoiceDto>> GetInvoiceStatus(long invoiceId, long telegramId, CancellationToken ct = default) =>
        Get<InvoiceDto>(Query(PaymentRoutes.Status(invoiceId), ("telegram_id", Id(telegramId))), ct);

    public Task<ApiResult<BalanceDto>> GetBalance(long telegramId, CancellationToken ct = default) =>
        Get<BalanceDto>(Query(PaymentRoutes.Balance, ("telegram_id", Id(telegramId))), ct);

    /// <summary>
    /// The receipt's PDF bytes (a document of the patient), or null when the API does not have it. Throws
    /// <see cref="HttpRequestException"/> when the API is unavailable, as the outbox's renderers do, so the message is tried later.
    /// </summary>
    public async Task<byte[]?> GetReceiptPdf(long documentId, long telegramId, CancellationToken ct = default)
    {
        var path = $"{Routes.DocumentDownload(documentId)}?telegram_id={telegramId.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            using var response = await http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative), ct);
            // A server failure is worth another try later; a refusal (no such receipt for this patient) is not.
            if ((int)response.StatusCode >= 500)
                throw new HttpRequestException($"The clinic API answered {(int)response.StatusCode} for receipt {documentId}.", null, response.StatusCode);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(ct) : null;
        }
        catch (ExecutionRejectedException rejected)
        {
            throw new HttpRequestException(ClinicApiResilience.Describe(rejected), rejected);
        }
    }
}

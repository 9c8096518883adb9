using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clinic.Api.Features.Payments;

/// <summary>
/// The provider outside Development when neither Kaspi (<c>KASPI_API_KEY</c>) nor the sandbox (<c>PAYMENTS_SANDBOX=true</c>)
/// is configured: a production server must never hand a patient a fake payment page. New invoices are refused with
/// 503 <c>payments_unavailable</c>, which the bot explains; older invoices cannot be checked or refunded here.
/// </summary>
public sealed class PaymentsOff : IPaymentProvider
{
    public const string ProviderName = "none";

    public string Name => ProviderName;

    public static JsonHttpResult<ApiError> Refusal() =>
        TypedResults.Json(new ApiError(ErrorCodes.PaymentsUnavailable, "Online payment is not configured on this server."),
            statusCode: StatusCodes.Status503ServiceUnavailable);

    public Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken) =>
        throw new PaymentProviderException("Online payment is not configured (KASPI_API_KEY, or PAYMENTS_SANDBOX=true).");

    public Task<ProviderStatus> GetStatusAsync(string paymentId, CancellationToken cancellationToken) =>
        throw new PaymentProviderException("Online payment is not configured (KASPI_API_KEY, or PAYMENTS_SANDBOX=true).");

    public Task<string> RefundAsync(string paymentId, long amountTiyn, CancellationToken cancellationToken) =>
        throw new PaymentProviderException("Online payment is not configured (KASPI_API_KEY, or PAYMENTS_SANDBOX=true).");
}

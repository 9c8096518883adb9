using System.Globalization;

namespace Clinic.Api.Features.Payments.Kaspi;

/// <summary>
/// Kaspi QR as an <see cref="IPaymentProvider"/>: a payment link (<c>qr/create-link</c>), shown to the patient both
/// as a QR code and as a button, and its status. <c>QrTokenCreated</c> and <c>Wait</c> are waiting, <c>Processed</c>
/// is paid, <c>Error</c> failed; a status Kaspi adds later is not final, so the invoice keeps being polled.
/// </summary>
public sealed class KaspiPaymentProvider(KaspiQrClient client) : IPaymentProvider
{
    public string Name => "kaspi";

    public async Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        var link = await client.CreateLinkAsync(request.ExternalId, request.AmountTiyn, cancellationToken);
        return new ProviderPayment(link.PaymentId.ToString(CultureInfo.InvariantCulture), link.PaymentLink, link.ExpireDate);
    }

    public async Task<ProviderStatus> GetStatusAsync(string paymentId, CancellationToken cancellationToken) =>
        Map((await client.GetStatusAsync(paymentId, cancellationToken)).Status);

    public async Task<string> RefundAsync(string paymentId, long amountTiyn, CancellationToken cancellationToken) =>
        (await client.ReturnAsync(paymentId, amountTiyn, cancellationToken)).ReturnOperationId.ToString(CultureInfo.InvariantCulture);

    public static ProviderStatus Map(string? status) => status switch
    {
        "QrTokenCreated" or "Wait" => ProviderStatus.Waiting,
        "Processed" => ProviderStatus.Paid,
        "Error" => ProviderStatus.Failed,
        _ => ProviderStatus.Unknown,
    };
}

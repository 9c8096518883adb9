namespace Clinic.Api.Features.Payments;

/// <summary>
/// A payment system that takes the money: Kaspi QR in production, the sandbox on a developer's machine.
/// It creates a payment for an invoice and answers its status; the API keeps the invoice's state.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Stored on the invoice (<c>kaspi</c>, <c>sandbox</c>).</summary>
    string Name { get; }

    /// <summary>Creates the payment. Throws <see cref="PaymentProviderException"/> when the provider refuses or does not answer.</summary>
    Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The payment's status now. Throws <see cref="PaymentProviderException"/> when the provider cannot tell.</summary>
    Task<ProviderStatus> GetStatusAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Returns <paramref name="amountTiyn"/> of a paid payment to the payer; answers the provider's id of the return.
    /// Throws <see cref="PaymentProviderException"/> when the provider refuses or does not answer.
    /// </summary>
    Task<string> RefundAsync(string paymentId, long amountTiyn, CancellationToken cancellationToken);
}

/// <param name="ExternalId">Our id of the payment, unique per invoice (Kaspi's <c>ExternalId</c>).</param>
public sealed record ProviderPaymentRequest(long InvoiceId, string ExternalId, long AmountTiyn);

/// <param name="PayUrl">What the QR encodes and the pay button opens.</param>
/// <param name="ExpiresAt">When the provider stops accepting it, if it says.</param>
public sealed record ProviderPayment(string PaymentId, string PayUrl, DateTimeOffset? ExpiresAt);

/// <summary>What the provider says about a payment. Only <see cref="Paid"/> and <see cref="Failed"/> are final.</summary>
public enum ProviderStatus { Waiting, Paid, Failed, Unknown }

public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Clinic.Api.Features.Payments.Sandbox;

/// <summary>
/// The payment provider of a developer's machine (used when Kaspi is not configured). A payment is a random token
/// whose link opens the API's own page (<see cref="SandboxPageApi"/>), where "Pay" or "Fail" decides it; the API then
/// learns the outcome by polling, exactly as with Kaspi. The state lives in memory: a restart forgets open payments
/// and their invoices simply expire.
/// </summary>
public sealed class SandboxPaymentProvider(ClinicApiOptions options) : IPaymentProvider
{
    private readonly ConcurrentDictionary<string, ProviderStatus> _payments = new(StringComparer.Ordinal);

    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public Task<ProviderPayment> CreateAsync(ProviderPaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.AmountTiyn <= 0)
            throw new ArgumentOutOfRangeException(nameof(request), "A payment is for a positive amount.");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _payments[token] = ProviderStatus.Waiting;
        var url = options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + Contracts.PaymentRoutes.SandboxPage(token);
        return Task.FromResult(new ProviderPayment(token, url, null));
    }

    public Task<ProviderStatus> GetStatusAsync(string paymentId, CancellationToken cancellationToken) =>
        Task.FromResult(_payments.TryGetValue(paymentId, out var status) ? status : ProviderStatus.Unknown);

    /// <summary>
    /// A refund of a payment the sandbox saw paid, or of one it forgot in a restart (nothing to check it against); one still
    /// waiting or failed has no money to return.
    /// </summary>
    public Task<string> RefundAsync(string paymentId, long amountTiyn, CancellationToken cancellationToken)
    {
        if (_payments.TryGetValue(paymentId, out var status) && status != ProviderStatus.Paid)
            throw new PaymentProviderException($"The sandbox payment {paymentId} was not paid ({status}): there is nothing to return.");
        return Task.FromResult("sandbox-return-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
    }

    /// <summary>The page's buttons: a waiting payment becomes paid or failed once; false when it is unknown or already decided.</summary>
    public bool Decide(string token, ProviderStatus outcome) =>
        _payments.TryUpdate(token, outcome, ProviderStatus.Waiting);

    public bool Knows(string token) => _payments.ContainsKey(token);
}

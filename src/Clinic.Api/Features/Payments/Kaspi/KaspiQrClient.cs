using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clinic.Api.Infrastructure.Telemetry;
using Polly;

namespace Clinic.Api.Features.Payments.Kaspi;

/// <summary>
/// Typed client of Kaspi's partner QR API. Every answer is the envelope <c>{StatusCode, Message, Data}</c>;
/// <c>StatusCode</c> 0 is success, anything else (or a non-2xx HTTP answer, or no answer in time) is a
/// <see cref="PaymentProviderException"/>. Each request carries a fresh <c>X-Request-ID</c>; the <c>Api-Key</c>
/// header, the client certificate and the retries of status polls are set up once on the HTTP client (<see cref="KaspiSetup"/>).
/// </summary>
public sealed class KaspiQrClient(HttpClient http, KaspiOptions options, ApiMetrics metrics)
{
    public const string ApiKeyHeader = "Api-Key";
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary><c>POST qr/create</c>: a QR token for the customer to scan.</summary>
    public Task<KaspiQrToken> CreateQrAsync(string externalId, long amountTiyn, CancellationToken cancellationToken) =>
        SendAsync<KaspiQrToken>(HttpMethod.Post, "qr/create", Body(externalId, amountTiyn), cancellationToken);

    /// <summary><c>POST qr/create-link</c>: a payment link that opens Kaspi (and can itself be shown as a QR code).</summary>
    public Task<KaspiPaymentLink> CreateLinkAsync(string externalId, long amountTiyn, CancellationToken cancellationToken) =>
        SendAsync<KaspiPaymentLink>(HttpMethod.Post, "qr/create-link", Body(externalId, amountTiyn), cancellationToken);

    /// <summary><c>GET payment/status/{QrPaymentId}</c>.</summary>
    public Task<KaspiPaymentStatus> GetStatusAsync(string paymentId, CancellationToken cancellationToken) =>
        SendAsync<KaspiPaymentStatus>(HttpMethod.Get, "payment/status/" + Uri.EscapeDataString(paymentId), null, cancellationToken);

    /// <summary><c>POST payment/return</c>: money of a processed payment back to the customer (<c>Amount</c> in tenge).</summary>
    public Task<KaspiReturn> ReturnAsync(string paymentId, long amountTiyn, CancellationToken cancellationToken)
    {
        if (amountTiyn <= 0)
            throw new ArgumentOutOfRangeException(nameof(amountTiyn), "Kaspi returns positive amounts only.");
        if (!long.TryParse(paymentId, NumberStyles.None, CultureInfo.InvariantCulture, out var qrPaymentId))
            throw new PaymentProviderException($"'{paymentId}' is not a Kaspi payment id.");
        return SendAsync<KaspiReturn>(HttpMethod.Post, "payment/return",
            new KaspiReturnRequest(options.DeviceToken, qrPaymentId, decimal.Divide(amountTiyn, 100)), cancellationToken);
    }

    private KaspiCreateRequest Body(string externalId, long amountTiyn)
    {
        if (amountTiyn <= 0)
            throw new ArgumentOutOfRangeException(nameof(amountTiyn), "Kaspi takes positive amounts only.");
        // Kaspi wants tenge; tiyn become two decimals, exactly (no floating point).
        return new KaspiCreateRequest(options.DeviceToken, decimal.Divide(amountTiyn, 100), externalId);
    }

    /// <summary>One call; a failure is counted in <c>clinic.api.kaspi.errors</c> by operation and reason before it is thrown.</summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        try
        {
            return await ExchangeAsync<T>(method, path, body, cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            var operation = path.StartsWith("payment/status/", StringComparison.Ordinal) ? "payment/status" : path;
            metrics.KaspiError(operation, e.InnerException switch
            {
                TaskCanceledException => "timeout",
                HttpRequestException => "unreachable",
                JsonException => "invalid_answer",
                // Kaspi answered, and said no: an HTTP error, or an envelope whose StatusCode is not 0.
                _ => "refused",
            });
            throw;
        }
    }

    private async Task<T> ExchangeAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.SchemeUrl, path));
        request.Headers.Add(RequestIdHeader, Guid.NewGuid().ToString());
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");
        KaspiEnvelope<T>? envelope;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new PaymentProviderException($"Kaspi answered HTTP {(int)response.StatusCode} to {path}.");
            envelope = await response.Content.ReadFromJsonAsync<KaspiEnvelope<T>>(Json, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderException($"Kaspi did not answer {path} within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", e);
        }
        catch (ExecutionRejectedException e)
        {
            throw new PaymentProviderException(KaspiResilience.Describe(e, path, options), e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentProviderException($"Kaspi could not be reached for {path}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new PaymentProviderException($"Kaspi's answer to {path} is not the expected JSON.", e);
        }
        if (envelope is null)
            throw new PaymentProviderException($"Kaspi's answer to {path} is empty.");
        if (envelope.StatusCode != 0)
            throw new PaymentProviderException($"Kaspi refused {path}: StatusCode {envelope.StatusCode}, {envelope.Message}");
        return envelope.Data ?? throw new PaymentProviderException($"Kaspi's answer to {path} has no Data.");
    }

    /// <summary>Kaspi's field names are PascalCase, as in its documentation.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record KaspiEnvelope<T>(int StatusCode, string? Message, T? Data);

public sealed record KaspiCreateRequest(string? DeviceToken, decimal Amount, string ExternalId);

public sealed record KaspiQrToken(string QrToken, DateTimeOffset? ExpireDate, long QrPaymentId);

public sealed record KaspiPaymentLink(string PaymentLink, DateTimeOffset? ExpireDate, long PaymentId);

public sealed record KaspiReturnRequest(string? DeviceToken, long QrPaymentId, decimal Amount);

public sealed record KaspiReturn(long ReturnOperationId);

public sealed record KaspiPaymentStatus(string Status, long? TransactionId = null);

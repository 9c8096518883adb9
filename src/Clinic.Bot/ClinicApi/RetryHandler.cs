using System.Net;

namespace Clinic.Bot.ClinicApi;

/// <summary>
/// Retries requests that are safe to repeat — GETs, and POSTs that carry an <c>Idempotency-Key</c> —
/// when the API cannot be reached, an attempt times out, or it answers 408/5xx. Other writes are sent once:
/// repeating a cancel or a reschedule whose answer was lost could act twice; having one try, they get the
/// longer single-attempt limit (a certificate PDF or a payment QR can take seconds on a busy server).
/// </summary>
public sealed class RetryHandler(TimeSpan attemptTimeout, TimeSpan singleAttemptTimeout, IReadOnlyList<TimeSpan> delays, TimeProvider? timeProvider = null)
    : DelegatingHandler
{
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The limit of a request that is sent once; under the client's whole-call limit.</summary>
    public static readonly TimeSpan DefaultSingleAttemptTimeout = ClinicApiClientRegistration.TotalTimeout - TimeSpan.FromSeconds(1);

    /// <summary>A request's own per-attempt limit, for calls that do heavy work on the API (printing a PDF).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeoutOption = new("Clinic.AttemptTimeout");

    public static readonly IReadOnlyList<TimeSpan> DefaultDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600)];

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public RetryHandler() : this(DefaultAttemptTimeout, DefaultSingleAttemptTimeout, DefaultDelays) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempts = IsRetryable(request) ? delays.Count + 1 : 1;
        var limit = request.Options.TryGetValue(AttemptTimeoutOption, out var own) ? own
            : attempts == 1 ? singleAttemptTimeout : attemptTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt == attempts;
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(limit);
            try
            {
                var response = await base.SendAsync(request, attemptCts.Token);
                if (last || !IsTransient(response.StatusCode))
                    return response;
                response.Dispose();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (last)
                    throw new TimeoutException($"The clinic API did not answer within {limit.TotalSeconds:0.#} s ({attempts} attempt(s)).");
            }
            catch (HttpRequestException) when (!last)
            {
                // Connection refused or reset: worth another try after the delay.
            }
            await Task.Delay(delays[attempt - 1], _time, cancellationToken);
        }
    }

    public static bool IsRetryable(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        || request.Method == HttpMethod.Head
        || (request.Method == HttpMethod.Post && request.Headers.Contains(ClinicApiClient.IdempotencyKeyHeader));

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.RequestTimeout || (int)status >= 500;
}

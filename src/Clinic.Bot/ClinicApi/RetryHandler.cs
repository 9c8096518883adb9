using System.Net;

namespace Clinic.Bot.ClinicApi;

/// <summary>
/// Retries requests that are safe to repeat — GETs, and POSTs that carry an <c>Idempotency-Key</c> —
/// when the API cannot be reached, an attempt times out, or it answers 408/5xx. Other writes are sent once:
/// repeating a cancel or a reschedule whose answer was lost could act twice.
/// </summary>
public sealed class RetryHandler(TimeSpan attemptTimeout, IReadOnlyList<TimeSpan> delays, TimeProvider? timeProvider = null) : DelegatingHandler
{
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A request's own per-attempt limit, for calls that do heavy work on the API (printing a PDF).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeoutOption = new("Clinic.AttemptTimeout");

    public static readonly IReadOnlyList<TimeSpan> DefaultDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600)];

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public RetryHandler() : this(DefaultAttemptTimeout, DefaultDelays) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempts = IsRetryable(request) ? delays.Count + 1 : 1;
        var limit = request.Options.TryGetValue(AttemptTimeoutOption, out var own) ? own : attemptTimeout;
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

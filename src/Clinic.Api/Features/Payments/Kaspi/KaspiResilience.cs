using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Clinic.Api.Features.Payments.Kaspi;

/// <summary>
/// How calls to Kaspi ride out a slow or failing Kaspi (Microsoft.Extensions.Http.Resilience), outermost first: the whole
/// call within <see cref="KaspiOptions.Timeout"/>; retries with jittered backoff only for status polls (GETs), because
/// <c>qr/create</c>, <c>qr/create-link</c> and <c>payment/return</c> have no idempotency key and a repeat could create a
/// second payment or return the money twice; a circuit breaker, so that while Kaspi is down a polling round over many
/// invoices fails fast instead of waiting out every timeout; and each poll attempt within a third of the call's time.
/// Its timers run on the app's <see cref="TimeProvider"/>.
/// </summary>
public static class KaspiResilience
{
    public const int MaxPollRetries = 2;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>How long calls are refused after the circuit opens; the next poll round then tries Kaspi again.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>Only reads (the payment status) are repeated.</summary>
    public static bool IsRetryable(HttpRequestMessage? request) => request?.Method == HttpMethod.Get;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, KaspiOptions kaspi, TimeProvider clock)
    {
        var pollAttempt = kaspi.Timeout / (MaxPollRetries + 1);
        pipeline.TimeProvider = clock;
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "Total", Timeout = kaspi.Timeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxPollRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Context.GetRequestMessage()) && IsFailure(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "Attempt",
                TimeoutGenerator = args => ValueTask.FromResult(IsRetryable(args.Context.GetRequestMessage()) ? pollAttempt : kaspi.Timeout),
            });
    }

    /// <summary>
    /// Kaspi failing, not refusing: no answer, an attempt that timed out, or a 408/5xx. Its refusals come as HTTP 200 with a
    /// non-zero <c>StatusCode</c> and count as answers.
    /// </summary>
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };

    /// <summary>Why a call to <paramref name="path"/> was given up: its time ran out, or the circuit is open (nothing was sent).</summary>
    public static string Describe(ExecutionRejectedException rejected, string path, KaspiOptions kaspi) => rejected is BrokenCircuitException
        ? $"Kaspi failed repeatedly just now; {path} was not sent."
        : $"Kaspi did not answer {path} within {kaspi.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s.";
}

using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Clinic.Bot.ClinicApi;

/// <summary>
/// How the bot's client rides out a slow or failing clinic API (Microsoft.Extensions.Http.Resilience), outermost first:
/// <list type="number">
/// <item>a limit on the whole call, retries included (<see cref="TotalTimeout"/>);</item>
/// <item>retries with jittered backoff after no answer, an attempt's timeout or a 408/5xx, only for requests that are safe
/// to repeat (<see cref="IsRetryable"/>): repeating a cancel or a reschedule whose answer was lost could act twice;</item>
/// <item>a circuit breaker: once most recent attempts found no API at all, calls are answered "unavailable" at once for
/// <see cref="BreakDuration"/>, instead of every chat waiting out the timeouts of an API that is down;</item>
/// <item>a limit per attempt: <see cref="AttemptTimeout"/> when a retry may follow, the longer
/// <see cref="SingleAttemptTimeout"/> for a write that has one try (a certificate PDF or a payment QR can take seconds on a
/// busy server), or a request's own (<see cref="AttemptTimeoutOption"/>).</item>
/// </list>
/// Its timers run on the app's <see cref="TimeProvider"/>.
/// </summary>
public sealed record ClinicApiResilience
{
    /// <summary>Whole-call limit, retries included; HttpClient's own timeout is the same, for a client built without the pipeline.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A request's own per-attempt limit, for calls that do heavy work on the API (printing a PDF).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeoutOption = new("Clinic.AttemptTimeout");

    public static ClinicApiResilience Default { get; } = new();

    /// <summary>An attempt of a request that may be retried: three of them and their pauses fit in <see cref="TotalTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The limit of a request that is sent once: a single write's budget, under the whole call's limit.</summary>
    public TimeSpan SingleAttemptTimeout { get; init; } = TotalTimeout - TimeSpan.FromSeconds(1);

    public int MaxRetries { get; init; } = 2;

    /// <summary>The first retry's pause, doubling after it, each with jitter so many chats do not retry in step.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of attempts in <see cref="SamplingDuration"/> that found no API, at which the circuit opens.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Attempts in <see cref="SamplingDuration"/> before the circuit may open: one patient's retries never open it.</summary>
    public int MinimumThroughput { get; init; } = 10;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>GETs and HEADs, and any request carrying an <c>Idempotency-Key</c> (the API answers its repeat with the first result).</summary>
    public static bool IsRetryable(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Headers.Contains(ClinicApiClient.IdempotencyKeyHeader));

    /// <summary>Builds the pipeline described above into <paramref name="pipeline"/>.</summary>
    public void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeProvider clock)
    {
        pipeline.TimeProvider = clock;
        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "Total", Timeout = TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryDelay,
                MaxDelay = MaxRetryDelay,
                // A user is waiting: a Retry-After longer than the whole call would only end in its timeout.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Context.GetRequestMessage()) && IsTransient(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = FailureRatio,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(FoundNoApi(args.Outcome)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions
            {
                Name = "Attempt",
                TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeoutOf(args.Context.GetRequestMessage())),
            });
    }

    private TimeSpan AttemptTimeoutOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AttemptTimeoutOption, out var own) ? own
        : IsRetryable(request) ? AttemptTimeout
        : SingleAttemptTimeout;

    /// <summary>Worth another try: no answer, an attempt that timed out, or a 408/5xx (a 429 is the API refusing, not failing).</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };

    /// <summary>
    /// What the circuit counts against the API: no answer, an attempt that timed out, or a 5xx that is not the API's own JSON
    /// error (a proxy's page). The API's own error (<c>payment_provider_unavailable</c>, say) comes from an API that is up, about
    /// one of its features, and must not cut every chat off from the rest.
    /// </summary>
    private static bool FoundNoApi(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 && response.Content.Headers.ContentType?.MediaType != "application/json",
        _ => false,
    };

    /// <summary>Why a call was given up before an answer: its time ran out, or the circuit is open.</summary>
    internal static string Describe(ExecutionRejectedException rejected) => rejected is BrokenCircuitException
        ? "The clinic API failed repeatedly just now; not calling it for a moment."
        : "The clinic API did not answer in time.";
}

using System.Net.Http.Headers;
using Polly.Telemetry;

namespace Clinic.Bot.ClinicApi;

public static class ClinicApiClientRegistration
{
    /// <summary>
    /// Registers <see cref="ClinicApiClient"/> as a typed HttpClient pointed at the API, with the bot's Bearer secret and the
    /// timeouts, retries and circuit breaker of <paramref name="resilience"/> (<see cref="ClinicApiResilience.Default"/>).
    /// </summary>
    public static IServiceCollection AddClinicApiClient(this IServiceCollection services, string baseUrl, string apiSecret,
        ClinicApiResilience? resilience = null)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            throw new ArgumentException($"The clinic API URL \"{baseUrl}\" is not an absolute http(s) URL.", nameof(baseUrl));
        ArgumentException.ThrowIfNullOrWhiteSpace(apiSecret);

        var limits = resilience ?? ClinicApiResilience.Default;
        services.AddHttpClient<ClinicApiClient>(http => Configure(http, baseAddress, apiSecret))
            // Its paths carry patients' Telegram ids: not logged, even where a host keeps HttpClient's request logs.
            .RemoveAllLoggers()
            .AddResilienceHandler("clinic-api", (pipeline, context) =>
                limits.Configure(pipeline, context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddQuietResilienceLogs();
        return services;
    }

    /// <summary>The same settings for an HttpClient built by hand (tests, tools).</summary>
    public static void Configure(HttpClient http, Uri baseAddress, string apiSecret)
    {
        // A trailing slash keeps a path prefix ("https://host/clinic/") when routes are resolved against it.
        http.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        http.Timeout = ClinicApiResilience.TotalTimeout;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiSecret);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>
    /// Polly logs every attempt that went well at Information, one line per HTTP call: those become Debug. An attempt that
    /// timed out is a Warning like a retry, not an Error; the circuit's changes keep their levels.
    /// </summary>
    private static IServiceCollection AddQuietResilienceLogs(this IServiceCollection services) =>
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = args =>
            args.Event switch
            {
                { EventName: "ExecutionAttempt", Severity: ResilienceEventSeverity.Information } => ResilienceEventSeverity.Debug,
                { EventName: "OnTimeout" } => ResilienceEventSeverity.Warning,
                _ => args.Event.Severity,
            });
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Clinic.Contracts.Telemetry;

/// <summary>
/// What every host gets in one call, like eShop's ServiceDefaults: OpenTelemetry traces and metrics for ASP.NET Core,
/// HttpClient and the runtime, OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and the Prometheus scrape
/// endpoint <c>/metrics</c> behind <see cref="MetricsAccess"/>. The all-in-one server composes the API and the bot, so
/// the first call registers all this and later ones only add their own sources (as <see cref="ClinicRateLimiting"/> does).
/// </summary>
public static partial class ClinicTelemetry
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPath = "/metrics";
    private const string PipelineKey = "Clinic.MetricsEndpointMapped";

    /// <summary>
    /// Registers the shared telemetry once per host under <paramref name="serviceName"/> (the first caller's name wins).
    /// Spans are recorded only when something exports them (OTLP, or an exporter a host adds): none is cheaper than unread ones.
    /// </summary>
    public static WebApplicationBuilder AddClinicTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(MetricsAccess)))
            return builder;

        services.AddSingleton(MetricsAccess.FromConfiguration(builder.Configuration, builder.Environment.IsDevelopment()));
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
            // A long poll of getUpdates every 20 s would be a trace of its own each time, and tell nothing.
            .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request =>
                request.RequestUri?.AbsolutePath.EndsWith("/getUpdates", StringComparison.Ordinal) != true)
            .AddProcessor(new BotTokenRedaction()));
        if (otlp)
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter());
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> once per host, behind <see cref="MetricsAccess"/>: loopback, the staff networks or the token.</summary>
    public static WebApplication MapClinicMetrics(this WebApplication app)
    {
        if (!((IApplicationBuilder)app).Properties.TryAdd(PipelineKey, true))
            return app;
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(access.GuardAsync), optionsName: null);
        return app;
    }

    /// <summary>
    /// The Bot API's URLs carry the bot's token (<c>/bot123:ABC/sendMessage</c>, <c>/file/bot123:ABC/...</c>): a span
    /// keeps the method's name and never the token, as a client (the bot's calls) or as a server (the sandbox's fake
    /// Telegram in the all-in-one process).
    /// </summary>
    private sealed class BotTokenRedaction : BaseProcessor<System.Diagnostics.Activity>
    {
        private static readonly string[] UrlTags = ["url.full", "url.path"];

        public override void OnEnd(System.Diagnostics.Activity activity)
        {
            foreach (var tag in UrlTags)
            {
                if (activity.GetTagItem(tag) is string url && BotToken().IsMatch(url))
                    activity.SetTag(tag, BotToken().Replace(url, "/bot{token}/"));
            }
        }
    }

    [GeneratedRegex("/bot[0-9]+:[^/]+/")]
    private static partial Regex BotToken();
}

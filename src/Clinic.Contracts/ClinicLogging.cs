using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Clinic.Contracts;

/// <summary>
/// The log shape both web hosts (the API and the bot) share: outside Development the console writes one JSON object a
/// line (UTC timestamps, scopes included, so a log collector reads <c>update_id</c>, the masked chat and the trace id as
/// fields); in Development the plain console a person reads. Every scope carries the current Activity's TraceId and
/// SpanId. Called by both apps; the all-in-one host that embeds both configures it once.
/// </summary>
public static class ClinicLogging
{
    public const string JsonTimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static WebApplicationBuilder AddClinicLogging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(service => service.ServiceType == typeof(Configured)))
        {
            return builder;
        }

        services.AddSingleton<Configured>();
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // The console provider (added by the default builder) already carries the JSON formatter: choosing it adds no
        // second provider, and a host that removed the console (a test) keeps it removed. An operator's
        // Logging:Console:FormatterName still wins.
        if (!builder.Environment.IsDevelopment() && builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            services.Configure<ConsoleLoggerOptions>(console => console.FormatterName = ConsoleFormatterNames.Json);
        }

        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = JsonTimestampFormat;
        });
        return builder;
    }

    /// <summary>Marks the services as configured, so the second app in one process does not configure them again.</summary>
    private sealed class Configured;
}

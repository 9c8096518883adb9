using Clinic.Api.Features.Outbox;
using Clinic.Contracts.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clinic.Api.Infrastructure.Telemetry;

public static class ApiTelemetry
{
    /// <summary>
    /// The shared telemetry (<see cref="ClinicTelemetry"/>) plus the API's own: the <c>Clinic.Api</c> meter, EF Core's SQL
    /// spans (SQLite and PostgreSQL alike) and Npgsql's connection-pool metrics.
    /// </summary>
    public static WebApplicationBuilder AddClinicApiTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddClinicTelemetry("clinic-api");
        var services = builder.Services;
        services.AddSingleton<ApiMetrics>();
        services.AddSingleton<OutboxLag>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(ApiMetrics.MeterName, "Npgsql")
            // Built with the provider, so the gauge is measured from the first collection on.
            .AddInstrumentation(sp => sp.GetRequiredService<OutboxLag>()));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddEntityFrameworkCoreInstrumentation());
        return builder;
    }
}

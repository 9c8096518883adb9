using Clinic.Bot.ClinicApi;
using Clinic.Bot.Configuration;
using Clinic.Bot.Telegram;
using Clinic.Contracts.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clinic.Bot.Telemetry;

public static class BotTelemetry
{
    /// <summary>
    /// The shared telemetry (<see cref="ClinicTelemetry"/>) plus the bot's own: the <c>Clinic.Bot</c> meter and span per
    /// update, the clinic-API call counter and, with Redis, its commands as spans. Call before the API client is
    /// registered, so the call counter is that client's outermost handler.
    /// </summary>
    public static WebApplicationBuilder AddClinicBotTelemetry(this WebApplicationBuilder builder, BotOptions options)
    {
        builder.AddClinicTelemetry("clinic-bot");
        var services = builder.Services;
        services.AddSingleton(sp => new BotMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<UpdateQueue>(), TimeProvider.System));
        services.AddTransient<ApiCallMetering>();
        services.AddHttpClient<ClinicApiClient>().AddHttpMessageHandler<ApiCallMetering>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(BotMetrics.Name)
            // Built with the provider, so the queue's gauges are measured from the first collection on.
            .AddInstrumentation(sp => sp.GetRequiredService<BotMetrics>()));
        services.ConfigureOpenTelemetryTracerProvider(tracing =>
        {
            tracing.AddSource(BotMetrics.Name);
            if (options.RedisHost is not null)
                tracing.AddRedisInstrumentation();
        });
        return builder;
    }
}

using System.Security.Cryptography.X509Certificates;
using Polly.Telemetry;

namespace Clinic.Api.Features.Payments.Kaspi;

public static class KaspiSetup
{
    /// <summary>
    /// Kaspi QR as the payment provider: the typed <see cref="KaspiQrClient"/> with the <c>Api-Key</c> header, the client
    /// certificate when there is one, and <see cref="KaspiResilience"/> on the app's clock.
    /// </summary>
    public static IServiceCollection AddKaspi(this IServiceCollection services, KaspiOptions kaspi)
    {
        services.AddSingleton(kaspi);
        services.AddHttpClient<KaspiQrClient>(http =>
            {
                // The pipeline limits the call to the same time; this is the backstop should its clock stand still.
                http.Timeout = kaspi.Timeout;
                http.DefaultRequestHeaders.Add(KaspiQrClient.ApiKeyHeader, kaspi.ApiKey);
            })
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = new HttpClientHandler();
                if (kaspi.CertificatePath is not null)
                    handler.ClientCertificates.Add(X509CertificateLoader.LoadPkcs12FromFile(kaspi.CertificatePath, kaspi.CertificatePassword));
                return handler;
            })
            .AddResilienceHandler("kaspi", (pipeline, context) =>
                KaspiResilience.Configure(pipeline, kaspi, context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));
        // Polly logs every attempt that went well at Information, one line per call: those become Debug; an attempt that
        // timed out is a Warning like a retry, not an Error.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = args =>
            args.Event switch
            {
                { EventName: "ExecutionAttempt", Severity: ResilienceEventSeverity.Information } => ResilienceEventSeverity.Debug,
                { EventName: "OnTimeout" } => ResilienceEventSeverity.Warning,
                _ => args.Event.Severity,
            });
        services.AddScoped<IPaymentProvider, KaspiPaymentProvider>();
        return services;
    }
}

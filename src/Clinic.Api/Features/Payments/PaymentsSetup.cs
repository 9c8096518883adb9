using Clinic.Api.Features.Payments.Kaspi;
using Clinic.Api.Features.Payments.Sandbox;

namespace Clinic.Api.Features.Payments;

public static class PaymentsSetup
{
    /// <summary>
    /// Kaspi QR when KASPI_API_KEY is set; else the sandbox when allowed (<paramref name="sandbox"/>: PAYMENTS_SANDBOX,
    /// on in Development), else no payments at all; the invoice transitions and the polling job.
    /// </summary>
    public static IServiceCollection AddClinicPayments(this IServiceCollection services, ClinicApiOptions options, bool sandbox)
    {
        var kaspi = options.Kaspi;
        if (kaspi.IsConfigured)
        {
            services.AddKaspi(kaspi);
        }
        else if (sandbox)
        {
            services.AddSingleton<SandboxPaymentProvider>();
            services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SandboxPaymentProvider>());
        }
        else
        {
            services.AddSingleton<IPaymentProvider, PaymentsOff>();
        }
        services.AddScoped<ReceiptFiling>();
        services.AddScoped<InvoiceTransitions>();
        services.AddScoped<PaymentStatusPoller>();
        services.AddHostedService<PaymentPollingService>();
        return services;
    }
}

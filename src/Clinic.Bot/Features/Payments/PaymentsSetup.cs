using Clinic.Bot.Notifications;

namespace Clinic.Bot.Features.Payments;

public static class PaymentsSetup
{
    /// <summary>The payment services of the bot: the receipt and refund renderers (the router is listed in the dispatcher).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<IOutboxRenderer, PaymentReceiptRenderer>();
        services.AddSingleton<IOutboxRenderer, PaymentRefundRenderer>();
        return services;
    }
}

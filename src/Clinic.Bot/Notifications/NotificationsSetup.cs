using Clinic.Bot.Configuration;

namespace Clinic.Bot.Notifications;

public static class NotificationsSetup
{
    /// <summary>The outbox sender and its rate limiter. Renderers are registered by their features.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, BotOptions options)
    {
        services.AddSingleton(sp => new OutboxRateLimiter(options.OutboxRatePerSecond, options.OutboxPaidRatePerSecond, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}

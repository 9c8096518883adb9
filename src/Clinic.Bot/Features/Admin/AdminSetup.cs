using Clinic.Bot.Notifications;

namespace Clinic.Bot.Features.Admin;

public static class AdminSetup
{
    /// <summary>The admin side's services and the broadcast renderer for the outbox sender.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<BroadcastProgressWatcher>();
        services.AddSingleton<IOutboxRenderer, BroadcastRenderer>();
        return services;
    }
}

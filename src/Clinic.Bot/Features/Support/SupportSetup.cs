using Clinic.Bot.Notifications;

namespace Clinic.Bot.Features.Support;

public static class SupportSetup
{
    /// <summary>Support's services: the renderer that delivers staff replies (outbox kind <c>ticket_reply</c>).</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddSingleton<IOutboxRenderer, TicketReplyRenderer>();
        return services;
    }
}

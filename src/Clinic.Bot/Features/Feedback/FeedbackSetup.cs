using Clinic.Bot.Notifications;

namespace Clinic.Bot.Features.Feedback;

public static class FeedbackSetup
{
    /// <summary>The survey renderer for the outbox sender; the router is listed in the dispatcher.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services) =>
        services.AddSingleton<IOutboxRenderer, NpsSurveyRenderer>();
}

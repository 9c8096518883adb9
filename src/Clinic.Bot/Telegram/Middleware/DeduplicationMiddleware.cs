namespace Clinic.Bot.Telegram.Middleware;

/// <summary>Telegram re-sends an update when the webhook answered late; the same update_id is handled once.</summary>
public sealed class DeduplicationMiddleware(RecentUpdates recent) : IUpdateMiddleware
{
    public Task InvokeAsync(BotContext context, Func<Task> next)
    {
        if (recent.TryMark(context.Update.Id))
        {
            return next();
        }

        context.Outcome = UpdateOutcome.Duplicate;
        return Task.CompletedTask;
    }
}

using Telegram.Bot.Exceptions;

namespace Clinic.Bot.Telegram.Middleware;

/// <summary>
/// The outermost step: a failing handler never stops the bot. Stale buttons get a short answer,
/// a user who blocked the bot is noted, every callback query is answered, anything else gets "something went wrong".
/// </summary>
public sealed class ErrorMiddleware(ILogger<ErrorMiddleware> logger) : IUpdateMiddleware
{
    public async Task InvokeAsync(BotContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (StaleButtonException)
        {
            context.Outcome = UpdateOutcome.StaleButton;
            await Safely(context, () => context.AnswerCallbackAsync(context.Texts?["common.stale_button"]));
        }
        catch (ApiRequestException error) when (error.ErrorCode == 403)
        {
            context.Outcome = UpdateOutcome.Blocked;
            logger.LogDebug("User {UserId} blocked the bot; update {UpdateId} dropped", UpdateLog.MaskChat(context.UserId), context.Update.Id);
        }
        catch (ApiRequestException error) when (error.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Pressing the same button twice re-renders identical content: harmless.
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            context.Outcome = UpdateOutcome.Failed;
            System.Diagnostics.Activity.Current?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.GetType().Name);
            logger.LogError(error, "Update {UpdateId} from user {UserId} failed", context.Update.Id, UpdateLog.MaskChat(context.UserId));
            if (context.Texts is not null)
            {
                await Safely(context, () => context.SendAsync(context.Texts["common.error"]));
            }
        }
        finally
        {
            if (context.Callback is not null && !context.CallbackAnswered)
            {
                await Safely(context, () => context.AnswerCallbackAsync());
            }
        }
    }

    private async Task Safely(BotContext context, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Could not answer user {UserId}: {Reason}", UpdateLog.MaskChat(context.UserId), error.Message);
        }
    }
}

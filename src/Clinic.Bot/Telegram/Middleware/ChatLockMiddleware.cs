namespace Clinic.Bot.Telegram.Middleware;

/// <summary>
/// Takes the chat's lock before anything reads the conversation state, so two fast messages of one chat
/// cannot both read the same step (aiogram issue 1317).
/// </summary>
public sealed class ChatLockMiddleware(ChatLocks locks) : IUpdateMiddleware
{
    public async Task InvokeAsync(BotContext context, Func<Task> next)
    {
        using var held = await locks.AcquireAsync(context.ChatId, context.CancellationToken);
        await next();
    }
}

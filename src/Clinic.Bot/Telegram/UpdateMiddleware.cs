using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>A step around the handler, like aiogram's outer middleware. Call <paramref name="next"/> to continue.</summary>
public interface IUpdateMiddleware
{
    Task InvokeAsync(BotContext context, Func<Task> next);
}

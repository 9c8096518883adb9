using Clinic.Bot.Notifications;
using Clinic.Bot.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Reminders;

/// <summary>
/// The reminder's own button ("rm:ok:{id}", "I'll come"); its "Reschedule" and "Cancel" are the My-appointments
/// buttons ("ap:rs", "ap:cx") and are served by that router.
/// </summary>
public static class RemindersRouter
{
    public static Router Create() => new Router("reminders")
        .OnCallback("rm:ok", OnComingAsync);

    public static IServiceCollection AddReminders(this IServiceCollection services) =>
        services.AddSingleton<IOutboxRenderer, ReminderRenderer>();

    /// <summary>The patient says they will come: they are thanked, and the reminder keeps only its reschedule and cancel buttons.</summary>
    private static async Task OnComingAsync(BotContext context)
    {
        await context.AnswerCallbackAsync();
        var rest = context.Callback?.Message?.ReplyMarkup?.InlineKeyboard
            .Where(row => !row.Any(button => button.CallbackData?.StartsWith("rm:", StringComparison.Ordinal) == true))
            .ToList();
        if (rest is { Count: > 0 } && context.Callback?.Message is { } pressed)
        {
            try
            {
                await context.Bot.EditMessageReplyMarkup(context.ChatId, pressed.MessageId, new InlineKeyboardMarkup(rest), cancellationToken: context.CancellationToken);
            }
            catch (ApiRequestException error) when (error.ErrorCode == 400)
            {
                // Too old to edit: the thanks below is what matters.
            }
        }
        else
        {
            await context.CloseButtonsAsync();
        }

        await context.SendAsync(context.Texts["reminders.thanks"]);
    }
}

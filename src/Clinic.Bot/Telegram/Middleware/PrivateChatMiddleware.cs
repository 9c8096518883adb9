using Clinic.Bot.Localization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Telegram.Middleware;

/// <summary>
/// Patient data only in the patient's own private chat: an update goes further (to the patient lookup, the conversation
/// state and the handlers) only when its chat is the private chat of its sender (<see cref="BotContext.IsOwnPrivateChat"/>).
/// A command in a group or supergroup gets a short "write to me privately" with a link to the bot; a button pressed
/// anywhere else, or on an inline message, gets the same as a notice only the presser sees. Anything else — channel
/// posts, other group messages, an update without a sender, a forged one whose private chat is not its sender's — gets
/// nothing: answering into someone else's private chat would itself be a leak.
/// </summary>
public sealed class PrivateChatMiddleware(Localizer localizer, BotIdentity identity, ILogger<PrivateChatMiddleware> logger) : IUpdateMiddleware
{
    private const string HintKey = "privacy.private_chat_only";

    public async Task InvokeAsync(BotContext context, Func<Task> next)
    {
        if (context.IsOwnPrivateChat)
        {
            await next();
            return;
        }

        context.Outcome = UpdateOutcome.NotOwnPrivateChat;
        context.Texts = localizer.For(Localizer.Resolve(null, context.From?.LanguageCode));
        if (context.From is null)
        {
            return;
        }

        if (context.Callback is not null)
        {
            await context.AnswerCallbackAsync(context.Texts[HintKey]);
        }
        else if (context.Chat is { Type: ChatType.Group or ChatType.Supergroup } && await IsCommandToThisBotAsync(context.Message, context.CancellationToken))
        {
            await SendHintAsync(context);
        }
        else if (context.Chat is { Type: ChatType.Private })
        {
            logger.LogWarning("Update {UpdateId} dropped: its private chat is not its sender's (a forged update)", context.Update.Id);
        }
    }

    private async Task SendHintAsync(BotContext context)
    {
        var texts = context.Texts;
        var username = await identity.UsernameAsync(context.CancellationToken);
        var button = username is null ? null : new InlineKeyboardMarkup(
            InlineKeyboardButton.WithUrl(texts["privacy.open_private_chat"], BotIdentity.PrivateChatLink(username)));
        await context.SendAsync(texts[HintKey], button);
    }

    /// <summary>"/profile" or "/profile@this_bot"; a command addressed to another bot in the group is not ours to answer.</summary>
    private async Task<bool> IsCommandToThisBotAsync(Message? message, CancellationToken ct)
    {
        if (message?.Text is not { } text || !text.StartsWith('/'))
        {
            return false;
        }

        var command = text.Split(' ', 2)[0];
        var at = command.IndexOf('@');
        if (at < 0)
        {
            return true;
        }

        var username = await identity.UsernameAsync(ct);
        return username is null || string.Equals(command[(at + 1)..], username, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Globalization;

namespace Clinic.Bot.Telegram;

/// <summary>
/// The bot's log of one update: a scope every line written while it runs carries (<c>update_id</c> and the masked
/// <c>chat</c>; the trace id comes with the logging's activity tracking), and exactly one Information line when it ends,
/// naming the router, the outcome and the time it took. Everything else per update logs at Debug or, when something is
/// wrong, at Warning and above.
/// </summary>
public static partial class UpdateLog
{
    public static IDisposable? BeginScope(ILogger logger, BotContext context) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["update_id"] = context.Update.Id,
            ["chat"] = MaskChat(context.ChatId),
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Update {UpdateId} in chat {Chat}: {Router} {Outcome} in {ElapsedMs} ms")]
    private static partial void Handled(ILogger logger, int updateId, string chat, string router, string outcome, long elapsedMs);

    public static void Handled(ILogger logger, BotContext context, TimeSpan elapsed) =>
        Handled(logger, context.Update.Id, MaskChat(context.ChatId), context.Router ?? "none", context.Outcome, (long)elapsed.TotalMilliseconds);

    /// <summary>
    /// A chat id with all but its last 3 digits hidden: enough to tell one user's lines from another's in a log, not
    /// enough to find the user (a private chat's id is the user's Telegram id).
    /// </summary>
    public static string MaskChat(long chatId)
    {
        if (chatId == 0)
        {
            return "none";
        }

        var digits = Math.Abs(chatId).ToString(CultureInfo.InvariantCulture);
        return (chatId < 0 ? "-" : "") + "***" + (digits.Length > 3 ? digits[^3..] : digits);
    }
}

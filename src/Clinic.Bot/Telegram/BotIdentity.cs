using Telegram.Bot;

namespace Clinic.Bot.Telegram;

/// <summary>
/// The bot's own @username, asked of Telegram (getMe) the first time it is needed and remembered: it changes only
/// through @BotFather, and a renamed bot is restarted anyway.
/// </summary>
public sealed class BotIdentity(ITelegramBotClient bot)
{
    private string? _username;

    /// <summary>The username, or null when Telegram could not be asked.</summary>
    public async Task<string?> UsernameAsync(CancellationToken ct)
    {
        if (_username is null)
        {
            try
            {
                _username = (await bot.GetMe(ct)).Username;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return null;
            }
        }

        return _username;
    }

    /// <summary>The link that opens the private chat with the bot, e.g. <c>https://t.me/clinic_bot?start=</c>.</summary>
    public static string PrivateChatLink(string username) => $"https://t.me/{username}?start=";
}

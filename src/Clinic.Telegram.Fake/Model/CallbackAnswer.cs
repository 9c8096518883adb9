namespace Clinic.Telegram.Fake;

/// <summary>What the bot answered to a button press (answerCallbackQuery).</summary>
public sealed record CallbackAnswer(
    string CallbackQueryId,
    string? Data,
    int? MessageId,
    string? Text,
    bool ShowAlert,
    string? Url,
    int CacheTime);

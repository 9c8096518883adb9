namespace Clinic.Telegram.Fake;

/// <summary>The update a user action produced: the message id for messages, the query id for button presses.</summary>
public sealed record UserAction(long UpdateId, int? MessageId, string? CallbackQueryId);

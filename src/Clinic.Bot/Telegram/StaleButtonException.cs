namespace Clinic.Bot.Telegram;

/// <summary>A press on a button from an old message or with forged data: answered with "stale button", never a crash.</summary>
public sealed class StaleButtonException() : Exception("The button does not match the conversation.");

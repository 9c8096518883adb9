namespace Clinic.Telegram.Fake;

/// <summary>One entry of the bot's command menu (setMyCommands).</summary>
public sealed record BotCommandInfo(string Command, string Description);

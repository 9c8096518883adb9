namespace Clinic.Bot.Configuration;

/// <summary>A missing or malformed setting. The message is one line naming the variable and why.</summary>
public sealed class BotConfigurationException(string message) : Exception(message);

namespace Clinic.Bot.Conversation;

/// <summary>Conversation state is kept per bot, chat and user, like aiogram's storage keys.</summary>
public readonly record struct StateKey(long BotId, long ChatId, long UserId)
{
    public string StateName => $"fsm:{BotId}:{ChatId}:{UserId}:state";
    public string DataName => $"fsm:{BotId}:{ChatId}:{UserId}:data";

    /// <summary>The names of every key of one user with one bot, in any chat, with <paramref name="wildcard"/> for the chat and the suffix.</summary>
    public static string UserPattern(long botId, long userId, string wildcard) => $"fsm:{botId}:{wildcard}:{userId}:{wildcard}";
}

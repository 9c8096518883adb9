namespace Clinic.Bot.Conversation;

/// <summary>Conversation state is kept per bot, chat and user, like aiogram's storage keys.</summary>
public readonly record struct StateKey(long BotId, long ChatId, long UserId)
{
    public string StateName => $"fsm:{BotId}:{ChatId}:{UserId}:state";
    public string DataName => $"fsm:{BotId}:{ChatId}:{UserId}:data";
}

namespace Clinic.Telegram.Fake;

/// <summary>
/// A chat the bot is in: the private chat with one user, or a group (<see cref="User"/> null). Guarded by the state's lock.
/// </summary>
internal sealed class FakeChat
{
    public FakeChat(FakeUser user)
    {
        User = user;
        Id = user.Id;
        Type = "private";
    }

    public FakeChat(FakeGroup group)
    {
        Group = group;
        Id = group.Id;
        Type = group.Type;
    }

    /// <summary>The other side of a private chat; null for a group.</summary>
    public FakeUser? User { get; }
    public FakeGroup? Group { get; }
    public long Id { get; }

    /// <summary>Telegram's chat type: private, group, supergroup or channel.</summary>
    public string Type { get; }
    public string ChatInstance { get; } = Random.Shared.NextInt64(1, long.MaxValue).ToString();

    /// <summary>Telegram numbers messages per private chat, shared by both sides.</summary>
    public int NextMessageId { get; set; } = 1;

    public List<BotMessage> BotMessages { get; } = [];
    public Dictionary<int, int> BotMessageIndex { get; } = [];
    public HashSet<int> UserMessageIds { get; } = [];

    /// <summary>What the user sent, in order: the other half of the chat history.</summary>
    public List<UserMessage> UserMessages { get; } = [];

    /// <summary>The state's version at this chat's last change.</summary>
    public long Version { get; set; }

    /// <summary>Every new or edited bot message in order: what <see cref="FakeUser.WaitForMessage"/> consumes.</summary>
    public List<BotMessage> Events { get; } = [];
    public int EventCursor { get; set; }
    public TaskCompletionSource EventPulse { get; set; } = NewPulse();

    public List<string> Transcript { get; } = [];
    public List<CallbackAnswer> CallbackAnswers { get; } = [];
    public ReplyKeyboard? ReplyKeyboard { get; set; }
    public bool Blocked { get; set; }

    public BotMessage? FindBotMessage(int messageId) =>
        BotMessageIndex.TryGetValue(messageId, out var index) ? BotMessages[index] : null;

    public void Replace(BotMessage message) => BotMessages[BotMessageIndex[message.MessageId]] = message;

    public void AddEvent(BotMessage message)
    {
        Events.Add(message);
        var pulse = EventPulse;
        EventPulse = NewPulse();
        pulse.TrySetResult();
    }

    public static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

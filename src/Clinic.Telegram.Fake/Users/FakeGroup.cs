namespace Clinic.Telegram.Fake;

/// <summary>
/// A group or supergroup the bot was added to. Its members write into it and press buttons on the bot's messages there;
/// what the bot sends into it is kept as in a private chat, so a test can see what everyone in the group would read.
/// </summary>
public sealed class FakeGroup
{
    private readonly FakeTelegramState _state;

    internal FakeGroup(FakeTelegramState state, long id, string title, string type)
    {
        _state = state;
        Id = id;
        Title = title;
        Type = type;
    }

    public long Id { get; }
    public string Title { get; }

    /// <summary>"group", "supergroup" or "channel", as Telegram's chat.type.</summary>
    public string Type { get; }

    /// <summary>The bot's messages in this group, each in its latest state.</summary>
    public IReadOnlyList<BotMessage> Messages => _state.MessagesIn(Id);

    public string Transcript => _state.TranscriptIn(Id);

    /// <summary><paramref name="from"/> writes into the group; a leading /command gets its bot_command entity.</summary>
    public Task<UserAction> SendText(FakeUser from, string text) => from.SendTextIn(Id, text);

    /// <summary><paramref name="from"/> presses a button (any data) on the bot's message in the group.</summary>
    public Task<UserAction> PressCallback(FakeUser from, int messageId, string data) => from.PressCallbackIn(Id, messageId, data);

    /// <summary>Waits for the next new or edited bot message in the group, as <see cref="FakeUser.WaitForMessage"/> does.</summary>
    public Task<BotMessage> WaitForMessage(Func<BotMessage, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken ct = default) =>
        _state.WaitForMessageAsync(Id, predicate, timeout ?? TimeSpan.FromSeconds(10), ct);

    public override string ToString() => $"{Title} ({Id})";
}

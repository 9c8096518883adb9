using Clinic.Telegram.Fake.Api;

namespace Clinic.Telegram.Fake;

/// <summary>
/// Everything the fake Bot API server knows: users and their chats, pending updates, the webhook,
/// files and command menus. One lock guards it all; the fake favours being obviously correct over speed.
/// Host it with <see cref="FakeTelegramServer"/> or map it into any app with <see cref="FakeTelegramEndpoints"/>.
/// </summary>
public sealed partial class FakeTelegramState : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, FakeChat> _chats = [];
    private readonly SendRateLimiter _rateLimiter;
    private readonly CancellationTokenSource _shutdown = new();

    public FakeTelegramState(FakeTelegramOptions? options = null)
    {
        Options = options ?? new FakeTelegramOptions();
        _rateLimiter = new SendRateLimiter(Options.TimeProvider, Options.GlobalMessagesPerSecond, Options.PerChatMessagesPerSecond);
    }

    public FakeTelegramOptions Options { get; }
    public string Token => Options.Token;
    public FakeTelegramCounters Counters { get; } = new();

    internal CancellationToken ShutdownToken => _shutdown.Token;
    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>A Telegram user who has opened a private chat with the bot.</summary>
    public FakeUser CreateUser(long id, string firstName, string? languageCode = "ru", string? lastName = null, string? username = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        lock (_gate)
        {
            if (_chats.ContainsKey(id)) throw new InvalidOperationException($"User {id} already exists.");
            var user = new FakeUser(this, id, firstName, languageCode, lastName) { Username = username };
            _chats[id] = new FakeChat(user);
            ChangedLocked(null);
            return user;
        }
    }

    public FakeUser? FindUser(long id)
    {
        lock (_gate) return _chats.GetValueOrDefault(id)?.User;
    }

    public IReadOnlyList<FakeUser> Users
    {
        get { lock (_gate) return _chats.Values.Select(chat => chat.User).OfType<FakeUser>().ToList(); }
    }

    /// <summary>
    /// A group (<paramref name="type"/> "group") or supergroup the bot was added to; Telegram gives groups negative ids
    /// (supergroups -100…). Users write into it with <see cref="FakeGroup.SendText"/>.
    /// </summary>
    public FakeGroup CreateGroup(long id, string title, string type = "supergroup")
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, 0);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (type is not ("group" or "supergroup" or "channel")) throw new ArgumentException($"Not a group chat type: {type}.", nameof(type));
        lock (_gate)
        {
            if (_chats.ContainsKey(id)) throw new InvalidOperationException($"Chat {id} already exists.");
            var group = new FakeGroup(this, id, title, type);
            _chats[id] = new FakeChat(group);
            ChangedLocked(null);
            return group;
        }
    }

    internal FakeChat ChatFor(BotApiRequest request)
    {
        var raw = request.String("chat_id");
        if (string.IsNullOrEmpty(raw)) throw BotApiException.BadRequest("chat_id is empty");
        if (!long.TryParse(raw, out var chatId)) throw BotApiException.ChatNotFound();
        lock (_gate) return _chats.GetValueOrDefault(chatId) ?? throw BotApiException.ChatNotFound();
    }

    private FakeChat ChatOf(FakeUser user) => _chats[user.Id];

    private FakeChat ChatOf(long chatId) =>
        _chats.GetValueOrDefault(chatId) ?? throw new InvalidOperationException($"There is no chat {chatId}: create the user or group first.");

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        // The token source is not disposed: in-flight requests may still link to its token.
        if (_pusher is not null) await _pusher.DisposeAsync();
    }
}

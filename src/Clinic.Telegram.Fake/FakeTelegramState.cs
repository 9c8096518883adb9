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
        get { lock (_gate) return _chats.Values.Select(chat => chat.User).ToList(); }
    }

    internal FakeChat ChatFor(BotApiRequest request)
    {
        var raw = request.String("chat_id");
        if (string.IsNullOrEmpty(raw)) throw BotApiException.BadRequest("chat_id is empty");
        if (!long.TryParse(raw, out var chatId)) throw BotApiException.ChatNotFound();
        lock (_gate) return _chats.GetValueOrDefault(chatId) ?? throw BotApiException.ChatNotFound();
    }

    private FakeChat ChatOf(FakeUser user) => _chats[user.Id];

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        // The token source is not disposed: in-flight requests may still link to its token.
        if (_pusher is not null) await _pusher.DisposeAsync();
    }
}

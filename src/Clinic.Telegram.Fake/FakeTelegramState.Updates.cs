using System.Text.Json.Nodes;
using Clinic.Telegram.Fake.Api;
using Clinic.Telegram.Fake.Webhooks;

namespace Clinic.Telegram.Fake;

// Updates waiting for the bot, handed out by getUpdates or pushed to the webhook.
public sealed partial class FakeTelegramState
{
    // Telegram's default when allowed_updates is empty: everything except these.
    private static readonly HashSet<string> OptInUpdateTypes = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<PendingUpdate> _pending = [];
    private long _nextUpdateId = 700_000_001;
    private HashSet<string>? _allowedUpdates;
    private TaskCompletionSource _updatesPulse = FakeChat.NewPulse();
    private long _pollGeneration;
    private WebhookConfig? _webhook;
    private WebhookPusher? _pusher;
    private (DateTimeOffset At, string Message)? _lastWebhookError;

    internal sealed record WebhookConfig(string Url, string? SecretToken, int MaxConnections, IReadOnlyList<string>? AllowedUpdates);

    /// <summary>The webhook URL the bot registered, or null in getUpdates mode.</summary>
    public string? WebhookUrl
    {
        get { lock (_gate) return _webhook?.Url; }
    }

    /// <summary>Updates not yet confirmed by getUpdates or accepted by the webhook.</summary>
    public int PendingUpdateCount
    {
        get { lock (_gate) return _pending.Count; }
    }

    private long EnqueueUpdateLocked(long chatId, string type, JsonObject payload)
    {
        var updateId = _nextUpdateId++;
        var allowed = _allowedUpdates is { Count: > 0 } ? _allowedUpdates.Contains(type) : !OptInUpdateTypes.Contains(type);
        if (!allowed) return updateId;
        var update = new JsonObject { ["update_id"] = updateId, [type] = payload };
        _pending.Add(new PendingUpdate(updateId, chatId, update));
        PulseUpdatesLocked();
        return updateId;
    }

    private void PulseUpdatesLocked()
    {
        var pulse = _updatesPulse;
        _updatesPulse = FakeChat.NewPulse();
        pulse.TrySetResult();
        _pusher?.Wake();
    }

    internal async Task<JsonArray> GetUpdatesAsync(long offset, int limit, TimeSpan timeout, IReadOnlyList<string>? allowedUpdates, CancellationToken ct)
    {
        long generation;
        lock (_gate)
        {
            EnsureNoWebhookLocked();
            if (allowedUpdates is not null) _allowedUpdates = [.. allowedUpdates];
            ConfirmLocked(offset);
            generation = ++_pollGeneration;
            PulseUpdatesLocked();
        }
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task pulse;
            lock (_gate)
            {
                EnsureNoWebhookLocked();
                if (generation != _pollGeneration)
                    throw BotApiException.Conflict("terminated by other getUpdates request; make sure that only one bot instance is running");
                if (_pending.Count > 0 || timeout <= TimeSpan.Zero)
                    return new JsonArray(_pending.Take(limit).Select(update => (JsonNode)update.Json.DeepClone()).ToArray());
                pulse = _updatesPulse.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) return [];
            try
            {
                await pulse.WaitAsync(remaining, ct);
            }
            catch (TimeoutException)
            {
                return [];
            }
        }
    }

    /// <summary>A positive offset confirms every earlier update; a negative one keeps only the last -offset updates.</summary>
    private void ConfirmLocked(long offset)
    {
        if (offset > 0) _pending.RemoveAll(update => update.UpdateId < offset);
        else if (offset < 0 && _pending.Count > -offset) _pending.RemoveRange(0, _pending.Count - (int)Math.Min(-offset, _pending.Count));
    }

    private void EnsureNoWebhookLocked()
    {
        if (_webhook is not null)
            throw BotApiException.Conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }

    internal void SetWebhook(WebhookConfig config, bool dropPendingUpdates)
    {
        lock (_gate)
        {
            if (dropPendingUpdates) _pending.Clear();
            if (config.AllowedUpdates is not null) _allowedUpdates = [.. config.AllowedUpdates];
            foreach (var update in _pending) update.InFlight = false;
            _webhook = config;
            _lastWebhookError = null;
            _pusher ??= new WebhookPusher(this, Options, _shutdown.Token);
            PulseUpdatesLocked();
        }
    }

    /// <summary>Returns false when no webhook was set.</summary>
    internal bool DeleteWebhook(bool dropPendingUpdates)
    {
        lock (_gate)
        {
            if (dropPendingUpdates) _pending.Clear();
            var wasSet = _webhook is not null;
            _webhook = null;
            return wasSet;
        }
    }

    internal JsonObject WebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = _webhook?.Url ?? string.Empty,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _pending.Count,
            };
            if (_webhook is null) return info;
            info["max_connections"] = _webhook.MaxConnections;
            info["ip_address"] = "127.0.0.1";
            if (_lastWebhookError is { } error)
            {
                info["last_error_date"] = error.At.ToUnixTimeSeconds();
                info["last_error_message"] = error.Message;
            }
            if (_allowedUpdates is { Count: > 0 }) info["allowed_updates"] = new JsonArray(_allowedUpdates.Select(type => (JsonNode)type).ToArray());
            return info;
        }
    }

    /// <summary>
    /// Picks updates the pusher may send now: at most max_connections in flight, one at a time per chat
    /// so a chat's updates arrive in order, and a failed update blocks its chat until its retry succeeds.
    /// </summary>
    internal (WebhookConfig? Config, List<PendingUpdate> Updates, TimeSpan? NextRetryIn) TakeDeliverableUpdates()
    {
        lock (_gate)
        {
            var batch = new List<PendingUpdate>();
            if (_webhook is null) return (null, batch, null);
            var inFlight = _pending.Count(update => update.InFlight);
            var busyChats = new HashSet<long>();
            var now = Environment.TickCount64;
            TimeSpan? nextRetry = null;
            foreach (var update in _pending)
            {
                if (inFlight >= _webhook.MaxConnections) break;
                if (!busyChats.Add(update.ChatId) || update.InFlight) continue;
                if (update.RetryAtTicks > now)
                {
                    var wait = TimeSpan.FromMilliseconds(update.RetryAtTicks - now);
                    nextRetry = nextRetry is null || wait < nextRetry ? wait : nextRetry;
                    continue;
                }
                update.InFlight = true;
                inFlight++;
                batch.Add(update);
            }
            return (_webhook, batch, nextRetry);
        }
    }

    internal void CompleteDelivery(PendingUpdate update, string? error)
    {
        lock (_gate)
        {
            update.InFlight = false;
            if (error is null)
            {
                _pending.Remove(update);
                Counters.RecordWebhookDelivery();
            }
            else
            {
                update.RetryAtTicks = Environment.TickCount64 + (long)Options.WebhookRetryDelay.TotalMilliseconds;
                _lastWebhookError = (Now, error);
            }
            _pusher?.Wake();
        }
    }
}

/// <summary>An update waiting to be confirmed (getUpdates) or accepted (webhook). Guarded by the state's lock.</summary>
internal sealed class PendingUpdate(long updateId, long chatId, JsonObject json)
{
    public long UpdateId { get; } = updateId;
    public long ChatId { get; } = chatId;
    public JsonObject Json { get; } = json;
    public bool InFlight { get; set; }
    public long RetryAtTicks { get; set; }
}

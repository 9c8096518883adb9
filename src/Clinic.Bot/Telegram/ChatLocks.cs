namespace Clinic.Bot.Telegram;

/// <summary>
/// One lock per chat, so a chat's updates run one at a time while other chats run concurrently.
/// A lock lives only while someone holds or waits for it, so memory stays bounded by the chats in flight.
/// </summary>
public sealed class ChatLocks
{
    private readonly Dictionary<long, Entry> _locks = [];

    public async Task<IDisposable> AcquireAsync(long chatId, CancellationToken ct)
    {
        Entry entry;
        lock (_locks)
        {
            if (!_locks.TryGetValue(chatId, out entry!))
            {
                entry = new Entry();
                _locks[chatId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Release(chatId, entry, held: false);
            throw;
        }

        return new Releaser(this, chatId, entry);
    }

    public int Count
    {
        get
        {
            lock (_locks)
            {
                return _locks.Count;
            }
        }
    }

    private void Release(long chatId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_locks)
        {
            if (--entry.Users == 0)
            {
                _locks.Remove(chatId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Releaser(ChatLocks owner, long chatId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(chatId, entry, held: true);
            }
        }
    }
}

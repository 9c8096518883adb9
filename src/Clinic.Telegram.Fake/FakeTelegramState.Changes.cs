namespace Clinic.Telegram.Fake;

// A change counter with a pulse, so a watcher (the web sandbox's event stream) can wait for anything new in a chat.
public sealed partial class FakeTelegramState
{
    private long _version;
    private TaskCompletionSource _changePulse = FakeChat.NewPulse();

    /// <summary>Grows by one with every change to any chat or to the command menus.</summary>
    public long Version
    {
        get { lock (_gate) return _version; }
    }

    /// <summary>The <see cref="Version"/> of the last change to this user's chat (messages, keyboard, button answers).</summary>
    public long ChatVersion(FakeUser user)
    {
        lock (_gate) return ChatOf(user).Version;
    }

    /// <summary>Returns once <see cref="Version"/> is past <paramref name="after"/>, or after <paramref name="timeout"/>.</summary>
    public async Task<long> WaitForChangeAsync(long after, TimeSpan timeout, CancellationToken ct)
    {
        Task pulse;
        lock (_gate)
        {
            if (_version > after) return _version;
            pulse = _changePulse.Task;
        }
        try
        {
            await pulse.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Nothing happened: the caller sends a keep-alive and waits again.
        }
        return Version;
    }

    /// <summary>Call under the lock after changing <paramref name="chat"/> (or with null for a change to no one chat).</summary>
    private void ChangedLocked(FakeChat? chat)
    {
        _version++;
        if (chat is not null) chat.Version = _version;
        var pulse = _changePulse;
        _changePulse = FakeChat.NewPulse();
        pulse.TrySetResult();
    }
}

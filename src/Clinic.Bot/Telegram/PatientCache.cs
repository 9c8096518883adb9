using Clinic.Contracts;
using Microsoft.Extensions.Caching.Memory;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Registered patients for a short while, so a busy chat does not ask the API "who is this" on every tap.
/// Only registered profiles are kept (a newcomer's state changes quickly) and the bot refreshes the entry
/// itself whenever it changes the profile. Bounded by entry count.
/// </summary>
public sealed class PatientCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000, Clock = new SystemClockAdapter(time) });

    public PatientDto? Find(long telegramId) => _cache.TryGetValue(telegramId, out PatientDto? patient) ? patient : null;

    public void Remember(PatientDto patient)
    {
        if (patient.IsRegistered)
        {
            _cache.Set(patient.TelegramId, patient, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }
        else
        {
            _cache.Remove(patient.TelegramId);
        }
    }

    /// <summary>Drops the entry, e.g. after the account was deleted.</summary>
    public void Forget(long telegramId) => _cache.Remove(telegramId);

    public void Dispose() => _cache.Dispose();

#pragma warning disable CS0618 // MemoryCacheOptions.Clock still takes the ISystemClock interface.
    private sealed class SystemClockAdapter(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}

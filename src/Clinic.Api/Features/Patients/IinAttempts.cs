using Clinic.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Patients;

/// <summary>
/// Whether an IIN belongs to a patient must not be something anyone can ask at will: each Telegram user gets
/// <see cref="PerWindow"/> lookups of a valid IIN that is not already theirs (an IIN check, or a save with a new IIN) per
/// <see cref="Window"/> from their first one. Counted in the database by conditional updates, so every replica of the API
/// shares one count and two racing requests cannot both take the last lookup.
/// </summary>
public static class IinAttempts
{
    /// <summary>Five registrations' worth: each checks the IIN, then saves it.</summary>
    public const int PerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Takes one lookup for <paramref name="telegramId"/>; false when the window's lookups are used up.</summary>
    public static async Task<bool> TryTakeAsync(long telegramId, ClinicDbContext db, TimeProvider clock, CancellationToken ct)
    {
        // A counter whose window is over protects nothing: other users' old rows go, so no Telegram id is kept for long.
        var expired = clock.GetUtcNow().UtcDateTime - Window;
        await db.IinAttempts.Where(a => a.TelegramId != telegramId && a.WindowStartedAtUtc <= expired).ExecuteDeleteAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var windowStart = now - Window;
            var taken = await db.IinAttempts
                .Where(a => a.TelegramId == telegramId && a.WindowStartedAtUtc > windowStart && a.Count < PerWindow)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Count, a => a.Count + 1), ct);
            if (taken == 0)
            {
                taken = await db.IinAttempts
                    .Where(a => a.TelegramId == telegramId && a.WindowStartedAtUtc <= windowStart)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Count, 1).SetProperty(a => a.WindowStartedAtUtc, now), ct);
            }
            if (taken > 0)
                return true;
            if (await db.IinAttempts.AnyAsync(a => a.TelegramId == telegramId, ct))
                return false;

            db.IinAttempts.Add(new IinAttempt { TelegramId = telegramId, WindowStartedAtUtc = now, Count = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // Another request created the row first: count on it.
                db.ChangeTracker.Clear();
            }
        }
    }
}

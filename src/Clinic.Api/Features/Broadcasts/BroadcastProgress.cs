using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// Counts a broadcast's outbox rows and moves its status along with them: a scheduled broadcast is sending once its
/// time has come, and a sending one is completed when nothing is left pending or held.
/// </summary>
public static class BroadcastProgress
{
    /// <summary>The error of a row held back by a pause; resume makes it pending again.</summary>
    public const string Paused = "broadcast_paused";
    /// <summary>The error of a row that will never be sent because its broadcast was cancelled.</summary>
    public const string Cancelled = "broadcast_cancelled";

    public static async Task<Dictionary<long, BroadcastStatsDto>> RefreshAsync(
        ClinicDbContext db, IReadOnlyList<Broadcast> broadcasts, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ids = broadcasts.Select(b => b.Id).ToList();
        var rows = await db.OutboxMessages
            .Where(m => m.BroadcastId != null && ids.Contains(m.BroadcastId.Value))
            .GroupBy(m => new { m.BroadcastId, m.Status, Held = m.Error == Paused })
            .Select(g => new { g.Key.BroadcastId, g.Key.Status, g.Key.Held, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<long, BroadcastStatsDto>();
        var changed = false;
        foreach (var broadcast in broadcasts)
        {
            var mine = rows.Where(r => r.BroadcastId == broadcast.Id).ToList();
            int Count(OutboxStatus status, bool held = false) => mine.Where(r => r.Status == status && r.Held == held).Sum(r => r.Count);
            var stats = new BroadcastStatsDto(
                broadcast.Audience,
                Count(OutboxStatus.Sent),
                Count(OutboxStatus.Failed),
                Count(OutboxStatus.Blocked),
                Count(OutboxStatus.Pending) + Count(OutboxStatus.Claimed),
                Count(OutboxStatus.Cancelled, held: true),
                Count(OutboxStatus.Cancelled),
                broadcast.Clicks);
            result[broadcast.Id] = stats;

            if (broadcast.Status == BroadcastStatus.Scheduled && broadcast.ScheduledAtUtc <= nowUtc)
            {
                broadcast.Status = BroadcastStatus.Sending;
                broadcast.UpdatedAtUtc = nowUtc;
                changed = true;
            }
            if (broadcast.Status == BroadcastStatus.Sending && stats.Pending == 0 && stats.Held == 0)
            {
                var lastRow = await db.OutboxMessages.Where(m => m.BroadcastId == broadcast.Id)
                    .MaxAsync(m => (DateTime?)m.UpdatedAtUtc, cancellationToken);
                broadcast.Status = BroadcastStatus.Completed;
                broadcast.CompletedAtUtc = lastRow ?? nowUtc;
                broadcast.UpdatedAtUtc = nowUtc;
                changed = true;
            }
        }
        if (changed)
            await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}

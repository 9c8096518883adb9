using System.Text.Json;
using Clinic.Contracts;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// A mass mailing to a segment of patients. Starting it plans one outbox row per recipient (kind
/// <see cref="OutboxKinds.Broadcast"/>, linked by <c>broadcast_id</c>); its statistics are counted from those rows.
/// </summary>
public sealed class Broadcast
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public BroadcastStatus Status { get; set; } = BroadcastStatus.Draft;
    /// <summary>Telegram HTML, validated by <see cref="TelegramHtml"/> before it is saved.</summary>
    public required string Text { get; set; }
    public string? PhotoUrl { get; set; }
    public string? PhotoFileId { get; set; }
    public string? ButtonText { get; set; }
    /// <summary>Where the button leads; each recipient reaches it through their own <c>/b/{token}</c> (their outbox row's).</summary>
    public string? ButtonUrl { get; set; }
    /// <summary>The broadcast-wide link of messages sent before per-recipient tokens: it still redirects, uncounted.</summary>
    public required string ClickToken { get; set; }
    /// <summary>Recipients who opened the link, each once.</summary>
    public int Clicks { get; set; }
    /// <summary><see cref="BroadcastSegment"/> as JSON.</summary>
    public required string Segment { get; set; }
    public DateTime? ScheduledAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>Rows planned when it was started.</summary>
    public int Audience { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    public BroadcastSegment ReadSegment() => JsonSerializer.Deserialize<BroadcastSegment>(Segment, ClinicJson.Options) ?? new BroadcastSegment();

    public BroadcastDto AsDto(BroadcastStatsDto stats) => new(
        Id, Status, Text, PhotoUrl, PhotoFileId, ButtonText, ButtonUrl, ReadSegment(),
        ScheduledAtUtc.HasValue ? Utc.ToOffset(ScheduledAtUtc.Value) : null, CreatedBy, Utc.ToOffset(CreatedAtUtc),
        StartedAtUtc.HasValue ? Utc.ToOffset(StartedAtUtc.Value) : null,
        CompletedAtUtc.HasValue ? Utc.ToOffset(CompletedAtUtc.Value) : null, stats);
}

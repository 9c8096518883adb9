namespace Clinic.Contracts;

/// <summary>Lifecycle of a mass mailing: <c>draft → scheduled | sending ⇄ paused → completed</c>, or <c>cancelled</c> from any but completed.</summary>
public enum BroadcastStatus { Draft, Scheduled, Sending, Paused, Completed, Cancelled }

/// <summary>
/// Who receives a broadcast. Every filter is optional and they combine with AND; only patients who opted in to clinic
/// news and have not blocked the bot are ever included. A "visit" is an appointment that was attended (arrived,
/// fulfilled) or booked with a start in the past; dates are calendar days in the clinic's time zone.
/// </summary>
public sealed record BroadcastSegment(
    IReadOnlyList<Language>? Languages = null,
    long? BranchId = null,
    long? ServiceId = null,
    long? DoctorId = null,
    DateOnly? LastVisitBefore = null,
    DateOnly? LastVisitAfter = null,
    int? AgeFrom = null,
    int? AgeTo = null,
    Sex? Sex = null,
    bool? HasUpcomingAppointment = null,
    DateOnly? RegisteredSince = null);

/// <summary>A new draft. <c>Text</c> is Telegram HTML (b, i, u, s, a, code, pre, tg-spoiler, blockquote).</summary>
public sealed record BroadcastCreateRequest(
    string Text,
    BroadcastSegment? Segment = null,
    string? PhotoUrl = null,
    string? PhotoFileId = null,
    string? ButtonText = null,
    string? ButtonUrl = null,
    string? CreatedBy = null);

/// <summary>Start now (no time, or a time not in the future) or schedule for <c>ScheduledAt</c>.</summary>
public sealed record BroadcastStartRequest(DateTimeOffset? ScheduledAt = null);

public sealed record AudiencePreviewRequest(BroadcastSegment? Segment);

public sealed record AudiencePreviewDto(int Count);

/// <summary>Counts of a broadcast's messages. <c>Pending</c> includes those being sent; <c>Held</c> are paused.</summary>
public sealed record BroadcastStatsDto(int Audience, int Sent, int Failed, int Blocked, int Pending, int Held, int Cancelled, int Clicks);

public sealed record BroadcastDto(
    long Id,
    BroadcastStatus Status,
    string Text,
    string? PhotoUrl,
    string? PhotoFileId,
    string? ButtonText,
    string? ButtonUrl,
    BroadcastSegment Segment,
    DateTimeOffset? ScheduledAt,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    BroadcastStatsDto Stats);

public sealed record BroadcastListResponse(IReadOnlyList<BroadcastDto> Items);

/// <summary>Messages sent in one minute (UTC, start of the minute).</summary>
public sealed record BroadcastProgressPoint(DateTimeOffset Minute, int Sent);

public sealed record BroadcastAnalyticsDto(
    BroadcastDto Broadcast,
    IReadOnlyList<BroadcastProgressPoint> Progress,
    DateTimeOffset? FirstSentAt,
    DateTimeOffset? LastSentAt,
    double? SendingSeconds);

/// <summary>Totals across all broadcasts that were started.</summary>
public sealed record BroadcastSummaryDto(int Broadcasts, int Completed, int Audience, int Sent, int Failed, int Blocked, int Clicks);

/// <summary>
/// A short picture of the clinic for administrators. Weeks start on Monday in the clinic's time zone. The NPS counts the
/// feedback answers given this week and in the last 30 days (the same arithmetic as the staff NPS report).
/// </summary>
public sealed record ClinicOverviewDto(
    int Patients, int NewsSubscribers, int BookingsThisWeek, int CancellationsThisWeek, DateOnly WeekStart, NpsDto NpsThisWeek, NpsDto NpsLast30Days);

/// <summary>
/// Payload of an outbox row of kind <see cref="OutboxKinds.Broadcast"/>: everything the bot needs to send it.
/// <c>ButtonUrl</c> is the API's click-tracking redirect, not the target.
/// </summary>
public sealed record BroadcastMessagePayload(long BroadcastId, string Text, string? PhotoUrl, string? PhotoFileId, string? ButtonText, string? ButtonUrl);

/// <summary>Routes of broadcasts: staff under <c>/api/admin</c>, the bot's admin side under <c>/api/bot/admin</c> (with <c>telegram_id</c>).</summary>
public static class BroadcastRoutes
{
    public const string Broadcasts = "/broadcasts/";
    public const string BotAdminPrefix = "/api/bot/admin";
    public const string ClickPrefix = "/b/";

    public static string BotBroadcasts(long adminTelegramId) => $"{BotAdminPrefix}/broadcasts/?telegram_id={adminTelegramId}";
    public static string BotBroadcast(long id, long adminTelegramId) => $"{BotAdminPrefix}/broadcasts/{id}/?telegram_id={adminTelegramId}";
    public static string BotBroadcastAction(long id, string action, long adminTelegramId) => $"{BotAdminPrefix}/broadcasts/{id}/{action}/?telegram_id={adminTelegramId}";
    public static string BotAudience(long adminTelegramId) => $"{BotAdminPrefix}/broadcasts/audience/?telegram_id={adminTelegramId}";
    public static string BotOverview(long adminTelegramId) => $"{BotAdminPrefix}/overview/?telegram_id={adminTelegramId}";
}

using System.Security.Cryptography;
using System.Text.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Feedback;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// Broadcasts and the clinic overview. The same endpoints serve the staff API (<c>/api/admin</c>, ADMIN_API_TOKEN)
/// and the bot's admin side (<c>/api/bot/admin</c>, the bot's secret plus an admin's <c>telegram_id</c>).
/// </summary>
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcastsApi(this RouteGroupBuilder group, string names)
    {
        group.MapGet("/broadcasts/", List).WithName(names + "ListBroadcasts").WithTags("Broadcasts").ProducesErrors(400);
        group.MapPost("/broadcasts/", Create).WithName(names + "CreateBroadcast").WithTags("Broadcasts");
        group.MapPost("/broadcasts/audience/", PreviewAudience).WithName(names + "PreviewBroadcastAudience").WithTags("Broadcasts");
        group.MapGet("/broadcasts/summary/", Summary).WithName(names + "BroadcastsSummary").WithTags("Broadcasts");
        group.MapGet("/broadcasts/{id:long}/", Get).WithName(names + "GetBroadcast").WithTags("Broadcasts");
        group.MapGet("/broadcasts/{id:long}/analytics/", Analytics).WithName(names + "BroadcastAnalytics").WithTags("Broadcasts");
        group.MapPost("/broadcasts/{id:long}/start/", Start).WithName(names + "StartBroadcast").WithTags("Broadcasts").ProducesErrors(400);
        group.MapPost("/broadcasts/{id:long}/pause/", Pause).WithName(names + "PauseBroadcast").WithTags("Broadcasts");
        group.MapPost("/broadcasts/{id:long}/resume/", Resume).WithName(names + "ResumeBroadcast").WithTags("Broadcasts");
        group.MapPost("/broadcasts/{id:long}/cancel/", Cancel).WithName(names + "CancelBroadcast").WithTags("Broadcasts");
        group.MapGet("/overview/", Overview).WithName(names + "ClinicOverview").WithTags("Broadcasts");
        return group;
    }

    /// <summary>List broadcasts</summary>
    /// <remarks>
    /// The staff console and the bot's <c>/admin</c>: the latest broadcasts (<c>limit</c>, 1 to 100, 20 by default),
    /// newest first, each with its progress (audience, sent, failed, blocked, clicks).
    /// </remarks>
    public static async Task<Ok<BroadcastListResponse>> List(
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken, int limit = 20)
    {
        var broadcasts = await db.Broadcasts.Where(b => b.OrganizationId == options.DefaultOrganizationId)
            .OrderByDescending(b => b.Id).Take(Math.Clamp(limit, 1, 100)).ToListAsync(cancellationToken);
        var stats = await BroadcastProgress.RefreshAsync(db, broadcasts, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(new BroadcastListResponse([.. broadcasts.Select(b => b.AsDto(stats[b.Id]))]));
    }

    /// <summary>Draft a broadcast</summary>
    /// <remarks>
    /// The staff console or the bot's <c>/admin</c> wizard drafts a message to a segment of patients (201): Telegram HTML
    /// text, an optional photo and a link button. Nothing is sent until it is started.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c> (a field or the segment) or <c>invalid_html</c> (the text is not HTML Telegram accepts).</response>
    public static async Task<Results<Created<BroadcastDto>, BadRequest<ApiError>>> Create(
        BroadcastCreateRequest request, HttpContext http, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<Broadcast> logger, CancellationToken cancellationToken)
    {
        var segment = request.Segment ?? new BroadcastSegment();
        var errors = await BroadcastValidation.CheckAsync(request, segment, db, options, cancellationToken);
        if (errors is not null)
            return errors;

        var now = clock.GetUtcNow().UtcDateTime;
        var broadcast = new Broadcast
        {
            OrganizationId = options.DefaultOrganizationId,
            Text = request.Text,
            PhotoUrl = Blank(request.PhotoUrl),
            PhotoFileId = Blank(request.PhotoFileId),
            ButtonText = Blank(request.ButtonText),
            ButtonUrl = Blank(request.ButtonUrl),
            ClickToken = Base64Url(RandomNumberGenerator.GetBytes(16)),
            Segment = JsonSerializer.Serialize(segment, ClinicJson.Options),
            CreatedBy = AdminTelegramIds.ActingAdmin(http) is { } admin ? $"telegram:{admin}" : Blank(request.CreatedBy) ?? "staff",
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Broadcast {Id} drafted by {CreatedBy}", broadcast.Id, broadcast.CreatedBy);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}{broadcast.Id}/", broadcast.AsDto(Empty(broadcast)));
    }

    /// <summary>Count a segment's audience</summary>
    /// <remarks>How many patients a segment reaches now: the same condition a start plans the messages with. Only patients who opted in to clinic news and have not blocked the bot count.</remarks>
    /// <response code="400"><c>validation_failed</c>: the segment names an unknown branch, service or doctor, or an impossible age range.</response>
    public static async Task<Results<Ok<AudiencePreviewDto>, BadRequest<ApiError>>> PreviewAudience(
        AudiencePreviewRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var segment = request.Segment ?? new BroadcastSegment();
        var errors = await BroadcastValidation.CheckSegmentAsync(segment, db, options, cancellationToken);
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());
        var zone = await ClinicZone.FindAsync(db, options, cancellationToken);
        var count = await Audience.For(options.DefaultOrganizationId, segment, clock.GetUtcNow(), zone).CountAsync(db, cancellationToken);
        return TypedResults.Ok(new AudiencePreviewDto(count));
    }

    /// <summary>Read a broadcast with its progress</summary>
    /// <remarks>The broadcast and its live counts (pending, sent, failed, blocked, cancelled, clicks); the bot's progress card polls it.</remarks>
    /// <response code="404"><c>not_found</c>: no such broadcast.</response>
    public static async Task<Results<Ok<BroadcastDto>, NotFound<ApiError>>> Get(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(db, options, id, cancellationToken);
        if (broadcast is null)
            return Errors.NotFound("No such broadcast.");
        var stats = await BroadcastProgress.RefreshAsync(db, [broadcast], clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(broadcast.AsDto(stats[id]));
    }

    /// <summary>Read a broadcast's delivery analytics</summary>
    /// <remarks>The broadcast's counts plus messages sent per minute, the first and last sending time and how long sending took.</remarks>
    /// <response code="404"><c>not_found</c>: no such broadcast.</response>
    public static async Task<Results<Ok<BroadcastAnalyticsDto>, NotFound<ApiError>>> Analytics(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(db, options, id, cancellationToken);
        if (broadcast is null)
            return Errors.NotFound("No such broadcast.");
        var stats = await BroadcastProgress.RefreshAsync(db, [broadcast], clock.GetUtcNow().UtcDateTime, cancellationToken);
        var sentTimes = await db.OutboxMessages
            .Where(m => m.BroadcastId == id && m.Status == OutboxStatus.Sent && m.SentAtUtc != null)
            .Select(m => m.SentAtUtc!.Value).ToListAsync(cancellationToken);
        var progress = sentTimes
            .GroupBy(t => new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc))
            .OrderBy(g => g.Key)
            .Select(g => new BroadcastProgressPoint(Utc.ToOffset(g.Key), g.Count()))
            .ToList();
        DateTimeOffset? first = sentTimes.Count > 0 ? Utc.ToOffset(sentTimes.Min()) : null;
        DateTimeOffset? last = sentTimes.Count > 0 ? Utc.ToOffset(sentTimes.Max()) : null;
        return TypedResults.Ok(new BroadcastAnalyticsDto(broadcast.AsDto(stats[id]), progress, first, last,
            first is null ? null : (last!.Value - first.Value).TotalSeconds));
    }

    /// <summary>Sum up every broadcast started</summary>
    /// <remarks>The totals over all started broadcasts: how many, how many completed, audience, sent, failed, blocked and clicks.</remarks>
    public static async Task<Ok<BroadcastSummaryDto>> Summary(
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var broadcasts = await db.Broadcasts
            .Where(b => b.OrganizationId == options.DefaultOrganizationId && b.StartedAtUtc != null)
            .ToListAsync(cancellationToken);
        var stats = (await BroadcastProgress.RefreshAsync(db, broadcasts, clock.GetUtcNow().UtcDateTime, cancellationToken)).Values.ToList();
        return TypedResults.Ok(new BroadcastSummaryDto(
            broadcasts.Count, broadcasts.Count(b => b.Status == BroadcastStatus.Completed),
            stats.Sum(s => s.Audience), stats.Sum(s => s.Sent), stats.Sum(s => s.Failed), stats.Sum(s => s.Blocked), stats.Sum(s => s.Clicks)));
    }

    /// <summary>Start or schedule a broadcast</summary>
    /// <remarks>
    /// Plans one outbox message per recipient in the same transaction that marks the broadcast started: the audience is
    /// fixed now, and the messages are due at <c>scheduled_at</c> (if in the future) or now; the bot sends them within
    /// Telegram's limits. Only a draft starts.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such broadcast.</response>
    /// <response code="409"><c>broadcast_not_changeable</c>: it is not a draft (a second start, say).</response>
    public static async Task<Results<Ok<BroadcastDto>, NotFound<ApiError>, Conflict<ApiError>>> Start(
        long id, BroadcastStartRequest? request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<Broadcast> logger, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(db, options, id, cancellationToken);
        if (broadcast is null)
            return Errors.NotFound("No such broadcast.");
        var now = clock.GetUtcNow();
        var scheduled = request?.ScheduledAt is { } at && at > now ? at.UtcDateTime : (DateTime?)null;
        var zone = await ClinicZone.FindAsync(db, options, cancellationToken);
        var audience = Audience.For(options.DefaultOrganizationId, broadcast.ReadSegment(), now, zone);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Broadcasts
            .Where(b => b.Id == id && b.Status == BroadcastStatus.Draft)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, scheduled is null ? BroadcastStatus.Sending : BroadcastStatus.Scheduled)
                .SetProperty(b => b.ScheduledAtUtc, scheduled)
                .SetProperty(b => b.StartedAtUtc, now.UtcDateTime)
                .SetProperty(b => b.UpdatedAtUtc, now.UtcDateTime), cancellationToken);
        if (claimed == 0)
            return Errors.Conflict(ErrorCodes.BroadcastNotChangeable, "Only a draft can be started.");
        var clickMarker = broadcast.ButtonUrl is null ? null : "recipient-" + Guid.NewGuid().ToString("N");
        var planned = await audience.PlanAsync(db, broadcast, Payload(broadcast, options, clickMarker), clickMarker, scheduled ?? now.UtcDateTime, now.UtcDateTime, cancellationToken);
        await db.Broadcasts.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Audience, planned), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Broadcast {Id} started: {Count} messages planned, due {Due:o}", id, planned, scheduled ?? now.UtcDateTime);
        await db.Entry(broadcast).ReloadAsync(cancellationToken);
        if (planned == 0)
            await BroadcastProgress.RefreshAsync(db, [broadcast], now.UtcDateTime, cancellationToken); // nobody to send to: completed
        // Just planned: every row is pending; no need to count 100,000 rows again.
        return TypedResults.Ok(broadcast.AsDto(Empty(broadcast) with { Pending = planned }));
    }

    /// <summary>Pause a broadcast</summary>
    /// <remarks>Holds back the messages not yet handed to the bot; those already in flight still go. A scheduled or sending broadcast pauses.</remarks>
    /// <response code="404"><c>not_found</c>: no such broadcast.</response>
    /// <response code="409"><c>broadcast_not_changeable</c>: it is not scheduled or sending.</response>
    public static Task<Results<Ok<BroadcastDto>, NotFound<ApiError>, Conflict<ApiError>>> Pause(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(db, options, clock, id, [BroadcastStatus.Scheduled, BroadcastStatus.Sending], BroadcastStatus.Paused,
            OutboxStatus.Pending, null, OutboxStatus.Cancelled, BroadcastProgress.Paused, cancellationToken);

    /// <summary>Resume a paused broadcast</summary>
    /// <remarks>The held messages are due again; a broadcast whose scheduled time has not come is scheduled again.</remarks>
    /// <response code="404"><c>not_found</c>: no such broadcast.</response>
    /// <response code="409"><c>broadcast_not_changeable</c>: it is not paused.</response>
    public static Task<Results<Ok<BroadcastDto>, NotFound<ApiError>, Conflict<ApiError>>> Resume(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken) =>
        MoveAsync(db, options, clock, id, [BroadcastStatus.Paused], BroadcastStatus.Sending,
            OutboxStatus.Cancelled, BroadcastProgress.Paused, OutboxStatus.Pending, null, cancellationToken);

    /// <summary>Cancel a broadcast</summary>
    /// <remarks>Nothing more is sent: pending and held messages are cancelled for good. Those already sent stay sent.</remarks>
    /// <response code="404"><c>not_found</c>: no such broadcast.</response>
    /// <response code="409"><c>broadcast_not_changeable</c>: it is already completed or cancelled.</response>
    public static async Task<Results<Ok<BroadcastDto>, NotFound<ApiError>, Conflict<ApiError>>> Cancel(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        BroadcastStatus[] from = [BroadcastStatus.Draft, BroadcastStatus.Scheduled, BroadcastStatus.Sending, BroadcastStatus.Paused];
        var pending = await MoveAsync(db, options, clock, id, from, BroadcastStatus.Cancelled,
            OutboxStatus.Pending, null, OutboxStatus.Cancelled, BroadcastProgress.Cancelled, cancellationToken);
        if (pending.Result is not Ok<BroadcastDto>)
            return pending;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.BroadcastId == id && m.Status == OutboxStatus.Cancelled && m.Error == BroadcastProgress.Paused)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Error, BroadcastProgress.Cancelled).SetProperty(m => m.UpdatedAtUtc, now), cancellationToken);
        return await Get(id, db, options, clock, cancellationToken) is { Result: Ok<BroadcastDto> ok } ? ok : pending;
    }

    /// <summary>Read the clinic's overview</summary>
    /// <remarks>
    /// The admin's dashboard: patients, those reachable by clinic news, bookings and cancellations this week (from Monday
    /// in the clinic's time zone), and NPS this week and over the last 30 days.
    /// </remarks>
    public static async Task<Ok<ClinicOverviewDto>> Overview(
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var org = options.DefaultOrganizationId;
        var zone = await ClinicZone.FindAsync(db, options, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var since = TimeZoneInfo.ConvertTimeToUtc(weekStart.ToDateTime(TimeOnly.MinValue), zone);
        // Answers given in the last 30 days (a week never reaches further back), for both figures.
        var monthAgo = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var earliest = since < monthAgo ? since : monthAgo;
        var scores = await db.Feedback.Where(f => f.OrganizationId == org && f.CreatedAtUtc >= earliest)
            .Select(f => new { f.Score, f.CreatedAtUtc }).ToListAsync(cancellationToken);
        var recent = scores.Where(s => s.CreatedAtUtc >= monthAgo).ToList();
        var appointments = db.Appointments.Where(a => a.OrganizationId == org
            && !(a.Status == AppointmentStatus.Cancelled && a.CancelledBy == CancelledBy.System && a.CancelReason == Appointment.HoldExpiredReason));
        return TypedResults.Ok(new ClinicOverviewDto(
            await db.Patients.CountAsync(p => p.OrganizationId == org, cancellationToken),
            await db.Patients.CountAsync(p => p.OrganizationId == org && p.NewsOptIn && p.BotBlockedAtUtc == null, cancellationToken),
            await appointments.CountAsync(a => a.CreatedAtUtc >= since && a.Status != AppointmentStatus.Pending, cancellationToken),
            await appointments.CountAsync(a => a.Status == AppointmentStatus.Cancelled && a.UpdatedAtUtc >= since, cancellationToken),
            weekStart,
            Nps.Of(scores.Where(s => s.CreatedAtUtc >= since).Select(s => s.Score)),
            Nps.Of(recent.Select(s => s.Score))));
    }

    private static async Task<Results<Ok<BroadcastDto>, NotFound<ApiError>, Conflict<ApiError>>> MoveAsync(
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, long id, BroadcastStatus[] from, BroadcastStatus to,
        OutboxStatus rowsFrom, string? rowsFromError, OutboxStatus rowsTo, string? rowsToError, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(db, options, id, cancellationToken);
        if (broadcast is null)
            return Errors.NotFound("No such broadcast.");
        var now = clock.GetUtcNow().UtcDateTime;
        await BroadcastProgress.RefreshAsync(db, [broadcast], now, cancellationToken);
        if (!from.Contains(broadcast.Status))
            return Errors.Conflict(ErrorCodes.BroadcastNotChangeable, $"A {broadcast.Status.ToString().ToLowerInvariant()} broadcast cannot become {to.ToString().ToLowerInvariant()}.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.OutboxMessages.Where(m => m.BroadcastId == id && m.Status == rowsFrom && m.Error == rowsFromError)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, rowsTo)
                .SetProperty(m => m.Error, rowsToError)
                .SetProperty(m => m.UpdatedAtUtc, now), cancellationToken);
        // A resumed broadcast whose time has not come is scheduled again; the progress refresh settles the rest.
        broadcast.Status = to == BroadcastStatus.Sending && broadcast.ScheduledAtUtc > now ? BroadcastStatus.Scheduled : to;
        broadcast.UpdatedAtUtc = now;
        if (to == BroadcastStatus.Cancelled)
            broadcast.CompletedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var stats = await BroadcastProgress.RefreshAsync(db, [broadcast], now, cancellationToken);
        return TypedResults.Ok(broadcast.AsDto(stats[id]));
    }

    /// <summary>The rows' payload; its button link carries <paramref name="clickMarker"/>, replaced by each row's own token.</summary>
    private static string Payload(Broadcast broadcast, ClinicApiOptions options, string? clickMarker) => JsonSerializer.Serialize(
        new BroadcastMessagePayload(broadcast.Id, broadcast.Text, broadcast.PhotoUrl, broadcast.PhotoFileId, broadcast.ButtonText,
            clickMarker is null ? null : ClickApi.TrackingUrl(options, clickMarker)),
        ClinicJson.Options);

    private static Task<Broadcast?> FindAsync(ClinicDbContext db, ClinicApiOptions options, long id, CancellationToken cancellationToken) =>
        db.Broadcasts.SingleOrDefaultAsync(b => b.Id == id && b.OrganizationId == options.DefaultOrganizationId, cancellationToken);

    private static BroadcastStatsDto Empty(Broadcast broadcast) => new(broadcast.Audience, 0, 0, 0, 0, 0, 0, broadcast.Clicks);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

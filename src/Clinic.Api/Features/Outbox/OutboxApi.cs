using System.Text.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Outbox;

/// <summary>
/// The bot's side of the outbox: it leases due rows, sends them and reports each result.
/// A lease is one id for the rows of one claim; several bot replicas never hold the same row
/// (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: one write transaction at a time).
/// </summary>
public static class OutboxApi
{
    public const int MaxClaim = 500;
    public const int MaxErrorLength = 1000;

    /// <summary>The error of a broadcast row cancelled because its patient opted out of clinic news after it was planned.</summary>
    public const string NewsOptedOut = "news_opted_out";

    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder group)
    {
        group.MapPost("/outbox/claim", Claim).WithName("ClaimOutbox").WithTags("Outbox");
        group.MapPost("/outbox/{id:long}/result", Result).WithName("ReportOutboxResult").WithTags("Outbox");
        group.MapPost("/outbox/results", Results).WithName("ReportOutboxResults").WithTags("Outbox");
        group.MapPost("/outbox/leases/{leaseId:guid}/extend", ExtendLease).WithName("ExtendOutboxLease").WithTags("Outbox");
        return group;
    }

    /// <summary>Claim due outbox messages to send</summary>
    /// <remarks>
    /// The bot's outbox sender leases up to <c>limit</c> due messages (reminders, surveys, receipts, ticket replies,
    /// broadcasts) for <c>lease_seconds</c>, oldest due first, each with the patient's Telegram id, language and payload.
    /// Several bot replicas never hold the same message. Patients who blocked the bot are skipped, and so are reminders
    /// they turned off; broadcasts to patients who opted out since are cancelled. Each claim counts as an attempt.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: <c>limit</c> is not 1 to 500 or <c>lease_seconds</c> not 5 to 3600.</response>
    public static async Task<Results<Ok<OutboxClaimResponse>, BadRequest<ApiError>>> Claim(
        OutboxClaimRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Limit is < 1 or > MaxClaim) errors.Add("limit", $"Must be 1 to {MaxClaim}.");
        if (request.LeaseSeconds is < 5 or > 3600) errors.Add("lease_seconds", "Must be 5 to 3600.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var organizationId = options.DefaultOrganizationId;
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var lease = Guid.NewGuid();
        var until = now.AddSeconds(request.LeaseSeconds);
        var untilUtc = until.UtcDateTime;

        await using var transaction = await BookingTransaction.BeginAsync(db, cancellationToken);
        // Clinic news for patients who opted out after the broadcast was planned: never sent, counted as cancelled.
        await Due(db, organizationId, nowUtc, honourNewsOptOut: false)
            .Where(m => m.Kind == OutboxKinds.Broadcast && !m.Patient!.NewsOptIn)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Cancelled)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.Error, NewsOptedOut)
                .SetProperty(m => m.UpdatedAtUtc, nowUtc), cancellationToken);
        var ids = db.Provider == DatabaseProvider.Postgres
            ? await LockDueOnPostgresAsync(db, organizationId, nowUtc, request.Limit, cancellationToken)
            : await Due(db, organizationId, nowUtc).OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(request.Limit).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new OutboxClaimResponse(lease, until, []));
        }

        await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Claimed)
            .SetProperty(m => m.LeaseId, lease)
            .SetProperty(m => m.LeaseUntilUtc, untilUtc)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.UpdatedAtUtc, nowUtc), cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { Message = m, m.Patient!.TelegramId, m.Patient.Language })
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var items = rows.OrderBy(r => r.Message.DueAtUtc).ThenBy(r => r.Message.Id).Select(r => new OutboxItemDto(
            r.Message.Id, r.Message.Kind, r.Message.PatientId, r.TelegramId, r.Language, Payload(r.Message.Payload),
            r.Message.Attempts, Utc.ToOffset(r.Message.DueAtUtc), until)).ToList();
        return TypedResults.Ok(new OutboxClaimResponse(lease, until, items));
    }

    /// <summary>Report what happened to one claimed message</summary>
    /// <remarks>
    /// The sender reports a leased message as <c>sent</c>, <c>failed</c> (retried with backoff unless permanent or out of
    /// attempts), <c>blocked</c> (the patient blocked the bot; their messages wait until they write again), <c>released</c>
    /// or <c>cancelled</c>. Repeating a report of the same lease answers the message's state again.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such outbox message.</response>
    /// <response code="409"><c>lease_lost</c>: the lease expired and another claim took the message.</response>
    public static async Task<Results<Ok<OutboxRowStateDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Result(
        long id, OutboxResultRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<OutboxMessage> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Validate(request, errors, "");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var answer = (await RecordAsync([OutboxResultItem.From(id, request)], db, options, clock, logger, cancellationToken))[0];
        return answer switch
        {
            { Row: { } row } => TypedResults.Ok(row),
            { ErrorCode: ErrorCodes.LeaseLost } => LeaseLost(),
            _ => Errors.NotFound("No such outbox message."),
        };
    }

    /// <summary>Report what happened to many claimed messages</summary>
    /// <remarks>
    /// The sender's batch report (1 to 500 results, each message once), recorded in one transaction so the database takes
    /// one write for a batch instead of one per message. Each is recorded as by the single report; the answer gives each
    /// message's state, or its error code (<c>not_found</c>, <c>lease_lost</c>) in place of a 404 or 409.
    /// </remarks>
    public static async Task<Results<Ok<OutboxResultsResponse>, BadRequest<ApiError>>> Results(
        OutboxResultsRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<OutboxMessage> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var items = request.Results ?? [];
        if (items.Count is < 1 or > MaxClaim) errors.Add("results", $"Must hold 1 to {MaxClaim} results.");
        else if (items.Select(i => i.Id).Distinct().Count() != items.Count) errors.Add("results", "Each message may appear once.");
        for (var i = 0; i < Math.Min(items.Count, MaxClaim); i++)
            Validate(items[i].ToRequest(), errors, $"results[{i}].");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        return TypedResults.Ok(new OutboxResultsResponse(await RecordAsync(items, db, options, clock, logger, cancellationToken)));
    }

    /// <summary>Extend a lease on claimed messages</summary>
    /// <remarks>
    /// A live sender keeps the messages it still holds for <c>lease_seconds</c> more from now, so only a dead sender's
    /// messages are claimed again. The answer counts the messages the lease still holds.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: <c>lease_seconds</c> is not 5 to 3600.</response>
    public static async Task<Results<Ok<OutboxLeaseDto>, BadRequest<ApiError>>> ExtendLease(
        Guid leaseId, OutboxLeaseExtendRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.LeaseSeconds is < 5 or > 3600)
            return Errors.Validation(new Dictionary<string, string[]> { ["lease_seconds"] = ["Must be 5 to 3600."] });

        var now = clock.GetUtcNow();
        var until = now.AddSeconds(request.LeaseSeconds);
        var untilUtc = until.UtcDateTime;
        var nowUtc = now.UtcDateTime;
        // Rows whose lease ran out but that no other claim took are still this lease's: they are kept too.
        var rows = await db.OutboxMessages
            .Where(m => m.LeaseId == leaseId && m.OrganizationId == options.DefaultOrganizationId && m.Status == OutboxStatus.Claimed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntilUtc, untilUtc)
                .SetProperty(m => m.UpdatedAtUtc, nowUtc), cancellationToken);
        return TypedResults.Ok(new OutboxLeaseDto(leaseId, until, rows));
    }

    private static void Validate(OutboxResultRequest request, FieldErrors errors, string prefix)
    {
        if (request.LeaseId == Guid.Empty) errors.Add(prefix + "lease_id", "Required.");
        if (!Enum.IsDefined(request.Outcome)) errors.Add(prefix + "outcome", "Must be sent, failed, blocked, released or cancelled.");
        if (request.Outcome == OutboxOutcome.Sent && request.TelegramMessageId is not > 0)
            errors.Add(prefix + "telegram_message_id", "Required when the message was sent.");
        if (request.RetryAfterSeconds is < 0 or > 86_400) errors.Add(prefix + "retry_after_seconds", "Must be 0 to 86400.");
    }

    /// <summary>
    /// Applies each result to its row if the row is still claimed by the result's lease (one conditional update each, all in
    /// one transaction), marks patients who blocked the bot, and answers every row's state after it.
    /// </summary>
    private static async Task<IReadOnlyList<OutboxResultAnswer>> RecordAsync(
        IReadOnlyList<OutboxResultItem> items, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<OutboxMessage> logger, CancellationToken cancellationToken)
    {
        var organizationId = options.DefaultOrganizationId;
        var ids = items.Select(i => i.Id).ToList();
        var before = await db.OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.OrganizationId == organizationId)
            .Select(m => new { m.Id, m.PatientId, m.LeaseId, m.Status, m.Attempts, m.DueAtUtc })
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var blockedPatients = new List<long>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var item in items)
            {
                // Another lease's row, or one already recorded (the same report again): nothing to change.
                if (!before.TryGetValue(item.Id, out var row) || row.LeaseId != item.LeaseId || row.Status != OutboxStatus.Claimed)
                    continue;

                var error = item.Outcome == OutboxOutcome.Sent || item.Error is null ? null
                    : item.Error.Length > MaxErrorLength ? item.Error[..MaxErrorLength] : item.Error;
                var (status, due, attemptsBack) = item.Outcome switch
                {
                    OutboxOutcome.Sent => (OutboxStatus.Sent, row.DueAtUtc, 0),
                    OutboxOutcome.Blocked => (OutboxStatus.Blocked, row.DueAtUtc, 0),
                    OutboxOutcome.Cancelled => (OutboxStatus.Cancelled, row.DueAtUtc, 0),
                    OutboxOutcome.Released => (OutboxStatus.Pending, row.DueAtUtc, 1),
                    _ when item.Permanent || row.Attempts >= options.OutboxMaxAttempts => (OutboxStatus.Failed, row.DueAtUtc, 0),
                    _ => (OutboxStatus.Pending, nowUtc + (item.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Backoff(row.Attempts)), 0),
                };
                var sentAt = status == OutboxStatus.Sent ? nowUtc : (DateTime?)null;
                var messageId = status == OutboxStatus.Sent ? item.TelegramMessageId : null;
                var lease = item.LeaseId;
                var changed = await db.OutboxMessages
                    .Where(m => m.Id == item.Id && m.LeaseId == lease && m.Status == OutboxStatus.Claimed)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Status, status)
                        .SetProperty(m => m.DueAtUtc, due)
                        .SetProperty(m => m.Attempts, m => m.Attempts - attemptsBack)
                        .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                        .SetProperty(m => m.TelegramMessageId, messageId)
                        .SetProperty(m => m.SentAtUtc, sentAt)
                        .SetProperty(m => m.Error, error)
                        .SetProperty(m => m.UpdatedAtUtc, nowUtc), cancellationToken);
                if (changed == 1 && status == OutboxStatus.Blocked)
                    blockedPatients.Add(row.PatientId);
            }

            if (blockedPatients.Count > 0)
            {
                await db.Patients.Where(p => blockedPatients.Contains(p.Id) && p.BotBlockedAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.BotBlockedAtUtc, nowUtc), cancellationToken);
                foreach (var patientId in blockedPatients.Distinct())
                    logger.LogInformation("Patient {PatientId} has blocked the bot; their messages wait until they write again", patientId);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var after = await db.OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.OrganizationId == organizationId)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        // A row now held by another lease was taken by another claim (the report came too late): lease_lost.
        return items.Select(item => !after.TryGetValue(item.Id, out var row) ? new OutboxResultAnswer(item.Id, null, ErrorCodes.NotFound)
            : row.LeaseId != item.LeaseId ? new OutboxResultAnswer(item.Id, null, ErrorCodes.LeaseLost)
            : new OutboxResultAnswer(item.Id, State(row), null)).ToList();
    }

    /// <summary>
    /// Due rows a sender may take: pending, or claimed by a lease that has run out; not for a patient who blocked the bot,
    /// no reminders for a patient who turned them off, no broadcasts for a patient who opted out of clinic news.
    /// </summary>
    internal static IQueryable<OutboxMessage> Due(ClinicDbContext db, long organizationId, DateTime nowUtc, bool honourNewsOptOut = true) =>
        db.OutboxMessages.Where(m => m.OrganizationId == organizationId && m.DueAtUtc <= nowUtc &&
                                     (m.Status == OutboxStatus.Pending || (m.Status == OutboxStatus.Claimed && m.LeaseUntilUtc < nowUtc)) &&
                                     m.Patient!.BotBlockedAtUtc == null && m.Patient.DeletedAtUtc == null &&
                                     (m.Kind != OutboxKinds.Reminder || m.Patient.RemindersEnabled) &&
                                     (!honourNewsOptOut || m.Kind != OutboxKinds.Broadcast || m.Patient.NewsOptIn));

    /// <summary>The same question as <see cref="Due"/>, locking the rows it answers and skipping rows another claim holds.</summary>
    private static Task<List<long>> LockDueOnPostgresAsync(ClinicDbContext db, long organizationId, DateTime nowUtc, int limit, CancellationToken cancellationToken)
    {
        var pending = ClinicDbContext.SnakeCase(nameof(OutboxStatus.Pending));
        var claimed = ClinicDbContext.SnakeCase(nameof(OutboxStatus.Claimed));
        var reminder = OutboxKinds.Reminder;
        var broadcast = OutboxKinds.Broadcast;
        return db.Database.SqlQuery<long>($"""
            SELECT o.id AS "Value"
            FROM outbox_messages o JOIN patients p ON p.id = o.patient_id
            WHERE o.organization_id = {organizationId} AND o.due_at_utc <= {nowUtc}
              AND (o.status = {pending} OR (o.status = {claimed} AND o.lease_until_utc < {nowUtc}))
              AND p.bot_blocked_at_utc IS NULL AND p.deleted_at_utc IS NULL
              AND (o.kind <> {reminder} OR p.reminders_enabled)
              AND (o.kind <> {broadcast} OR p.news_opt_in)
            ORDER BY o.due_at_utc, o.id
            LIMIT {limit}
            FOR UPDATE OF o SKIP LOCKED
            """).ToListAsync(cancellationToken);
    }

    /// <summary>30 s, 1 min, 2 min, … up to 30 min after the n-th failed attempt.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, attempts - 1)), 1800));

    private static Conflict<ApiError> LeaseLost() =>
        Errors.Conflict(ErrorCodes.LeaseLost, "This lease no longer holds the message (it expired and another sender claimed it).");

    private static OutboxRowStateDto State(OutboxMessage m) =>
        new(m.Id, m.Status, m.Attempts, Utc.ToOffset(m.DueAtUtc), m.TelegramMessageId, m.Error);

    private static JsonElement Payload(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Text;
using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// A segment as one SQL <c>WHERE</c> over <c>patients p</c>, shared by the audience preview (<c>COUNT</c>) and the
/// planning (<c>INSERT … SELECT</c>), so the preview's count is exactly the number of rows a start plans. Plain SQL
/// that both SQLite and PostgreSQL run; values always go as parameters.
/// </summary>
public sealed class Audience
{
    /// <summary>An appointment that counts as a visit: attended, or booked and already started (staff did not mark it).</summary>
    private const string Visited = "(a.status IN ('arrived', 'fulfilled') OR (a.status = 'booked' AND a.start_utc < {now}))";

    private readonly StringBuilder _where = new();
    private readonly List<object> _parameters = [];

    public string Where => _where.ToString();
    public object[] Parameters => [.. _parameters];

    public static Audience For(long organizationId, BroadcastSegment segment, DateTimeOffset now, TimeZoneInfo zone)
    {
        var audience = new Audience();
        var nowUtc = now.UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        audience.Add("p.organization_id = {0} AND p.news_opt_in AND p.bot_blocked_at_utc IS NULL", organizationId);

        if (segment.Languages is { Count: > 0 } languages)
        {
            var placeholders = string.Join(", ", languages.Distinct().Select((_, i) => $"{{{i}}}"));
            audience.Add($"p.language IN ({placeholders})", [.. languages.Distinct().Select(l => (object)l.ToString().ToLowerInvariant())]);
        }
        if (segment.BranchId is not null || segment.ServiceId is not null || segment.DoctorId is not null)
        {
            var visit = new StringBuilder($"EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND {Visited.Replace("{now}", "{0}")}");
            var values = new List<object> { nowUtc };
            foreach (var (column, id) in new[] { ("branch_id", segment.BranchId), ("service_id", segment.ServiceId), ("doctor_id", segment.DoctorId) })
            {
                if (id is null) continue;
                visit.Append($" AND a.{column} = {{{values.Count}}}");
                values.Add(id.Value);
            }
            audience.Add(visit.Append(')').ToString(), [.. values]);
        }
        const string lastVisit = "(SELECT MAX(a.start_utc) FROM appointments a WHERE a.patient_id = p.id AND " + Visited + ")";
        if (segment.LastVisitBefore is { } before)
            audience.Add(lastVisit.Replace("{now}", "{0}") + " < {1}", nowUtc, StartOfDay(before, zone));
        if (segment.LastVisitAfter is { } after)
            audience.Add(lastVisit.Replace("{now}", "{0}") + " >= {1}", nowUtc, StartOfDay(after, zone));
        // Age in whole years on today's date: at least N means born on or before today minus N years.
        if (segment.AgeFrom is { } from)
            audience.Add("p.birth_date <= {0}", today.AddYears(-from));
        if (segment.AgeTo is { } to)
            audience.Add("p.birth_date > {0}", today.AddYears(-(to + 1)));
        if (segment.Sex is { } sex)
            audience.Add("p.sex = {0}", sex.ToString().ToLowerInvariant());
        if (segment.HasUpcomingAppointment is { } upcoming)
            audience.Add((upcoming ? "" : "NOT ") + "EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND a.status = 'booked' AND a.start_utc >= {0})", nowUtc);
        if (segment.RegisteredSince is { } since)
            audience.Add("p.created_at_utc >= {0}", StartOfDay(since, zone));
        return audience;
    }

    public async Task<int> CountAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        // The WHERE is built from fixed fragments only; every value is a parameter.
        var sql = "SELECT COUNT(*) AS \"Value\" FROM patients p WHERE " + Where;
        var counts = await db.Database
            .SqlQueryRaw<long>(sql, Parameters)
            .ToListAsync(cancellationToken);
        return (int)counts.Single();
    }

    /// <summary>
    /// Plans one pending outbox row per patient of the audience in one statement; returns how many. With a
    /// <paramref name="clickMarker"/> (the broadcast has a button), each row gets its own random click token, which then
    /// replaces the marker in that row's payload, so every recipient's link is their own.
    /// </summary>
    public async Task<int> PlanAsync(ClinicDbContext db, Broadcast broadcast, string payload, string? clickMarker, DateTime dueUtc, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var first = _parameters.Count;
        var clickToken = clickMarker is null ? "NULL" : RandomToken(db.Provider);
        var sql = $$"""
            INSERT INTO outbox_messages (organization_id, patient_id, kind, payload, due_at_utc, status, attempts, broadcast_id, created_at_utc, updated_at_utc, click_token)
            SELECT p.organization_id, p.id, {{{first}}}, {{{first + 1}}}, {{{first + 2}}}, 'pending', 0, {{{first + 3}}}, {{{first + 4}}}, {{{first + 4}}}, {{clickToken}}
            FROM patients p WHERE {{Where}}
            """;
        object[] values = [.. _parameters, OutboxKinds.Broadcast, payload, dueUtc, broadcast.Id, nowUtc];
        var planned = await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
        if (clickMarker is not null)
            await db.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET payload = replace(payload, {0}, click_token) WHERE broadcast_id = {1}",
                [clickMarker, broadcast.Id], cancellationToken);
        return planned;
    }

    /// <summary>128 random bits as 32 hex digits, drawn by the database for each row.</summary>
    private static string RandomToken(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? "replace(gen_random_uuid()::text, '-', '')"
        : "lower(hex(randomblob(16)))";

    /// <summary>Appends <c>AND (condition)</c>, renumbering its <c>{0}…</c> placeholders after the ones already taken.</summary>
    private void Add(string condition, params object[] values)
    {
        var offset = _parameters.Count;
        for (var i = values.Length - 1; i >= 0; i--)
            condition = condition.Replace($"{{{i}}}", $"{{{i + offset}}}");
        if (_where.Length > 0)
            _where.Append(" AND ");
        _where.Append('(').Append(condition).Append(')');
        _parameters.AddRange(values);
    }

    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
}

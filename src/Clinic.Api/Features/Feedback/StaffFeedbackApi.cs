using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Feedback;

/// <summary>
/// Staff analytics of the answers (<c>/api/admin/feedback/</c>): NPS in total, per branch and per doctor for a period,
/// and the detractors waiting for a call, which staff mark followed up.
/// </summary>
public static class StaffFeedbackApi
{
    private const int MaxDetractors = 200;

    public static RouteGroupBuilder MapStaffFeedbackApi(this RouteGroupBuilder group)
    {
        group.MapGet("/feedback/nps/", Report).WithName("StaffNpsReport").WithTags("Staff");
        group.MapGet("/feedback/detractors/", Detractors).WithName("StaffDetractors").WithTags("Staff");
        group.MapPost("/feedback/{id:long}/follow-up/", FollowUp).WithName("StaffFollowUpFeedback").WithTags("Staff");
        return group;
    }

    /// <summary>Report NPS for a period</summary>
    /// <remarks>
    /// Staff analytics: the Net Promoter Score in total, per branch and per doctor, of the visits whose local date (in the
    /// branch's time zone) lies from <c>from</c> to <c>to</c>, inclusive; either bound may be left out.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: <c>to</c> is before <c>from</c>, or a date does not read.</response>
    public static async Task<Results<Ok<NpsReportDto>, BadRequest<ApiError>>> Report(
        [FromQuery(Name = "from")] DateOnly? from, [FromQuery(Name = "to")] DateOnly? to,
        ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        if (from is { } f && to is { } t && f > t)
            return Errors.Validation("to", "Must not be before from.");

        // Bounds widened by a day on each side in UTC, then trimmed exactly by the branch's local date below. A bound at
        // the very edge of the calendar (0001-01-01, 9999-12-31) cannot be widened and bounds nothing: it is left out.
        var query = db.Feedback.AsNoTracking().Where(x => x.OrganizationId == options.DefaultOrganizationId);
        if (from is { } lower && lower > DateOnly.MinValue)
        {
            var since = lower.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(x => x.Appointment!.StartUtc >= since);
        }
        if (to is { } upper && upper < DateOnly.MaxValue.AddDays(-1))
        {
            var until = upper.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(x => x.Appointment!.StartUtc < until);
        }
        var rows = await query
            .Select(x => new
            {
                x.Score, x.Appointment!.StartUtc, x.Appointment.BranchId, BranchName = x.Appointment.Branch!.NameRu,
                x.Appointment.Branch.TimeZone, x.Appointment.DoctorId, DoctorName = x.Appointment.Doctor!.FullName,
            })
            .ToListAsync(cancellationToken);
        var inPeriod = rows.Where(r =>
        {
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.StartUtc, TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone)));
            return (from is null || local >= from) && (to is null || local <= to);
        }).ToList();

        var branches = inPeriod.GroupBy(r => (r.BranchId, r.BranchName)).OrderBy(g => g.Key.BranchId)
            .Select(g => new NpsBranchDto(g.Key.BranchId, g.Key.BranchName, Nps.Of(g.Select(r => r.Score)))).ToList();
        var doctors = inPeriod.GroupBy(r => (r.DoctorId, r.DoctorName)).OrderBy(g => g.Key.DoctorId)
            .Select(g => new NpsDoctorDto(g.Key.DoctorId, g.Key.DoctorName, Nps.Of(g.Select(r => r.Score)))).ToList();
        return TypedResults.Ok(new NpsReportDto(from, to, Nps.Of(inPeriod.Select(r => r.Score)), branches, doctors));
    }

    /// <summary>List detractors to call back</summary>
    /// <remarks>
    /// Staff's call-back list: answers scoring 6 or less, newest first (at most 200), with the patient's name and phone.
    /// By default those still waiting for a call; with <c>status=all</c> also those followed up.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: <c>status</c> is not <c>open</c> or <c>all</c>.</response>
    public static async Task<Results<Ok<DetractorListResponse>, BadRequest<ApiError>>> Detractors(
        [FromQuery(Name = "status")] string? status, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        if (status is not (null or "open" or "all"))
            return Errors.Validation("status", "Must be open or all.");
        var query = db.Feedback.AsNoTracking().Where(x => x.OrganizationId == options.DefaultOrganizationId && x.Score <= 6);
        query = status == "all" ? query : query.Where(x => x.NeedsFollowUp && x.FollowedUpAtUtc == null);
        var rows = await query.OrderByDescending(x => x.CreatedAtUtc).Take(MaxDetractors)
            .Select(x => new
            {
                Feedback = x, x.Appointment!.StartUtc, x.Appointment.BranchId, x.Appointment.DoctorId,
                x.Appointment.Patient!.FullName, x.Appointment.Patient.Phone,
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new DetractorListResponse(rows.Select(r => new DetractorFeedbackDto(
            r.Feedback.Id, r.Feedback.AppointmentId, r.Feedback.PatientId, r.FullName, r.Phone, r.Feedback.Score, r.Feedback.ReasonList,
            r.Feedback.Comment, r.BranchId, r.DoctorId, Utc.ToOffset(r.StartUtc), Utc.ToOffset(r.Feedback.CreatedAtUtc),
            r.Feedback.FollowedUpAtUtc is { } at ? Utc.ToOffset(at) : null, r.Feedback.FollowUpNote)).ToList()));
    }

    /// <summary>Mark a detractor as called back</summary>
    /// <remarks>Staff record that the clinic called the patient back about this answer, with an optional note; it leaves the call-back list.</remarks>
    /// <response code="404"><c>not_found</c>: no such answer.</response>
    public static async Task<Results<Ok<FeedbackDto>, BadRequest<ApiError>, NotFound<ApiError>>> FollowUp(
        long id, FollowUpRequest? request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Note?.Length > FeedbackReasons.MaxTextLength)
            return Errors.Validation("note", $"At most {FeedbackReasons.MaxTextLength} characters.");
        var feedback = await db.Feedback.SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == options.DefaultOrganizationId, cancellationToken);
        if (feedback is null)
            return Errors.NotFound("No such feedback.");
        var now = clock.GetUtcNow().UtcDateTime;
        feedback.NeedsFollowUp = false;
        feedback.FollowedUpAtUtc = now;
        feedback.FollowUpNote = string.IsNullOrWhiteSpace(request?.Note) ? feedback.FollowUpNote : request.Note.Trim();
        feedback.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(feedback.AsDto());
    }
}

using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Feedback;

/// <summary>
/// The patient's NPS answer about a fulfilled visit (<c>/api/bot/feedback/</c>): one answer per visit, a second answer
/// updates it. Only the patient's own visits: another patient's visit is a 404.
/// </summary>
public static class FeedbackApi
{
    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder group)
    {
        group.MapPost("/feedback/", Answer).WithName("AnswerFeedback").WithTags("Feedback");
        group.MapGet("/feedback/pending/", Pending).WithName("PendingFeedback").WithTags("Feedback");
        group.MapGet("/feedback/visits/{appointmentId:long}/", Visit).WithName("FeedbackVisit").WithTags("Feedback");
        return group;
    }

    /// <summary>Answer the survey about a visit</summary>
    /// <remarks>
    /// The bot's NPS survey: the first answer about a fulfilled visit needs a 0–10 <c>score</c> (201); later calls update
    /// it with reasons, a comment or a public review (200), and fields left null stay as they were. A score of 6 or less
    /// puts the answer on the staff's call-back list.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>, or <c>score_required</c>: the first answer has no score.</response>
    /// <response code="404"><c>not_found</c>: no such visit of this patient.</response>
    /// <response code="409"><c>visit_not_fulfilled</c>: only a fulfilled visit can be rated.</response>
    public static async Task<Results<Ok<FeedbackDto>, Created<FeedbackDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Answer(
        FeedbackRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<VisitFeedback> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Score is < 0 or > 10)
            errors.Add("score", "Must be 0 to 10.");
        if (request.Reasons?.FirstOrDefault(r => !FeedbackReasons.All.Contains(r)) is { } unknown)
            errors.Add("reasons", $"Unknown reason \"{unknown}\"; known: {string.Join(", ", FeedbackReasons.All)}.");
        if (request.Comment?.Length > FeedbackReasons.MaxTextLength)
            errors.Add("comment", $"At most {FeedbackReasons.MaxTextLength} characters.");
        if (request.PublicReview?.Length > FeedbackReasons.MaxTextLength)
            errors.Add("public_review", $"At most {FeedbackReasons.MaxTextLength} characters.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var appointment = await FindOwnVisitAsync(db, options, request.TelegramId, request.AppointmentId, cancellationToken);
        if (appointment is null)
            return Errors.NotFound("No such visit for this patient.");
        if (appointment.Status != AppointmentStatus.Fulfilled)
            return Errors.Conflict(ErrorCodes.VisitNotFulfilled, "Only a fulfilled visit can be rated.");

        // Two presses at once both see "no answer yet"; the unique index lets one insert and the other retries as an update.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveAsync(request, appointment, db, clock, logger, cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<Ok<FeedbackDto>, Created<FeedbackDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> SaveAsync(
        FeedbackRequest request, Appointment appointment, ClinicDbContext db, TimeProvider clock, ILogger<VisitFeedback> logger,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.AppointmentId == appointment.Id, cancellationToken);
        var created = feedback is null;
        if (created && request.Score is null)
            return TypedResults.BadRequest(new ApiError(ErrorCodes.ScoreRequired, "The first answer about a visit needs a score.",
                new Dictionary<string, string[]> { ["score"] = ["Required."] }));

        feedback ??= new VisitFeedback
        {
            OrganizationId = appointment.OrganizationId, PatientId = appointment.PatientId, AppointmentId = appointment.Id, CreatedAtUtc = now,
        };
        if (request.Score is { } score)
        {
            feedback.Score = score;
            // A detractor waits for a call; a changed mind (now 7+) no longer does, unless the clinic already called.
            if (feedback.FollowedUpAtUtc is null)
                feedback.NeedsFollowUp = FeedbackReasons.GroupOf(score) == NpsGroup.Detractor;
        }
        if (request.Reasons is { } reasons)
            feedback.Reasons = string.Join(',', reasons.Distinct());
        if (request.Comment is { } comment)
            feedback.Comment = Blank(comment);
        if (request.PublicReview is { } review)
            feedback.PublicReview = Blank(review);
        feedback.UpdatedAtUtc = now;
        if (created)
            db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Feedback {FeedbackId} on appointment {AppointmentId} {Action}: score {Score}",
            feedback.Id, appointment.Id, created ? "created" : "updated", feedback.Score);
        var dto = feedback.AsDto();
        return created ? TypedResults.Created(FeedbackRoutes.Feedback, dto) : TypedResults.Ok(dto);
    }

    /// <summary>Find the visit a patient has yet to rate</summary>
    /// <remarks>The bot's "Leave feedback": the latest fulfilled visit of the patient without an answer, or <c>visit: null</c>.</remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<PendingFeedbackResponse>, BadRequest<ApiError>, NotFound<ApiError>>> Pending(
        [FromQuery(Name = "telegram_id")] long? telegramId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        if (telegramId is not > 0)
            return Errors.Validation("telegram_id", "Required: a positive Telegram user id.");
        var patientId = await PatientIdAsync(db, options, telegramId.Value, cancellationToken);
        if (patientId is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);

        var visit = await WithCatalog(db.Appointments)
            .Where(a => a.PatientId == patientId && a.Status == AppointmentStatus.Fulfilled && !db.Feedback.Any(f => f.AppointmentId == a.Id))
            .OrderByDescending(a => a.StartUtc)
            .FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new PendingFeedbackResponse(visit is null ? null : AsVisit(visit, null)));
    }

    /// <summary>Read a visit for its survey</summary>
    /// <remarks>
    /// The survey message the outbox sends names a visit: the bot reads it here, with its branch, service, doctor and the
    /// score already given (if any). Only the patient's own fulfilled visits.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such visit of this patient.</response>
    /// <response code="409"><c>visit_not_fulfilled</c>: only a fulfilled visit can be rated.</response>
    public static async Task<Results<Ok<FeedbackVisitDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Visit(
        long appointmentId, [FromQuery(Name = "telegram_id")] long? telegramId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        if (telegramId is not > 0)
            return Errors.Validation("telegram_id", "Required: a positive Telegram user id.");
        var appointment = await FindOwnVisitAsync(db, options, telegramId.Value, appointmentId, cancellationToken);
        if (appointment is null)
            return Errors.NotFound("No such visit for this patient.");
        if (appointment.Status != AppointmentStatus.Fulfilled)
            return Errors.Conflict(ErrorCodes.VisitNotFulfilled, "Only a fulfilled visit can be rated.");
        var score = await db.Feedback.Where(f => f.AppointmentId == appointmentId).Select(f => (int?)f.Score).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(AsVisit(appointment, score));
    }

    private static async Task<Appointment?> FindOwnVisitAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, long appointmentId,
        CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(db, options, telegramId, cancellationToken);
        return patientId is null
            ? null
            : await WithCatalog(db.Appointments).SingleOrDefaultAsync(a => a.Id == appointmentId && a.PatientId == patientId, cancellationToken);
    }

    private static Task<long?> PatientIdAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.OfTelegramUser(options.DefaultOrganizationId, telegramId)
            .Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<Appointment> WithCatalog(IQueryable<Appointment> appointments) =>
        appointments.Include(a => a.Branch).Include(a => a.Service).Include(a => a.Doctor);

    private static FeedbackVisitDto AsVisit(Appointment a, int? score) =>
        new(a.Id, Utc.ToOffset(a.StartUtc), a.Branch!.AsDto(), a.Service!.AsDto(), a.Doctor!.AsSummary(), score);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Clinic.Api.Data;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Support;

/// <summary>
/// Support through the bot: the patient's tickets (create, list, read, answer; another patient's ticket is a 404
/// like a missing one) and the FAQ in the patient's language, browsed or searched with a free-text question.
/// </summary>
public static class SupportApi
{
    public const int MaxTextLength = 2000;
    public const int MaxFileIdLength = 200;
    public const int MaxQuestionLength = 500;
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;
    /// <summary>Each round of tickets opened at the same moment gives one of them its number; the others try the next.</summary>
    private const int MaxNumberAttempts = 25;

    public static RouteGroupBuilder MapSupportApi(this RouteGroupBuilder group)
    {
        group.MapPost("/support/ticket/", CreateTicket).WithName("CreateSupportTicket").WithTags("Support");
        group.MapGet("/support/tickets/", GetMyTickets).WithName("GetMySupportTickets").WithTags("Support").ProducesErrors(400);
        group.MapGet("/support/tickets/{id:long}/", GetMyTicket).WithName("GetMySupportTicket").WithTags("Support").ProducesErrors(400);
        group.MapPost("/support/tickets/{id:long}/messages/", AddMessage).WithName("AddSupportTicketMessage").WithTags("Support");
        group.MapPut("/support/tickets/{id:long}/messages/{messageId:long}/attachment/", UploadAttachment)
            .WithName("UploadSupportTicketAttachment").WithTags("Support")
            .Accepts<byte[]>("application/octet-stream").ProducesErrors(413)
            .WithMetadata(new RequestSizeLimitAttribute(MaxAttachmentBytes));
        group.MapGet("/support/faq/", GetFaq).WithName("GetSupportFaq").WithTags("Support");
        group.MapGet("/support/faq/search/", SearchFaq).WithName("SearchSupportFaq").WithTags("Support");
        return group;
    }

    /// <summary>Open a support ticket</summary>
    /// <remarks>
    /// The bot's ticket wizard: opens a ticket on a topic with the patient's first message and optional attachment (201);
    /// the answer carries its number (<c>T-000123</c>) to tell the patient.
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Created<TicketDto>, BadRequest<ApiError>, NotFound<ApiError>>> CreateTicket(
        CreateTicketRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<SupportTicket> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.TelegramId <= 0) errors.Add("telegram_id", "Must be a positive Telegram user id.");
        if (!Enum.IsDefined(request.Topic)) errors.Add("topic", "Must be appointment, payment, documents or other.");
        var text = CheckMessage(request.Text, request.Attachment, errors);
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var patient = await FindPatientAsync(db, options, request.TelegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.SupportTickets.Where(t => t.OrganizationId == patient.OrganizationId)
                .MaxAsync(t => (int?)t.Sequence, cancellationToken) ?? 0;
            var ticket = new SupportTicket
            {
                OrganizationId = patient.OrganizationId, PatientId = patient.Id, Sequence = last + 1, Number = SupportTicket.FormatNumber(last + 1),
                Topic = request.Topic, Status = TicketStatus.Open, CreatedAtUtc = now, UpdatedAtUtc = now,
                Messages = [NewMessage(TicketAuthor.Patient, text, request.Attachment, now)],
            };
            db.SupportTickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Support ticket {Number} ({Topic}) opened by patient {PatientId}", ticket.Number, ticket.Topic, patient.Id);
                return TypedResults.Created(SupportRoutes.Ticket(ticket.Id), ticket.AsDto());
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < MaxNumberAttempts)
            {
                // Another ticket took this number at the same moment: take the next one, after a short random pause so
                // tickets racing together do not collide again in lockstep. The pause is real time, not the app's clock: it
                // only spreads racing writers apart, and a test's clock that stands still would hold the request forever.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), TimeProvider.System, cancellationToken);
            }
        }
    }

    /// <summary>List a patient's support tickets</summary>
    /// <remarks>The bot's "My tickets": the patient's tickets with their status, most recently updated first.</remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<TicketListResponse>, NotFound<ApiError>>> GetMyTickets(
        [FromQuery(Name = "telegram_id")] long telegramId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var patient = await FindPatientAsync(db, options, telegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        var tickets = await Summaries(db.SupportTickets.Where(t => t.PatientId == patient.Id), take: 100, cancellationToken);
        return TypedResults.Ok(new TicketListResponse(tickets));
    }

    /// <summary>Read one of a patient's support tickets</summary>
    /// <remarks>The ticket with its whole thread of messages; another patient's ticket is a 404 like a missing one.</remarks>
    /// <response code="404"><c>not_found</c>: no such ticket of this patient.</response>
    public static async Task<Results<Ok<TicketDto>, NotFound<ApiError>>> GetMyTicket(
        long id, [FromQuery(Name = "telegram_id")] long telegramId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var ticket = await OwnTicket(db, options, id, telegramId).AsNoTracking().Include(t => t.Messages).SingleOrDefaultAsync(cancellationToken);
        return ticket is null ? Errors.NotFound("No such ticket.") : TypedResults.Ok(ticket.AsDto());
    }

    /// <summary>Add a patient's message to their ticket</summary>
    /// <remarks>The patient answers in their ticket (201), with an optional attachment; the ticket waits for the clinic again.</remarks>
    /// <response code="404"><c>not_found</c>: no such ticket of this patient.</response>
    /// <response code="409"><c>ticket_closed</c>: the ticket is closed; open a new one.</response>
    public static async Task<Results<Created<TicketMessageDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> AddMessage(
        long id, AddTicketMessageRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<SupportTicket> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.TelegramId <= 0) errors.Add("telegram_id", "Must be a positive Telegram user id.");
        var text = CheckMessage(request.Text, request.Attachment, errors);
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var ticket = await OwnTicket(db, options, id, request.TelegramId).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
            return Errors.NotFound("No such ticket.");
        if (ticket.Status == TicketStatus.Closed)
            return Errors.Conflict(ErrorCodes.TicketClosed, "The ticket is closed; open a new one.");
        var now = clock.GetUtcNow().UtcDateTime;
        var message = NewMessage(TicketAuthor.Patient, text, request.Attachment, now);
        message.TicketId = ticket.Id;
        db.SupportTicketMessages.Add(message);
        ticket.Status = TicketStatus.Open;
        ticket.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Patient answered in support ticket {Number}", ticket.Number);
        return TypedResults.Created(SupportRoutes.Ticket(ticket.Id), message.AsDto());
    }

    /// <summary>Store the file attached to a ticket message</summary>
    /// <remarks>
    /// The bot uploads its copy of a message's photo or file (the raw bytes as the body), so staff can open it without
    /// Telegram. PDF, JPEG or PNG by content, at most 20 MB (Telegram's own download limit for bots); stored once.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c> (no bytes) or <c>unsupported_file_type</c>.</response>
    /// <response code="404"><c>not_found</c>: no such message with an attachment in this patient's ticket.</response>
    /// <response code="413"><c>file_too_large</c>: the file is over 20 MB.</response>
    public static async Task<Results<Ok<TicketMessageDto>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> UploadAttachment(
        long id, long messageId, [FromQuery(Name = "telegram_id")] long telegramId, HttpRequest request, ClinicDbContext db,
        IDocumentStorage storage, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxAttachmentBytes)
            return TooLarge();
        byte[] content;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        if (content.Length == 0)
            return Errors.Validation("body", "The file's bytes are required.");
        if (FileSignatures.Detect(content) is not { } type)
            return TypedResults.BadRequest(new ApiError(ErrorCodes.UnsupportedFileType, "Only PDF, JPEG and PNG files are kept (checked by content)."));

        var message = await db.SupportTicketMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.TicketId == id &&
            m.Author == TicketAuthor.Patient && m.AttachmentFileId != null &&
            OwnTicket(db, options, id, telegramId).Any(), cancellationToken);
        if (message is null)
            return Errors.NotFound("No such message with an attachment.");
        // A retried upload finds the copy already there.
        if (message.AttachmentStorageKey is not null)
            return TypedResults.Ok(message.AsDto());
        var key = $"support/{id}/{messageId}{type.Extension}";
        await storage.SaveAsync(key, content, cancellationToken);
        message.AttachmentStorageKey = key;
        message.AttachmentSize = content.Length;
        message.AttachmentContentType = type.ContentType;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(message.AsDto());
    }

    /// <summary>List the FAQ</summary>
    /// <remarks>The bot's FAQ menu: the questions and answers in <c>lang</c> (ru, kk or en; Russian when absent).</remarks>
    /// <response code="400"><c>validation_failed</c>: <c>lang</c> is not ru, kk or en.</response>
    public static async Task<Results<Ok<FaqResponse>, BadRequest<ApiError>>> GetFaq(
        [FromQuery(Name = "lang")] string? lang, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        if (!TryParseLanguage(lang, out var language))
            return Errors.Validation("lang", "Must be ru, kk or en.");
        var categories = await LoadFaqAsync(db, options, cancellationToken);
        return TypedResults.Ok(new FaqResponse(language, categories.Select(c => c.AsDto(language)).ToList()));
    }

    /// <summary>Search the FAQ with a free-text question</summary>
    /// <remarks>
    /// Before opening a ticket the bot offers the answers that match what the patient wrote: the FAQ entries matching
    /// <c>q</c> in <c>lang</c>, best first.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: no question, or <c>lang</c> is not ru, kk or en.</response>
    public static async Task<Results<Ok<FaqSearchResponse>, BadRequest<ApiError>>> SearchFaq(
        [FromQuery(Name = "q")] string? q, [FromQuery(Name = "lang")] string? lang, ClinicDbContext db, ClinicApiOptions options,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!TryParseLanguage(lang, out var language)) errors.Add("lang", "Must be ru, kk or en.");
        var question = q?.Trim();
        if (question is null || question.Length is 0 or > MaxQuestionLength) errors.Add("q", $"Required, at most {MaxQuestionLength} characters.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());
        var categories = await LoadFaqAsync(db, options, cancellationToken);
        var matches = FaqMatcher.Match(question!, categories, language);
        return TypedResults.Ok(new FaqSearchResponse(language, matches.Select(m => new FaqMatchDto(m.Entry.AsDto(language), m.Score)).ToList()));
    }

    /// <summary>Trims and checks a message's text and attachment; returns the trimmed text.</summary>
    internal static string CheckMessage(string? text, TicketAttachmentDto? attachment, FieldErrors errors)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxTextLength)
            errors.Add("text", $"Required, at most {MaxTextLength} characters.");
        if (attachment is not null)
        {
            if (!Enum.IsDefined(attachment.Kind)) errors.Add("attachment.kind", "Must be photo or document.");
            if (string.IsNullOrWhiteSpace(attachment.TelegramFileId) || attachment.TelegramFileId.Length > MaxFileIdLength)
                errors.Add("attachment.telegram_file_id", $"Required, at most {MaxFileIdLength} characters.");
            if (attachment.FileName is { Length: > 255 }) errors.Add("attachment.file_name", "At most 255 characters.");
            if (attachment.ContentType is { Length: > 100 }) errors.Add("attachment.content_type", "At most 100 characters.");
        }
        return trimmed;
    }

    internal static SupportTicketMessage NewMessage(TicketAuthor author, string text, TicketAttachmentDto? attachment, DateTime now) => new()
    {
        Author = author, Text = text, CreatedAtUtc = now,
        AttachmentKind = attachment?.Kind, AttachmentFileId = attachment?.TelegramFileId?.Trim(),
        AttachmentFileName = attachment?.FileName, AttachmentContentType = attachment?.ContentType,
    };

    internal static async Task<List<TicketSummaryDto>> Summaries(IQueryable<SupportTicket> tickets, int take, CancellationToken cancellationToken)
    {
        var rows = await tickets.AsNoTracking().OrderByDescending(t => t.UpdatedAtUtc).ThenByDescending(t => t.Id).Take(take)
            .Select(t => new
            {
                Ticket = t,
                First = t.Messages.OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Select(m => m.Text).FirstOrDefault(),
                Count = t.Messages.Count,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TicketSummaryDto(r.Ticket.Id, r.Ticket.Number, r.Ticket.Topic, r.Ticket.Status, r.Ticket.PatientId,
            Subject(r.First ?? ""), r.Count, Utc.ToOffset(r.Ticket.CreatedAtUtc), Utc.ToOffset(r.Ticket.UpdatedAtUtc))).ToList();
    }

    private static string Subject(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..59].TrimEnd() + "…";
    }

    private static JsonHttpResult<ApiError> TooLarge() =>
        TypedResults.Json(new ApiError(ErrorCodes.FileTooLarge, $"The file is larger than {MaxAttachmentBytes / 1024 / 1024} MB."),
            statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IQueryable<SupportTicket> OwnTicket(ClinicDbContext db, ClinicApiOptions options, long id, long telegramId)
    {
        var owner = db.Patients.OfTelegramUser(options.DefaultOrganizationId, telegramId);
        return db.SupportTickets.Where(t => t.Id == id && t.OrganizationId == options.DefaultOrganizationId && owner.Any(p => p.Id == t.PatientId));
    }

    private static Task<List<FaqCategory>> LoadFaqAsync(ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken) =>
        db.FaqCategories.AsNoTracking().Include(c => c.Entries).Where(c => c.OrganizationId == options.DefaultOrganizationId)
            .OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    private static bool TryParseLanguage(string? value, out Language language)
    {
        language = Language.Ru;
        return string.IsNullOrEmpty(value) ||
               (value.Length == 2 && char.IsLetter(value[0]) && Enum.TryParse(value, ignoreCase: true, out language) && Enum.IsDefined(language));
    }

    private static Task<Patient?> FindPatientAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().OfTelegramUser(options.DefaultOrganizationId, telegramId).SingleOrDefaultAsync(cancellationToken);
}

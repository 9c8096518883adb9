using Clinic.Api.Data;
using Clinic.Api.Features.Documents;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Support;

/// <summary>
/// Staff side of support (<c>/api/admin/</c>): the ticket queue, a ticket's thread, replying and closing. A reply is
/// saved together with an outbox row of kind <c>ticket_reply</c>, so the bot delivers it to the patient exactly when
/// the reply exists.
/// </summary>
public static class StaffSupportApi
{
    public static RouteGroupBuilder MapStaffSupportApi(this RouteGroupBuilder group)
    {
        group.MapGet("/support/tickets", List).WithName("StaffListSupportTickets").WithTags("Staff");
        group.MapGet("/support/tickets/{id:long}", Get).WithName("StaffGetSupportTicket").WithTags("Staff");
        group.MapPost("/support/tickets/{id:long}/reply", Reply).WithName("StaffReplySupportTicket").WithTags("Staff");
        group.MapGet("/support/tickets/{id:long}/messages/{messageId:long}/attachment", DownloadAttachment)
            .WithName("StaffDownloadSupportAttachment").WithTags("Staff").Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        group.MapPost("/support/tickets/{id:long}/close", Close).WithName("StaffCloseSupportTicket").WithTags("Staff");
        return group;
    }

    /// <summary>List support tickets</summary>
    /// <remarks>Staff's ticket queue, most recently updated first (at most 500); <c>status</c> (open, answered, closed) narrows it.</remarks>
    /// <response code="400"><c>validation_failed</c>: <c>status</c> is not open, answered or closed.</response>
    public static async Task<Results<Ok<TicketListResponse>, BadRequest<ApiError>>> List(
        [FromQuery(Name = "status")] string? status, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var tickets = db.SupportTickets.Where(t => t.OrganizationId == options.DefaultOrganizationId);
        if (!string.IsNullOrEmpty(status))
        {
            if (char.IsDigit(status[0]) || !Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Errors.Validation("status", "Must be open, answered or closed.");
            tickets = tickets.Where(t => t.Status == parsed);
        }
        return TypedResults.Ok(new TicketListResponse(await SupportApi.Summaries(tickets, take: 500, cancellationToken)));
    }

    /// <summary>Read a support ticket</summary>
    /// <remarks>Staff read any ticket of the clinic with its whole thread of messages.</remarks>
    /// <response code="404"><c>not_found</c>: no such ticket.</response>
    public static async Task<Results<Ok<TicketDto>, NotFound<ApiError>>> Get(
        long id, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var ticket = await db.SupportTickets.AsNoTracking().Include(t => t.Messages)
            .SingleOrDefaultAsync(t => t.Id == id && t.OrganizationId == options.DefaultOrganizationId, cancellationToken);
        return ticket is null ? Errors.NotFound("No such ticket.") : TypedResults.Ok(ticket.AsDto());
    }

    /// <summary>Reply to a support ticket</summary>
    /// <remarks>Staff add the clinic's answer (201); it is saved together with its outbox message, so the bot delivers it to the patient.</remarks>
    /// <response code="404"><c>not_found</c>: no such ticket.</response>
    /// <response code="409"><c>ticket_closed</c>: the ticket is closed.</response>
    public static async Task<Results<Created<TicketMessageDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Reply(
        long id, StaffTicketReplyRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<SupportTicket> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = SupportApi.CheckMessage(request.Text, attachment: null, errors);
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());
        var ticket = await db.SupportTickets.SingleOrDefaultAsync(t => t.Id == id && t.OrganizationId == options.DefaultOrganizationId, cancellationToken);
        if (ticket is null)
            return Errors.NotFound("No such ticket.");
        if (ticket.Status == TicketStatus.Closed)
            return Errors.Conflict(ErrorCodes.TicketClosed, "The ticket is closed.");

        var now = clock.GetUtcNow();
        var message = SupportApi.NewMessage(TicketAuthor.Staff, text, attachment: null, now.UtcDateTime);
        message.TicketId = ticket.Id;
        ticket.Status = TicketStatus.Answered;
        ticket.UpdatedAtUtc = now.UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SupportTicketMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        // The payload needs the message id, so the outbox row follows inside the same transaction.
        Outbox.Outbox.Enqueue(db, ticket.OrganizationId, ticket.PatientId, OutboxKinds.TicketReply,
            new TicketReplyPayload(ticket.Id, message.Id), due: now, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Staff replied in support ticket {Number}", ticket.Number);
        return TypedResults.Created(SupportRoutes.StaffTicket(ticket.Id), message.AsDto());
    }

    /// <summary>Download a ticket message's attachment</summary>
    /// <remarks>Staff open the stored copy of a message's photo or file, with its content type and file name.</remarks>
    /// <response code="404"><c>not_found</c>: the bot has not uploaded a copy (the Telegram file id is in the thread).</response>
    public static async Task<Results<FileStreamHttpResult, NotFound<ApiError>>> DownloadAttachment(
        long id, long messageId, ClinicDbContext db, IDocumentStorage storage, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var message = await db.SupportTicketMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId && m.TicketId == id &&
            db.SupportTickets.Any(t => t.Id == id && t.OrganizationId == options.DefaultOrganizationId), cancellationToken);
        if (message?.AttachmentStorageKey is not { } key || await storage.OpenReadAsync(key, cancellationToken) is not { } stream)
            return Errors.NotFound("No stored attachment for this message.");
        var name = message.AttachmentFileName ?? $"{message.AttachmentKind?.ToString().ToLowerInvariant()}-{message.Id}{FileSignatures.ExtensionOf(message.AttachmentContentType ?? "")}";
        return TypedResults.File(stream, message.AttachmentContentType ?? "application/octet-stream", name);
    }

    /// <summary>Close a support ticket</summary>
    /// <remarks>Staff close the ticket; the patient can no longer answer in it. Closing a closed ticket again is harmless.</remarks>
    /// <response code="404"><c>not_found</c>: no such ticket.</response>
    public static async Task<Results<Ok<TicketDto>, NotFound<ApiError>>> Close(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ticket = await db.SupportTickets.Include(t => t.Messages)
            .SingleOrDefaultAsync(t => t.Id == id && t.OrganizationId == options.DefaultOrganizationId, cancellationToken);
        if (ticket is null)
            return Errors.NotFound("No such ticket.");
        if (ticket.Status != TicketStatus.Closed)
        {
            ticket.Status = TicketStatus.Closed;
            ticket.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(ticket.AsDto());
    }
}

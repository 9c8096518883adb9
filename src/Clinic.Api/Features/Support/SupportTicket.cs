using Clinic.Api.Features.Patients;
using Clinic.Contracts;

namespace Clinic.Api.Features.Support;

/// <summary>
/// A patient's support request and its conversation with the clinic. <see cref="Sequence"/> counts tickets per
/// organization, so the number the patient is told ("T-000123") is short and never repeats within the clinic.
/// </summary>
public sealed class SupportTicket
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public TicketTopic Topic { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<SupportTicketMessage> Messages { get; set; } = [];

    public static string FormatNumber(int sequence) => $"T-{sequence:D6}";

    public TicketDto AsDto() => new(Id, Number, Topic, Status, PatientId, Utc.ToOffset(CreatedAtUtc), Utc.ToOffset(UpdatedAtUtc),
        Messages.OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Select(m => m.AsDto()).ToList());
}

/// <summary>One message of a ticket's thread, from the patient or from staff, with an optional photo or file.</summary>
public sealed class SupportTicketMessage
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public TicketAuthor Author { get; set; }
    public required string Text { get; set; }
    public TicketAttachmentKind? AttachmentKind { get; set; }
    public string? AttachmentFileId { get; set; }
    public string? AttachmentFileName { get; set; }
    public string? AttachmentContentType { get; set; }
    /// <summary>Where the uploaded copy of the attachment lives in the document storage; null until the bot uploads it.</summary>
    public string? AttachmentStorageKey { get; set; }
    public long? AttachmentSize { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public TicketMessageDto AsDto() => new(Id, Author, Text,
        AttachmentKind is { } kind && AttachmentFileId is { } fileId ? new TicketAttachmentDto(kind, fileId, AttachmentFileName, AttachmentContentType, AttachmentStorageKey is null ? null : AttachmentSize) : null,
        Utc.ToOffset(CreatedAtUtc));
}

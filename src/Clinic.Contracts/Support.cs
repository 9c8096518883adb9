namespace Clinic.Contracts;

/// <summary>What a support ticket is about; the patient picks it first.</summary>
public enum TicketTopic { Appointment, Payment, Documents, Other }

/// <summary>Open: waiting for the clinic. Answered: the clinic replied, waiting for the patient. Closed: done.</summary>
public enum TicketStatus { Open, Answered, Closed }

public enum TicketAuthor { Patient, Staff }

/// <summary>What a patient attached in Telegram: a photo or a file, kept as Telegram's <c>file_id</c>.</summary>
public enum TicketAttachmentKind { Photo, Document }

/// <summary>
/// A photo or file sent with a ticket message, as Telegram's <see cref="TelegramFileId"/>. When the bot also uploaded
/// a copy (PDF, JPEG or PNG), <see cref="StoredSize"/> is its size and staff download it from the API; otherwise
/// the bytes are fetched from Telegram with the bot's token. <see cref="StoredSize"/> is ignored on requests.
/// </summary>
public sealed record TicketAttachmentDto(
    TicketAttachmentKind Kind,
    string TelegramFileId,
    string? FileName = null,
    string? ContentType = null,
    long? StoredSize = null);

public sealed record TicketMessageDto(
    long Id,
    TicketAuthor Author,
    string Text,
    TicketAttachmentDto? Attachment,
    DateTimeOffset CreatedAt);

/// <summary>A ticket with its whole thread, oldest message first. <see cref="Number"/> is what the patient is told ("T-000123").</summary>
public sealed record TicketDto(
    long Id,
    string Number,
    TicketTopic Topic,
    TicketStatus Status,
    long PatientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TicketMessageDto> Messages);

/// <summary>One line of a ticket list: <see cref="Subject"/> is the start of the first message.</summary>
public sealed record TicketSummaryDto(
    long Id,
    string Number,
    TicketTopic Topic,
    TicketStatus Status,
    long PatientId,
    string Subject,
    int MessageCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Tickets, most recently updated first.</summary>
public sealed record TicketListResponse(IReadOnlyList<TicketSummaryDto> Items);

/// <summary>The ticket wizard's result: topic, description and an optional photo or file.</summary>
public sealed record CreateTicketRequest(
    long TelegramId,
    TicketTopic Topic,
    string Text,
    TicketAttachmentDto? Attachment = null);

/// <summary>The patient answers in their own ticket.</summary>
public sealed record AddTicketMessageRequest(
    long TelegramId,
    string Text,
    TicketAttachmentDto? Attachment = null);

/// <summary>A staff reply; it reaches the patient in Telegram through the outbox (<c>ticket_reply</c>).</summary>
public sealed record StaffTicketReplyRequest(string Text);

/// <summary>The payload of an outbox row of kind <c>ticket_reply</c>.</summary>
public sealed record TicketReplyPayload(long TicketId, long MessageId);

public sealed record FaqEntryDto(long Id, long CategoryId, string Question, string Answer);

public sealed record FaqCategoryDto(long Id, string Title, IReadOnlyList<FaqEntryDto> Entries);

/// <summary>The clinic's FAQ in one language, categories and entries in display order.</summary>
public sealed record FaqResponse(Language Language, IReadOnlyList<FaqCategoryDto> Categories);

/// <summary>An entry that matches a free-text question, with its score (higher is better).</summary>
public sealed record FaqMatchDto(FaqEntryDto Entry, double Score);

/// <summary>FAQ entries matching a question, best first; empty when nothing matches well enough.</summary>
public sealed record FaqSearchResponse(Language Language, IReadOnlyList<FaqMatchDto> Items);

/// <summary>Routes of the support feature.</summary>
public static class SupportRoutes
{
    public const string CreateTicket = "/api/bot/support/ticket/";
    public const string Faq = "/api/bot/support/faq/";
    public const string FaqSearch = "/api/bot/support/faq/search/";
    public const string Tickets = "/api/bot/support/tickets/";
    public static string Ticket(long id) => $"/api/bot/support/tickets/{id}/";
    public static string TicketMessages(long id) => $"/api/bot/support/tickets/{id}/messages/";
    public static string TicketAttachment(long id, long messageId) => $"/api/bot/support/tickets/{id}/messages/{messageId}/attachment/";

    public const string StaffTickets = "/api/admin/support/tickets";
    public static string StaffTicket(long id) => $"/api/admin/support/tickets/{id}";
    public static string StaffReply(long id) => $"/api/admin/support/tickets/{id}/reply";
    public static string StaffClose(long id) => $"/api/admin/support/tickets/{id}/close";
    public static string StaffAttachment(long id, long messageId) => $"/api/admin/support/tickets/{id}/messages/{messageId}/attachment";
}

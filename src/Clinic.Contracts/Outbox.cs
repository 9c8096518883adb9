using System.Text.Json;

namespace Clinic.Contracts;

/// <summary>Lifecycle of one message the clinic sends to a patient.</summary>
public enum OutboxStatus { Pending, Claimed, Sent, Failed, Blocked, Cancelled }

/// <summary>
/// What an outbox row is. The API writes the kind and a payload of plain facts (ids, times, amounts);
/// the bot renders the message in the patient's language at send time, one renderer per kind.
/// </summary>
public static class OutboxKinds
{
    public const string Reminder = "reminder";
    public const string NpsSurvey = "nps_survey";
    public const string PaymentReceipt = "payment_receipt";
    public const string TicketReply = "ticket_reply";
    public const string Broadcast = "broadcast";
}

/// <summary>One message handed to the bot to send: who to, in which language, and the facts to render.</summary>
public sealed record OutboxItemDto(
    long Id,
    string Kind,
    long PatientId,
    long TelegramId,
    Language Language,
    JsonElement Payload,
    int Attempts,
    DateTimeOffset DueAt,
    DateTimeOffset LeaseUntil);

using Clinic.Api.Features.Patients;
using Clinic.Contracts;

namespace Clinic.Api.Features.Outbox;

/// <summary>
/// A message the clinic will send a patient in Telegram, written in the same transaction as the change that causes it
/// (a booking plans its reminders, a paid invoice its receipt), so a change and its message are never half-done.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    /// <summary>One of <see cref="OutboxKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>JSON facts for the bot's renderer of <see cref="Kind"/>.</summary>
    public required string Payload { get; set; }
    public DateTime DueAtUtc { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    /// <summary>The claim that holds (or last held) the row; a result must name it.</summary>
    public Guid? LeaseId { get; set; }
    public long? TelegramMessageId { get; set; }
    public string? Error { get; set; }
    /// <summary>The visit this message is about (reminders, surveys): re-planned or cancelled with it.</summary>
    public long? AppointmentId { get; set; }
    /// <summary>The broadcast this message belongs to; its statistics are counted from these rows.</summary>
    public long? BroadcastId { get; set; }
    /// <summary>A broadcast row's own link token (<c>/b/{ClickToken}</c>), so a click is counted once per recipient.</summary>
    public string? ClickToken { get; set; }
    /// <summary>When this recipient first opened the broadcast's link.</summary>
    public DateTime? ClickedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

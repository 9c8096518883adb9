using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Documents;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Patients;

/// <summary>
/// Deleting an account: everything of the person is erased in one transaction, then their files are removed and, on
/// SQLite, the write-ahead log is emptied so the erased bytes are gone from disk too. What stays, and why, is listed
/// in docs/privacy.md: the visit history and the document and payment registries, with nothing that names the person.
/// </summary>
public sealed class AccountErasure(ClinicDbContext db, IDocumentStorage storage, TimeProvider clock, ILogger<AccountErasure> logger)
{
    /// <summary>What replaces an erased text that must stay non-empty (a ticket message, a document's title).</summary>
    public const string ErasedMarker = "[erased]";

    /// <summary>The cancel reason of future visits cancelled because their patient deleted the account.</summary>
    public const string AccountDeletedReason = "account_deleted";

    public sealed record Outcome(int CancelledAppointments, int CancelledMessages);

    public async Task<Outcome> EraseAsync(Patient patient, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> files;
        int appointments, messages;
        await using (var transaction = await BookingTransaction.BeginAsync(db, cancellationToken))
        {
            appointments = await CancelFutureVisitsAsync(patient.Id, now, cancellationToken);
            messages = await WithdrawMessagesAsync(patient.Id, now, cancellationToken);
            files = await EraseDocumentsAsync(patient.Id, cancellationToken);
            files.AddRange(await EraseTicketsAsync(patient.Id, now, cancellationToken));
            await db.Feedback.Where(f => f.PatientId == patient.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Invoices.Where(i => i.PatientId == patient.Id && i.RefundReason != null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RefundReason, ErasedMarker), cancellationToken);
            // Booking retries remember the whole answer under the real Telegram id.
            await db.IdempotencyRecords.Where(r => r.OrganizationId == patient.OrganizationId && r.TelegramId == patient.TelegramId)
                .ExecuteDeleteAsync(cancellationToken);
            EraseProfile(patient, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await RemoveFilesAsync(files);
        await SqliteWal.TruncateAsync(db, logger);
        return new Outcome(appointments, messages);
    }

    /// <summary>Future visits are cancelled; the patient's own words on earlier cancellations are dropped.</summary>
    private async Task<int> CancelFutureVisitsAsync(long patientId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Appointments.Where(a => a.PatientId == patientId && a.CancelledBy == CancelledBy.Patient && a.CancelReason != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CancelReason, (string?)null), cancellationToken);
        var future = await db.Appointments
            .Where(a => a.PatientId == patientId && Appointment.ActiveStatuses.Contains(a.Status) && a.StartUtc > now)
            .ToListAsync(cancellationToken);
        foreach (var appointment in future)
            appointment.Cancel(CancelledBy.Patient, AccountDeletedReason, now);
        return future.Count;
    }

    /// <summary>Nothing more is sent; every message's facts, sent or not, are emptied (the rows stay for broadcast counts).</summary>
    private async Task<int> WithdrawMessagesAsync(long patientId, DateTime now, CancellationToken cancellationToken)
    {
        var mine = db.OutboxMessages.Where(m => m.PatientId == patientId);
        var cancelled = await mine
            .Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Claimed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Cancelled)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.UpdatedAtUtc, now), cancellationToken);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Payload, "{}")
            .SetProperty(m => m.Error, (string?)null)
            .SetProperty(m => m.TelegramMessageId, (long?)null), cancellationToken);
        return cancelled;
    }

    /// <summary>Documents stay in the registry (number, kind, issue date, visit) so an issued paper can still be verified; their files go.</summary>
    private async Task<List<string>> EraseDocumentsAsync(long patientId, CancellationToken cancellationToken)
    {
        var documents = db.Documents.Where(d => d.PatientId == patientId);
        var files = await documents.Where(d => d.StorageKey != "").Select(d => d.StorageKey).ToListAsync(cancellationToken);
        await documents.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Title, ErasedMarker)
            .SetProperty(d => d.StorageKey, "")
            .SetProperty(d => d.Size, 0L), cancellationToken);
        return files;
    }

    /// <summary>Tickets keep their numbers (staff may have quoted them) and are closed; every message and attachment is erased.</summary>
    private async Task<List<string>> EraseTicketsAsync(long patientId, DateTime now, CancellationToken cancellationToken)
    {
        var tickets = db.SupportTickets.Where(t => t.PatientId == patientId);
        var messages = db.SupportTicketMessages.Where(m => tickets.Any(t => t.Id == m.TicketId));
        var files = await messages.Where(m => m.AttachmentStorageKey != null).Select(m => m.AttachmentStorageKey!).ToListAsync(cancellationToken);
        await messages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Text, ErasedMarker)
            .SetProperty(m => m.AttachmentKind, (TicketAttachmentKind?)null)
            .SetProperty(m => m.AttachmentFileId, (string?)null)
            .SetProperty(m => m.AttachmentFileName, (string?)null)
            .SetProperty(m => m.AttachmentContentType, (string?)null)
            .SetProperty(m => m.AttachmentStorageKey, (string?)null)
            .SetProperty(m => m.AttachmentSize, (long?)null), cancellationToken);
        await tickets.Where(t => t.Status != TicketStatus.Closed).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, TicketStatus.Closed)
            .SetProperty(t => t.UpdatedAtUtc, now), cancellationToken);
        return files;
    }

    /// <summary>The Telegram id column is unique and required: a negative placeholder (never a real user id) frees the real one.</summary>
    private static void EraseProfile(Patient patient, DateTime now)
    {
        patient.TelegramId = -patient.Id;
        patient.FullName = null;
        patient.Phone = null;
        patient.Iin = null;
        patient.BirthDate = null;
        patient.Sex = null;
        patient.ConsentVersion = null;
        patient.ConsentAtUtc = null;
        patient.RemindersEnabled = false;
        patient.NewsOptIn = false;
        patient.DeletedAtUtc = now;
        patient.UpdatedAtUtc = now;
    }

    /// <summary>After the commit, so a rolled-back erasure loses no file. A file already gone is fine; one that cannot be removed is logged for the operator.</summary>
    private async Task RemoveFilesAsync(List<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                logger.LogError(e, "The erased account's file {StorageKey} could not be removed; remove it by hand", key);
            }
        }
    }
}

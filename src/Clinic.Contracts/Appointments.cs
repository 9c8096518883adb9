namespace Clinic.Contracts;

/// <summary>
/// Books <see cref="Start"/> (a UTC instant from a slot). Without <see cref="DoctorId"/> the API picks a free doctor.
/// With <see cref="Hold"/> the appointment is created <c>pending</c> for a few minutes and must be confirmed.
/// Send an <c>Idempotency-Key</c> header to make retries safe.
/// </summary>
public sealed record CreateAppointmentRequest(
    long TelegramId,
    long BranchId,
    long ServiceId,
    long? DoctorId,
    DateTimeOffset Start,
    bool Hold = false);

public sealed record ConfirmAppointmentRequest(long TelegramId);

/// <summary>Moves the appointment to a new start (same doctor, service and branch).</summary>
public sealed record RescheduleAppointmentRequest(long TelegramId, DateTimeOffset Start);

public sealed record CancelAppointmentRequest(long TelegramId, string? Reason = null);

public sealed record AppointmentDto(
    long Id,
    AppointmentStatus Status,
    DateTimeOffset Start,
    DateTimeOffset End,
    BranchDto Branch,
    ServiceDto Service,
    DoctorSummaryDto Doctor,
    DateTimeOffset? HoldExpiresAt,
    string? CancelReason,
    CancelledBy? CancelledBy,
    long? RescheduledFromId,
    bool CanChange,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ChangeUntil = null);

public sealed record DoctorSummaryDto(long Id, string FullName, string SpecialtyRu, string SpecialtyKk, string? SpecialtyEn = null);

public sealed record AppointmentListResponse(IReadOnlyList<AppointmentDto> Items);

/// <summary>Staff: what happened to the visit (<c>arrived</c>, <c>fulfilled</c> or <c>noshow</c>).</summary>
public sealed record StaffSetStatusRequest(AppointmentStatus Status);

namespace Clinic.Contracts;

/// <summary>
/// <c>GET /api/bot/slots/?branch_id=&amp;service_id=&amp;doctor_id=&amp;date=</c> (one day, with its slots) or
/// <c>&amp;from=&amp;to=</c> (a range: only the days that have free slots, with their count, for a calendar).
/// Without <c>doctor_id</c> the slots of every doctor who offers the service at the branch are merged ("any doctor").
/// </summary>
public sealed record SlotSearchResponse(
    long BranchId,
    long ServiceId,
    long? DoctorId,
    string TimeZone,
    IReadOnlyList<SlotDay> Days);

/// <param name="Date">The local date in the branch's time zone.</param>
/// <param name="FreeSlots">How many distinct start times are free that day.</param>
/// <param name="Slots">The slots themselves; only in single-day answers.</param>
public sealed record SlotDay(DateOnly Date, int FreeSlots, IReadOnlyList<SlotDto>? Slots = null);

/// <param name="Start">UTC instant.</param>
/// <param name="LocalTime">Start in the branch's time zone, "HH:mm".</param>
/// <param name="DoctorIds">The doctors free at this time (one when a doctor was asked for).</param>
public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, string LocalTime, IReadOnlyList<long> DoctorIds);

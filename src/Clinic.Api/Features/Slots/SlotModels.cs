namespace Clinic.Api.Features.Slots;

/// <summary>A span of local wall-clock time within one day; empty unless <paramref name="End"/> is after <paramref name="Start"/>.</summary>
public sealed record TimeRange(TimeOnly Start, TimeOnly End);

/// <summary>One shift on a weekday. Several entries for the same day are split shifts.</summary>
public sealed record WeeklyPlanDay(DayOfWeek Day, TimeRange Hours, IReadOnlyList<TimeRange> Breaks);

/// <summary>
/// Replaces the weekly plan on one date: <paramref name="Hours"/> null is a day off.
/// Several exceptions for one date are split shifts; a day off among them wins.
/// </summary>
public sealed record ScheduleException(DateOnly Date, TimeRange? Hours, IReadOnlyList<TimeRange> Breaks);

/// <summary>An active appointment, already widened by its own service's buffers. Half-open: [Start, End).</summary>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End);

public sealed record DoctorAvailability(
    long DoctorId,
    IReadOnlyList<WeeklyPlanDay> Weekly,
    IReadOnlyList<ScheduleException> Exceptions,
    IReadOnlyList<BusyInterval> Busy);

/// <param name="Zone">The branch's time zone: plans, exceptions, dates and the horizon are read in it.</param>
/// <param name="From">First local date to search (inclusive).</param>
/// <param name="To">Last local date to search (inclusive).</param>
/// <param name="BufferBeforeMinutes">Free time the service needs before the visit, kept clear of other appointments.</param>
/// <param name="BufferAfterMinutes">Free time the service needs after the visit, kept clear of other appointments.</param>
/// <param name="MinimumNotice">Slots starting earlier than <paramref name="Now"/> plus this are not offered.</param>
/// <param name="HorizonDays">Local dates later than today (in the zone) plus this many days are not offered.</param>
/// <param name="GridMinutes">Step between start times, counted from the start of each shift.</param>
public sealed record SlotQuery(
    TimeZoneInfo Zone,
    DateOnly From,
    DateOnly To,
    int DurationMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    DateTimeOffset Now,
    TimeSpan MinimumNotice,
    int HorizonDays,
    int GridMinutes);

/// <param name="Start">UTC instant.</param>
/// <param name="End">UTC instant: <paramref name="Start"/> plus the service's duration.</param>
/// <param name="LocalDate">The date in the query's zone.</param>
/// <param name="LocalTime">The start's wall-clock time in the query's zone.</param>
public sealed record FreeSlot(long DoctorId, DateTimeOffset Start, DateTimeOffset End, DateOnly LocalDate, TimeOnly LocalTime);

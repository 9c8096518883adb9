namespace Clinic.Api.Features.Slots;

/// <summary>One weekday of a doctor's working plan at one branch.</summary>
public sealed class WeeklyPlanEntry
{
    public long Id { get; set; }
    public long DoctorId { get; set; }
    public long BranchId { get; set; }
    public DayOfWeek DayOfWeek { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public List<WorkBreak> Breaks { get; set; } = [];

    public WeeklyPlanDay AsPlanDay() =>
        new(DayOfWeek, new TimeRange(Start, End), Breaks.Select(b => b.AsRange()).ToList());
}

/// <summary>A date that differs from the weekly plan: a day off (no hours) or changed hours.</summary>
public sealed class ScheduleExceptionEntry
{
    public long Id { get; set; }
    public long DoctorId { get; set; }
    public long BranchId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    public string? Note { get; set; }
    public List<WorkBreak> Breaks { get; set; } = [];

    public ScheduleException AsException() => new(
        Date,
        Start is { } s && End is { } e ? new TimeRange(s, e) : null,
        Breaks.Select(b => b.AsRange()).ToList());
}

/// <summary>A break inside working hours (lunch), owned by a plan entry or an exception.</summary>
public sealed class WorkBreak
{
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }

    public TimeRange AsRange() => new(Start, End);
}

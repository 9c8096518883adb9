using Clinic.Api.Features.Slots;

namespace Clinic.Bench.Slots;

/// <summary>
/// A busy doctor in Almaty: weekdays 09–18 with lunch, short Saturdays, a holiday and a long day as exceptions,
/// and a fixed pseudo-random set of existing appointments (some overlapping, as held and booked ones can be).
/// </summary>
public static class SlotsScenario
{
    public const int Days = 14;
    private static readonly TimeSpan AlmatyOffset = TimeSpan.FromHours(5);
    private static readonly DateOnly FirstDay = new(2026, 3, 2);

    public static DoctorAvailability Doctor(int appointments, int seed = 42)
    {
        var lunch = new TimeRange(new TimeOnly(13, 0), new TimeOnly(14, 0));
        WeeklyPlanDay[] weekly =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(day => new WeeklyPlanDay(day, new TimeRange(new TimeOnly(9, 0), new TimeOnly(18, 0)), [lunch])),
            new WeeklyPlanDay(DayOfWeek.Saturday, new TimeRange(new TimeOnly(10, 0), new TimeOnly(15, 0)), []),
        ];
        ScheduleException[] exceptions =
        [
            new(FirstDay.AddDays(7), null, []),
            new(FirstDay.AddDays(11), new TimeRange(new TimeOnly(12, 0), new TimeOnly(20, 0)), [new TimeRange(new TimeOnly(16, 0), new TimeOnly(16, 30))]),
        ];
        return new DoctorAvailability(1, weekly, exceptions, Appointments(appointments, seed));
    }

    public static SlotQuery Query() => new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"),
        FirstDay,
        FirstDay.AddDays(Days - 1),
        DurationMinutes: 30,
        BufferBeforeMinutes: 5,
        BufferAfterMinutes: 5,
        Now: new DateTimeOffset(FirstDay.AddDays(-1).ToDateTime(new TimeOnly(8, 0)), AlmatyOffset),
        MinimumNotice: TimeSpan.FromHours(2),
        HorizonDays: 60,
        GridMinutes: 15);

    // Appointments land between 09:00 and 18:00 on every day of the range, in the order a database might return them.
    private static BusyInterval[] Appointments(int count, int seed)
    {
        var random = new Random(seed);
        int[] durations = [15, 20, 30, 45, 60];
        var busy = new BusyInterval[count];
        for (var i = 0; i < count; i++)
        {
            var day = FirstDay.AddDays(random.Next(Days));
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), AlmatyOffset).AddMinutes(5 * random.Next(9 * 12));
            busy[i] = new BusyInterval(start.AddMinutes(-5), start.AddMinutes(durations[random.Next(durations.Length)] + 5));
        }
        return busy;
    }
}

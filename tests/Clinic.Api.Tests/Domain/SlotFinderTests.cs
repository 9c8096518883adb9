using System.Globalization;
using Clinic.Api.Features.Slots;

namespace Clinic.Api.Tests.Domain;

public sealed class SlotFinderTests
{
    private const long DoctorId = 7;
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan AlmatyOffset = TimeSpan.FromHours(5);
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset SundayBefore = new(2026, 3, 1, 12, 0, 0, AlmatyOffset);

    [Fact]
    public void SlotsFollowTheWeeklyPlanMinusItsBreaks()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "13:00", Range("11:00", "12:00"))]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "12:00", "12:30"], Times(slots));
        Assert.All(slots, slot => Assert.Equal(DoctorId, slot.DoctorId));
        Assert.All(slots, slot => Assert.Equal(Monday, slot.LocalDate));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero), slots[0].Start);
        Assert.Equal(TimeSpan.Zero, slots[0].Start.Offset);
        Assert.Equal(slots[0].Start.AddMinutes(30), slots[0].End);
    }

    [Fact]
    public void TheGridIsAnchoredAtTheShiftStartAndTheVisitMustEndByTheShiftEnd()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:10", "10:30")]);

        var slots = SlotFinder.Find(doctor, Query(Monday, grid: 15));

        Assert.Equal(["09:10", "09:25", "09:40", "09:55"], Times(slots));
    }

    [Fact]
    public void SlotsAfterAnOddlyTimedBreakStayOnTheShiftsGrid()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "15:00", Range("09:00", "13:50"))]);

        var slots = SlotFinder.Find(doctor, Query(Monday, grid: 15));

        Assert.Equal("14:00", Times(slots)[0]);
    }

    [Fact]
    public void ADayOffExceptionRemovesThatDateOnly()
    {
        var nextMonday = Monday.AddDays(7);
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:00", "10:00")],
            exceptions: [new ScheduleException(Monday, null, [])]);

        var slots = SlotFinder.Find(doctor, Query(Monday, nextMonday));

        Assert.All(slots, slot => Assert.Equal(nextMonday, slot.LocalDate));
        Assert.Equal(["09:00", "09:30"], Times(slots));
    }

    [Fact]
    public void AnExceptionWithHoursReplacesTheWeeklyPlanForThatDate()
    {
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:00", "18:00")],
            exceptions: [new ScheduleException(Monday, Range("14:00", "17:00"), [Range("15:00", "16:00")])]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["14:00", "14:30", "16:00", "16:30"], Times(slots));
    }

    [Fact]
    public void AnExceptionCanOpenADayTheWeeklyPlanLeavesFree()
    {
        var saturday = Monday.AddDays(5);
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:00", "10:00")],
            exceptions: [new ScheduleException(saturday, Range("10:00", "11:00"), [])]);

        var slots = SlotFinder.Find(doctor, Query(saturday));

        Assert.Equal(["10:00", "10:30"], Times(slots));
    }

    [Fact]
    public void ExistingAppointmentsBlockTheirTimeWidenedByTheRequestedServicesBuffers()
    {
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:00", "11:30")],
            busy: [new BusyInterval(At(Monday, "10:00"), At(Monday, "10:30"))]);

        var slots = SlotFinder.Find(doctor, Query(Monday, grid: 15, before: 10, after: 10));

        // 09:30 would need its after-buffer until 10:10, 10:30 its before-buffer from 10:20.
        Assert.Equal(["09:00", "09:15", "10:45", "11:00"], Times(slots));
    }

    [Fact]
    public void WithoutBuffersASlotMayTouchAnAppointmentOnEitherSide()
    {
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:30", "11:00")],
            busy: [new BusyInterval(At(Monday, "10:00"), At(Monday, "10:30"))]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["09:30", "10:30"], Times(slots));
    }

    [Fact]
    public void ALongAppointmentStillBlocksAfterShorterOnesThatStartLater()
    {
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:00", "13:00")],
            busy:
            [
                new BusyInterval(At(Monday, "09:30"), At(Monday, "09:45")),
                new BusyInterval(At(Monday, "09:00"), At(Monday, "12:00")),
                new BusyInterval(At(Monday, "10:00"), At(Monday, "10:15")),
            ]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["12:00", "12:30"], Times(slots));
    }

    [Fact]
    public void AppointmentsOnOtherDaysDoNotBlock()
    {
        var doctor = Doctor(
            [Shift(DayOfWeek.Monday, "09:00", "10:00")],
            busy: [new BusyInterval(At(Monday.AddDays(7), "09:00"), At(Monday.AddDays(7), "10:00"))]);

        var slots = SlotFinder.Find(doctor, Query(Monday, Monday.AddDays(7)));

        Assert.Equal(["09:00", "09:30"], Times(slots));
        Assert.All(slots, slot => Assert.Equal(Monday, slot.LocalDate));
    }

    [Fact]
    public void SlotsEarlierThanTheMinimumNoticeAreNotOffered()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "12:00")]);
        var now = At(Monday, "08:10");

        var slots = SlotFinder.Find(doctor, Query(Monday, now: now, notice: TimeSpan.FromHours(2)));

        Assert.Equal(["10:30", "11:00", "11:30"], Times(slots));
    }

    [Fact]
    public void NoSlotIsOfferedInThePast()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "12:00")]);

        var slots = SlotFinder.Find(doctor, Query(Monday.AddDays(-7), Monday, now: At(Monday, "10:00"), notice: TimeSpan.Zero));

        Assert.Equal(["10:00", "10:30", "11:00", "11:30"], Times(slots));
        Assert.All(slots, slot => Assert.Equal(Monday, slot.LocalDate));
    }

    [Fact]
    public void DatesBeyondTheBookingHorizonAreNotOffered()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "09:30")]);
        var now = At(Monday, "08:00");

        var slots = SlotFinder.Find(doctor, Query(Monday, Monday.AddDays(28), now: now, notice: TimeSpan.Zero, horizon: 14));

        Assert.Equal([Monday, Monday.AddDays(7), Monday.AddDays(14)], slots.Select(slot => slot.LocalDate));
    }

    [Fact]
    public void AnEmptyOrReversedDateRangeGivesNoSlots()
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "12:00")]);

        Assert.Empty(SlotFinder.Find(doctor, Query(Monday, Monday.AddDays(-1))));
    }

    [Fact]
    public void SplitShiftsOnOneWeekdayGiveSlotsInBothInTimeOrder()
    {
        var doctor = Doctor(
        [
            Shift(DayOfWeek.Monday, "15:00", "16:00"),
            Shift(DayOfWeek.Monday, "09:00", "10:00"),
        ]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["09:00", "09:30", "15:00", "15:30"], Times(slots));
    }

    [Fact]
    public void SplitShiftsListedOutOfOrderAreEachCheckedAgainstTheirOwnAppointments()
    {
        var doctor = Doctor(
            [
                Shift(DayOfWeek.Monday, "15:00", "16:00"),
                Shift(DayOfWeek.Monday, "09:00", "10:00"),
            ],
            busy:
            [
                new BusyInterval(At(Monday, "09:30"), At(Monday, "10:00")),
                new BusyInterval(At(Monday, "15:00"), At(Monday, "15:30")),
            ]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["09:00", "15:30"], Times(slots));
    }

    [Fact]
    public void OverlappingShiftsDoNotOfferTheSameTimeTwice()
    {
        var doctor = Doctor(
        [
            Shift(DayOfWeek.Monday, "09:00", "10:30"),
            Shift(DayOfWeek.Monday, "09:30", "11:00"),
        ]);

        var slots = SlotFinder.Find(doctor, Query(Monday));

        Assert.Equal(["09:00", "09:30", "10:00", "10:30"], Times(slots));
    }

    [Fact]
    public void SlotsOverSeveralDaysComeInTimeOrder()
    {
        var doctor = Doctor(
        [
            Shift(DayOfWeek.Tuesday, "09:00", "10:00"),
            Shift(DayOfWeek.Monday, "14:00", "15:00"),
        ]);

        var slots = SlotFinder.Find(doctor, Query(Monday, Monday.AddDays(1)));

        Assert.Equal(slots.OrderBy(slot => slot.Start), slots);
        Assert.Equal(4, slots.Count);
    }

    [Fact]
    public void AlmatyIsUtcPlusSixBeforeMarch2024AndUtcPlusFiveAfter()
    {
        var doctor = Doctor([Shift(DayOfWeek.Wednesday, "09:00", "09:30")]);
        var before = new DateOnly(2024, 2, 28);
        var after = new DateOnly(2024, 3, 6);
        var now = new DateTimeOffset(2024, 2, 26, 0, 0, 0, TimeSpan.Zero);

        var slots = SlotFinder.Find(doctor, Query(before, after, now: now));

        Assert.Equal(
            [new DateTimeOffset(2024, 2, 28, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 6, 4, 0, 0, TimeSpan.Zero)],
            slots.Select(slot => slot.Start));
        Assert.All(slots, slot => Assert.Equal(new TimeOnly(9, 0), slot.LocalTime));
    }

    [Fact]
    public void LocalTimesSkippedBySpringForwardAreNotOffered()
    {
        var springForward = new DateOnly(2025, 3, 30);
        var doctor = Doctor([Shift(DayOfWeek.Sunday, "01:00", "04:00")]);
        var now = new DateTimeOffset(2025, 3, 29, 0, 0, 0, TimeSpan.Zero);

        var slots = SlotFinder.Find(doctor, Query(springForward, now: now, zone: Berlin));

        Assert.Equal(["01:00", "01:30", "03:00", "03:30"], Times(slots));
        Assert.Equal(
            [At(springForward, "00:00", 0), At(springForward, "00:30", 0), At(springForward, "01:00", 0), At(springForward, "01:30", 0)],
            slots.Select(slot => slot.Start));
    }

    [Fact]
    public void ALocalTimeRepeatedByFallBackMeansItsFirstOccurrence()
    {
        var fallBack = new DateOnly(2025, 10, 26);
        var doctor = Doctor([Shift(DayOfWeek.Sunday, "01:30", "03:30")]);
        var now = new DateTimeOffset(2025, 10, 25, 0, 0, 0, TimeSpan.Zero);

        var slots = SlotFinder.Find(doctor, Query(fallBack, now: now, zone: Berlin));

        Assert.Equal(["01:30", "02:00", "02:30", "03:00"], Times(slots));
        Assert.Equal(
            [
                new DateTimeOffset(2025, 10, 25, 23, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 10, 26, 2, 0, 0, TimeSpan.Zero),
            ],
            slots.Select(slot => slot.Start));
    }

    [Theory]
    [InlineData(0, 15, 0)]
    [InlineData(30, 0, 0)]
    [InlineData(30, 15, -5)]
    public void AQueryWithoutAPositiveDurationAndGridOrWithANegativeBufferIsAProgrammingError(int duration, int grid, int before)
    {
        var doctor = Doctor([Shift(DayOfWeek.Monday, "09:00", "12:00")]);

        Assert.Throws<ArgumentOutOfRangeException>(() => SlotFinder.Find(doctor, Query(Monday, duration: duration, grid: grid, before: before)));
    }

    private static DoctorAvailability Doctor(
        IReadOnlyList<WeeklyPlanDay> weekly,
        IReadOnlyList<ScheduleException>? exceptions = null,
        IReadOnlyList<BusyInterval>? busy = null) =>
        new(DoctorId, weekly, exceptions ?? [], busy ?? []);

    private static SlotQuery Query(
        DateOnly from,
        DateOnly? to = null,
        int duration = 30,
        int grid = 30,
        int before = 0,
        int after = 0,
        DateTimeOffset? now = null,
        TimeSpan? notice = null,
        int horizon = 60,
        TimeZoneInfo? zone = null) =>
        new(zone ?? Almaty, from, to ?? from, duration, before, after, now ?? SundayBefore, notice ?? TimeSpan.FromHours(2), horizon, grid);

    private static WeeklyPlanDay Shift(DayOfWeek day, string from, string to, params TimeRange[] breaks) =>
        new(day, Range(from, to), breaks);

    private static TimeRange Range(string from, string to) => new(Time(from), Time(to));

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant given as wall-clock time at a fixed offset (Almaty's +05:00 unless told).</summary>
    private static DateTimeOffset At(DateOnly date, string hhmm, int offsetHours = 5) =>
        new(date.ToDateTime(Time(hhmm)), TimeSpan.FromHours(offsetHours));

    private static string[] Times(IReadOnlyList<FreeSlot> slots) =>
        slots.Select(slot => slot.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)).ToArray();
}

using System.Buffers;

namespace Clinic.Api.Features.Slots;

/// <summary>
/// Free appointment start times of one doctor: the weekly plan (or the date's exception) minus breaks,
/// stepped on a grid from each shift's start, minus existing appointments widened by the service's buffers,
/// minus minimum notice and anything past the booking horizon. Dates and hours are local to the query's zone.
/// </summary>
public static class SlotFinder
{
    /// <returns>Slots ordered by start, one per distinct start time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Duration or grid not positive, or a negative buffer.</exception>
    public static IReadOnlyList<FreeSlot> Find(DoctorAvailability doctor, SlotQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.DurationMinutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.GridMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(query.BufferBeforeMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(query.BufferAfterMinutes);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(query.Now, query.Zone).DateTime);
        // Earlier dates are already past; day numbers as long so that a huge horizon cannot overflow.
        var firstDay = Math.Max(query.From.DayNumber, today.DayNumber);
        var lastDay = Math.Min(query.To.DayNumber, (long)today.DayNumber + query.HorizonDays);
        if (lastDay < firstDay)
        {
            return [];
        }

        using var busy = BusyIndex.Create(doctor.Busy);
        var search = new Search(doctor.DoctorId, query, busy);
        for (var day = firstDay; day <= lastDay; day++)
        {
            AddDay(search, doctor, DateOnly.FromDayNumber(day));
        }
        return search.Result();
    }

    // Indexed loops over the IReadOnlyList parameters: foreach would allocate an enumerator per day and per candidate.
    private static void AddDay(Search search, DoctorAvailability doctor, DateOnly date)
    {
        var exceptions = doctor.Exceptions;
        var hasException = false;
        for (var i = 0; i < exceptions.Count; i++)
        {
            if (exceptions[i].Date != date)
            {
                continue;
            }
            hasException = true;
            if (exceptions[i].Hours is null)
            {
                return;
            }
        }

        if (hasException)
        {
            for (var i = 0; i < exceptions.Count; i++)
            {
                if (exceptions[i] is { Hours: { } hours } exception && exception.Date == date)
                {
                    search.AddShift(date, hours, exception.Breaks);
                }
            }
            return;
        }

        var weekly = doctor.Weekly;
        for (var i = 0; i < weekly.Count; i++)
        {
            if (weekly[i].Day == date.DayOfWeek)
            {
                search.AddShift(date, weekly[i].Hours, weekly[i].Breaks);
            }
        }
    }

    /// <summary>The state of one <see cref="Find"/> call.</summary>
    private sealed class Search(long doctorId, SlotQuery query, BusyIndex busy)
    {
        private readonly List<FreeSlot> _slots = [];
        private readonly TimeZoneInfo _zone = query.Zone;
        private readonly long _durationTicks = TimeSpan.TicksPerMinute * query.DurationMinutes;
        private readonly long _gridTicks = TimeSpan.TicksPerMinute * query.GridMinutes;
        private readonly long _bufferBeforeTicks = TimeSpan.TicksPerMinute * query.BufferBeforeMinutes;
        private readonly long _bufferAfterTicks = TimeSpan.TicksPerMinute * query.BufferAfterMinutes;
        private readonly long _earliestStartTicks = (query.Now + query.MinimumNotice).UtcTicks;
        private long _lastStartTicks = long.MinValue;
        private bool _ordered = true;

        public void AddShift(DateOnly date, TimeRange hours, IReadOnlyList<TimeRange> breaks)
        {
            var shiftEnd = hours.End.Ticks;
            // The grid is anchored at the shift's start, so slots after a break stay on the same 15-minute marks.
            for (var start = hours.Start.Ticks; start + _durationTicks <= shiftEnd; start += _gridTicks)
            {
                if (OverlapsBreak(start, start + _durationTicks, breaks))
                {
                    continue;
                }
                var localStart = new TimeOnly(start);
                if (!TryToUtcTicks(date.ToDateTime(localStart), out var startUtc) || startUtc < _earliestStartTicks)
                {
                    continue;
                }
                var endUtc = startUtc + _durationTicks;
                if (busy.Overlaps(startUtc - _bufferBeforeTicks, endUtc + _bufferAfterTicks))
                {
                    continue;
                }
                _ordered &= startUtc > _lastStartTicks;
                _lastStartTicks = startUtc;
                _slots.Add(new FreeSlot(
                    doctorId,
                    new DateTimeOffset(startUtc, TimeSpan.Zero),
                    new DateTimeOffset(endUtc, TimeSpan.Zero),
                    date,
                    localStart));
            }
        }

        /// <summary>Shifts of one day normally come in order; overlapping or unsorted shifts need sorting and de-duplication.</summary>
        public IReadOnlyList<FreeSlot> Result()
        {
            if (_ordered)
            {
                return _slots;
            }
            _slots.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var distinct = new List<FreeSlot>(_slots.Count);
            foreach (var slot in _slots)
            {
                if (distinct.Count == 0 || distinct[^1].Start != slot.Start)
                {
                    distinct.Add(slot);
                }
            }
            return distinct;
        }

        private static bool OverlapsBreak(long start, long end, IReadOnlyList<TimeRange> breaks)
        {
            for (var i = 0; i < breaks.Count; i++)
            {
                if (breaks[i].Start.Ticks < end && breaks[i].End.Ticks > start)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Wall-clock time to UTC by the zone's rules. A time skipped by a clock change does not exist and gives no slot;
        /// a repeated time is read as its first occurrence (the larger offset), the moment that comes first.
        /// </summary>
        private bool TryToUtcTicks(DateTime local, out long utcTicks)
        {
            if (_zone.IsInvalidTime(local))
            {
                utcTicks = 0;
                return false;
            }
            var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
            utcTicks = local.Ticks - offset.Ticks;
            return true;
        }
    }

    /// <summary>
    /// Busy intervals sorted by start with a running maximum of their ends. A window [from, to) overlaps one of them
    /// exactly when the latest end among the intervals starting before <c>to</c> is after <c>from</c>, so each check
    /// is a cursor move (candidates arrive in time order) instead of a scan over every appointment.
    /// </summary>
    private sealed class BusyIndex : IDisposable
    {
        private readonly long[] _starts;
        private readonly long[] _maxEnds;
        private readonly int _count;
        private int _cursor;
        private long _lastTo = long.MinValue;

        private BusyIndex(long[] starts, long[] maxEnds, int count)
        {
            _starts = starts;
            _maxEnds = maxEnds;
            _count = count;
        }

        public static BusyIndex Create(IReadOnlyList<BusyInterval> busy)
        {
            var starts = ArrayPool<long>.Shared.Rent(busy.Count);
            var ends = ArrayPool<long>.Shared.Rent(busy.Count);
            var count = 0;
            for (var i = 0; i < busy.Count; i++)
            {
                var interval = busy[i];
                // An empty interval blocks nothing.
                if (interval.End > interval.Start)
                {
                    starts[count] = interval.Start.UtcTicks;
                    ends[count] = interval.End.UtcTicks;
                    count++;
                }
            }
            Array.Sort(starts, ends, 0, count);
            for (var i = 1; i < count; i++)
            {
                ends[i] = Math.Max(ends[i], ends[i - 1]);
            }
            return new BusyIndex(starts, ends, count);
        }

        public bool Overlaps(long from, long to)
        {
            if (to < _lastTo)
            {
                // Out-of-order candidate (overlapping shifts): find the cursor again instead of sweeping back.
                _cursor = LowerBound(to);
            }
            _lastTo = to;
            while (_cursor < _count && _starts[_cursor] < to)
            {
                _cursor++;
            }
            return _cursor > 0 && _maxEnds[_cursor - 1] > from;
        }

        public void Dispose()
        {
            ArrayPool<long>.Shared.Return(_starts);
            ArrayPool<long>.Shared.Return(_maxEnds);
        }

        /// <summary>The number of intervals starting before <paramref name="to"/>.</summary>
        private int LowerBound(long to)
        {
            int low = 0, high = _count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_starts[middle] < to)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }
    }
}

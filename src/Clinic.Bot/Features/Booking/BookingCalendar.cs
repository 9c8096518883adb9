using System.Globalization;
using Clinic.Bot.Localization;
using Clinic.Bot.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace Clinic.Bot.Features.Booking;

/// <summary>An inline month calendar: days with free slots are buttons, the rest are dots; ◀️ ▶️ change the month.</summary>
public static class BookingCalendar
{
    public const string Noop = "bk:noop";

    public static List<List<InlineKeyboardButton>> Build(Texts texts, int year, int month, ISet<DateOnly> freeDays, bool canGoBack, bool canGoForward)
    {
        var rows = new List<List<InlineKeyboardButton>>();
        var first = new DateOnly(year, month, 1);
        var header = new List<InlineKeyboardButton>();
        header.Add(canGoBack
            ? Keyboards.Button(texts["booking.calendar_prev"], "bk", "m", first.AddMonths(-1).ToString("yyyyMM", CultureInfo.InvariantCulture))
            : Keyboards.Button(" ", Noop));
        header.Add(Keyboards.Button(texts.MonthYear(year, month), Noop));
        header.Add(canGoForward
            ? Keyboards.Button(texts["booking.calendar_next"], "bk", "m", first.AddMonths(1).ToString("yyyyMM", CultureInfo.InvariantCulture))
            : Keyboards.Button(" ", Noop));
        rows.Add(header);

        // Weeks start on Monday in Kazakhstan.
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        rows.Add(week.Select(day => Keyboards.Button(texts.Weekday(day), Noop)).ToList());

        var cells = new List<InlineKeyboardButton>();
        var leading = ((int)first.DayOfWeek + 6) % 7;
        cells.AddRange(Enumerable.Range(0, leading).Select(_ => Keyboards.Button(" ", Noop)));
        for (var day = first; day.Month == month; day = day.AddDays(1))
        {
            cells.Add(freeDays.Contains(day)
                ? Keyboards.Button(day.Day.ToString(CultureInfo.InvariantCulture), "bk", "d", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
                : Keyboards.Button("·", Noop));
        }

        while (cells.Count % 7 != 0)
        {
            cells.Add(Keyboards.Button(" ", Noop));
        }

        rows.AddRange(Keyboards.Grid(cells, 7));
        return rows;
    }
}

using System.Globalization;

namespace Clinic.Bot.Localization;

/// <summary>
/// Money, dates and times in the patient's language. The patterns live in the locale files
/// (section "format") so a translator can change word order without touching code.
/// </summary>
public sealed partial class Texts
{
    private const long TiynPerTenge = 100;

    /// <summary>Tenge with the culture's group separator ("15 000 ₸"); tiyn only when there are any ("15 000,50 ₸").</summary>
    public string Money(long tiyn)
    {
        var amount = tiyn % TiynPerTenge == 0
            ? (tiyn / TiynPerTenge).ToString("N0", Culture)
            : (tiyn / (decimal)TiynPerTenge).ToString("N2", Culture);
        return Format("format.money", ("amount", amount));
    }

    /// <summary>A calendar date such as "25 ноября, ср".</summary>
    public string Date(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue).ToString(this["format.date"], Culture);

    /// <summary>A date with its year and no weekday, such as a birth date ("15 марта 1992 г.", "1992 ж. 15 наурыз").</summary>
    public string FullDate(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue).ToString(this["format.full_date"], Culture);

    /// <summary>The local time ("09:00") of a UTC instant in the branch's time zone (a tz database id such as "Asia/Almaty").</summary>
    public string Time(DateTimeOffset utc, string timeZoneId) =>
        Local(utc, timeZoneId).ToString(this["format.time"], Culture);

    /// <summary>Local date and time of a UTC instant in the branch's time zone.</summary>
    public string DateTime(DateTimeOffset utc, string timeZoneId)
    {
        var local = Local(utc, timeZoneId);
        return Format("format.date_time",
            ("date", Date(DateOnly.FromDateTime(local.DateTime))),
            ("time", local.ToString(this["format.time"], Culture)));
    }

    /// <summary>A short weekday name for calendar headers ("Пн", "Дс", "Mo").</summary>
    public string Weekday(DayOfWeek day) => Capitalize(Culture.DateTimeFormat.ShortestDayNames[(int)day]);

    /// <summary>A calendar header such as "Ноябрь 2026" (nominative month name).</summary>
    public string MonthYear(int year, int month) =>
        Capitalize(new System.DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString(this["format.month_year"], Culture));

    private static DateTimeOffset Local(DateTimeOffset utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    private string Capitalize(string text) =>
        text.Length == 0 ? text : Culture.TextInfo.ToUpper(text[0]) + text[1..];
}

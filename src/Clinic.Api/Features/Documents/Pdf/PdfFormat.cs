using System.Globalization;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>Dates, times and money as the documents print them, the same in every language.</summary>
public static class PdfFormat
{
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The instant in the branch's zone (from the tz database), e.g. "01.06.2026 10:30".</summary>
    public static string DateTime(DateTimeOffset instant, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return local.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Integer tiyn as tenge with a plain-space thousands separator: 900050 → "9 000,50 ₸".</summary>
    public static string Tenge(long tiyn)
    {
        var sign = tiyn < 0 ? "-" : "";
        var absolute = Math.Abs(tiyn);
        var tenge = (absolute / 100).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');
        return $"{sign}{tenge},{absolute % 100:00} ₸";
    }
}

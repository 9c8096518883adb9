using System.Globalization;
using System.Text;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Callback data as "prefix:part:part", ids only. Telegram refuses more than 64 bytes (Cyrillic is 2 bytes a letter),
/// so building checks the byte length and parsing never throws: a forged or stale press is just "not understood".
/// </summary>
public static class CallbackData
{
    public const int MaxBytes = 64;

    public static string Build(params object[] parts)
    {
        var data = string.Join(':', parts.Select(part => Convert.ToString(part, CultureInfo.InvariantCulture)));
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            throw new ArgumentException($"Callback data is {Encoding.UTF8.GetByteCount(data)} bytes; Telegram allows {MaxBytes}.", nameof(parts));
        }

        return data;
    }

    public static string[] Split(string? data) => string.IsNullOrEmpty(data) ? [] : data.Split(':');

    public static bool TryLong(string[] parts, int index, out long value)
    {
        value = 0;
        return parts.Length > index && long.TryParse(parts[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}

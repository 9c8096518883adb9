using System.Globalization;

namespace Clinic.Contracts;

/// <summary>
/// Turns environment values, bound as text to a settings class, into typed values the way operators write them: blank
/// means the default, surrounding spaces are ignored, switches take true/false, 1/0, yes/no, on/off. A malformed value
/// becomes one line in <see cref="Problems"/> that starts with its variable, and the default is used meanwhile, so every
/// problem is reported at once at start-up (<c>ValidateOnStart</c>) instead of the first one as an exception.
/// Only settings that are not secrets echo what they got; secrets are text and never malformed here.
/// </summary>
public sealed class SettingValues
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public void Problem(string line) => _problems.Add(line);

    /// <summary>The trimmed value, or null when it is blank.</summary>
    public static string? Text(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    public int Int(string variable, string? raw, int fallback, int min, int max)
    {
        if (Text(raw) is not { } value)
            return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
            return parsed;
        Problem($"{variable} is malformed: expected a whole number from {min} to {max}, got \"{value}\".");
        return fallback;
    }

    public bool Bool(string variable, string? raw, bool fallback) => OptionalBool(variable, raw) ?? fallback;

    /// <summary>Null when not set, so the host's environment can decide.</summary>
    public bool? OptionalBool(string variable, string? raw)
    {
        switch (Text(raw)?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "1" or "yes" or "on":
                return true;
            case "false" or "0" or "no" or "off":
                return false;
            default:
                Problem($"{variable} is malformed: expected true or false, got \"{raw!.Trim()}\".");
                return null;
        }
    }

    /// <summary>An absolute http(s) URL, or null when not set or malformed.</summary>
    public Uri? HttpUrl(string variable, string? raw)
    {
        if (Text(raw) is not { } value)
            return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return url;
        Problem($"{variable} is malformed: expected an absolute http(s) URL, got \"{value}\".");
        return null;
    }

    /// <summary>Comma-separated Telegram user ids.</summary>
    public HashSet<long> Ids(string variable, string? raw)
    {
        var ids = new HashSet<long>();
        foreach (var part in List(raw))
        {
            if (long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                ids.Add(id);
            else
                Problem($"{variable} is malformed: expected comma-separated Telegram user ids, got \"{part}\".");
        }

        return ids;
    }

    public static string[] List(string? raw) =>
        (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

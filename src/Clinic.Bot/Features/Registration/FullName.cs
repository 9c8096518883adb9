namespace Clinic.Bot.Features.Registration;

/// <summary>A plausible full name: at least two words of letters (hyphens and apostrophes allowed), 2 to 100 characters.</summary>
public static class FullName
{
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = string.Join(' ', words);
        var valid = words.Length >= 2
            && name.Length is >= 2 and <= 100
            && words.All(word => word.All(c => char.IsLetter(c) || c is '-' or '\'' or '.') && word.Any(char.IsLetter));
        return valid ? name : null;
    }
}

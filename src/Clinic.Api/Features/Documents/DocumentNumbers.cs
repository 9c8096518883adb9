using System.Security.Cryptography;

namespace Clinic.Api.Features.Documents;

/// <summary>
/// Document numbers like <c>7KQ4-M2XD-9HTA</c>: 60 random bits, so the public <c>/verify/{number}</c> cannot be walked
/// to find other patients' documents. No 0/O or 1/I, so a number read off paper is typed back right.
/// </summary>
public static class DocumentNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New()
    {
        var symbols = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        return $"{new string(symbols, 0, 4)}-{new string(symbols, 4, 4)}-{new string(symbols, 8, 4)}";
    }

    /// <summary>The number as typed by a person (any case, spaces around) in the stored form, or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        var value = typed?.Trim().ToUpperInvariant();
        if (value is not { Length: 14 } || value[4] != '-' || value[9] != '-')
            return null;
        return value.Where((c, i) => i is 4 or 9 || Alphabet.Contains(c)).Count() == 14 ? value : null;
    }
}

using PhoneNumbers;

namespace Clinic.Api.Features.Patients;

/// <summary>Phone numbers as patients type them, normalised to E.164 with libphonenumber (Kazakhstan by default).</summary>
public static class PhoneNumbers
{
    public const string DefaultRegion = "KZ";

    // Longer than any real number written with spaces, dashes and brackets; stops absurd input before parsing.
    private const int MaxInputLength = 32;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Accepts "+7 701 123 45 67", "87011234567", "7011234567" or "+77011234567" and gives "+77011234567".
    /// Anything libphonenumber does not consider a valid, dialable number is rejected.
    /// </summary>
    public static bool TryNormalize(string? input, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength || !HasOnlyPhoneCharacters(input))
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            return false;
        }
        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>For logs and answers: "+77011234567" becomes "+7701*****67".</summary>
    public static string Mask(string e164)
    {
        var value = e164.AsSpan().Trim();
        if (value.Length <= 7)
        {
            return new string('*', value.Length);
        }
        return string.Concat(value[..5], new string('*', value.Length - 7), value[^2..]);
    }

    // libphonenumber would read letters as a keypad ("1-800-FLOWERS"); a patient's phone never has them.
    private static bool HasOnlyPhoneCharacters(string input)
    {
        foreach (var c in input)
        {
            if (!char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && c is not ('+' or '-' or '(' or ')' or '.'))
            {
                return false;
            }
        }
        return true;
    }
}

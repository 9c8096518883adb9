using Clinic.Contracts;

namespace Clinic.Api.Features.Patients;

/// <summary>The outcome of <see cref="Iin.Check"/>; <paramref name="Reason"/> is a machine code when invalid.</summary>
public sealed record IinCheck(bool Valid, DateOnly? BirthDate, Sex? Sex, string? Reason);

/// <summary>
/// Kazakhstan's individual identification number: YYMMDD, a century-and-sex digit, a serial and a check digit.
/// </summary>
public static class Iin
{
    public const int Length = 12;

    public static class Reasons
    {
        public const string Length = "length";
        public const string NotDigits = "not_digits";
        public const string Century = "century";
        public const string BirthDate = "birth_date";
        public const string Checksum = "checksum";
    }

    // Failures are shared instances so that rejecting input allocates nothing.
    private static readonly IinCheck WrongLength = new(false, null, null, Reasons.Length);
    private static readonly IinCheck NotDigits = new(false, null, null, Reasons.NotDigits);
    private static readonly IinCheck BadCentury = new(false, null, null, Reasons.Century);
    private static readonly IinCheck BadBirthDate = new(false, null, null, Reasons.BirthDate);
    private static readonly IinCheck BadChecksum = new(false, null, null, Reasons.Checksum);

    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    public static IinCheck Check(string? iin)
    {
        var value = iin.AsSpan().Trim();
        // Letters or inner spaces say more about the mistake than the length does, so report them first.
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return NotDigits;
            }
        }
        if (value.Length != Length)
        {
            return WrongLength;
        }

        Span<int> digits = stackalloc int[Length];
        for (var i = 0; i < Length; i++)
        {
            digits[i] = value[i] - '0';
        }

        var centuryStart = digits[6] switch
        {
            1 or 2 => 1800,
            3 or 4 => 1900,
            5 or 6 => 2000,
            _ => 0,
        };
        if (centuryStart == 0)
        {
            return BadCentury;
        }

        var year = centuryStart + digits[0] * 10 + digits[1];
        var month = digits[2] * 10 + digits[3];
        var day = digits[4] * 10 + digits[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return BadBirthDate;
        }

        if (CheckDigit(digits[..11]) != digits[11])
        {
            return BadChecksum;
        }

        var sex = digits[6] % 2 == 1 ? Sex.Male : Sex.Female;
        return new IinCheck(true, new DateOnly(year, month, day), sex, null);
    }

    /// <summary>For logs and answers: the first 4 and last 2 digits stay, the rest become stars.</summary>
    public static string Mask(string iin)
    {
        var value = iin.AsSpan().Trim();
        if (value.Length <= 6)
        {
            // Too short to keep anything without revealing most of it.
            return new string('*', value.Length);
        }
        return string.Concat(value[..4], new string('*', value.Length - 6), value[^2..]);
    }

    /// <returns>The check digit 0–9, or -1 when both passes give 10 (no valid number has these 11 digits).</returns>
    private static int CheckDigit(ReadOnlySpan<int> first11)
    {
        var check = WeightedSum(first11, FirstWeights) % 11;
        if (check == 10)
        {
            check = WeightedSum(first11, SecondWeights) % 11;
        }
        return check == 10 ? -1 : check;
    }

    private static int WeightedSum(ReadOnlySpan<int> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += digits[i] * weights[i];
        }
        return sum;
    }
}

using System.Globalization;
using Clinic.Api.Features.Patients;

namespace Clinic.Testing;

/// <summary>
/// Valid, distinct made-up IINs and Kazakh mobile numbers for test patients (the API refuses an IIN or phone already
/// taken by someone else). One file, compiled into each test project and the benchmarks; the check digit comes from the
/// API's own <see cref="Iin.Check"/>, so the tests never carry a second copy of the rule.
/// </summary>
public static class TestIins
{
    /// <summary>Born 1 January 1990, a man (century-and-sex digit 3).</summary>
    public const string Man1990 = "9001013";

    /// <summary>Born 15 March 1992, a woman (century-and-sex digit 4).</summary>
    public const string Woman1992 = "9203154";

    private static int _serial = Random.Shared.Next(0, 5_000);

    /// <summary>A valid IIN of someone born as <paramref name="bornAndSex"/> says (YYMMDD and the century-and-sex digit), with a fresh serial.</summary>
    public static string Next(string bornAndSex = Man1990)
    {
        while (true)
        {
            var body = bornAndSex + (Interlocked.Increment(ref _serial) % 10_000).ToString("D4", CultureInfo.InvariantCulture);
            for (var check = 0; check <= 9; check++)
            {
                if (Iin.Check(body + check).Valid)
                    return body + check;
            }
            // No check digit makes this serial valid: the next one.
        }
    }

    /// <summary>A Kazakh mobile number (Kcell's 701) nobody else in this run has.</summary>
    public static string NextPhone() => "+7701" + Interlocked.Increment(ref _serial).ToString("D7", CultureInfo.InvariantCulture);
}

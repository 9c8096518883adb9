using System.Globalization;

namespace Clinic.Server.Tests.Infrastructure;

/// <summary>Valid, distinct IINs for test patients (the API refuses an IIN already taken by someone else).</summary>
public static class TestIins
{
    private static int _serial = Random.Shared.Next(0, 5_000);

    /// <summary>A woman born 15 March 1992 (century-and-sex digit 4), with a fresh serial.</summary>
    public static string Next()
    {
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial) % 10_000;
            var body = "920315" + "4" + serial.ToString("D4", CultureInfo.InvariantCulture);
            if (CheckDigit(body) is { } check)
                return body + check;
        }
    }

    private static int? CheckDigit(string first11)
    {
        int[] first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        int[] second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
        var sum = first11.Select((c, i) => (c - '0') * first[i]).Sum() % 11;
        if (sum == 10)
            sum = first11.Select((c, i) => (c - '0') * second[i]).Sum() % 11;
        return sum == 10 ? null : sum;
    }
}

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>Valid, distinct made-up IINs (born 1990-01-01, male) and Kazakh mobile numbers for test patients.</summary>
public static class TestIins
{
    private static int _serial = 100;

    public static string Next()
    {
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial);
            var body = $"9001013{serial:D4}";
            if (CheckDigit(body) is { } check)
                return body + check;
        }
    }

    public static string NextPhone() => $"+7701{Interlocked.Increment(ref _serial):D7}";

    /// <summary>The IIN check digit (two weighted passes), or null when no valid IIN has this body.</summary>
    public static int? CheckDigit(string first11)
    {
        int[] first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        int[] second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
        var sum = first11.Select((c, i) => (c - '0') * first[i]).Sum() % 11;
        if (sum == 10)
            sum = first11.Select((c, i) => (c - '0') * second[i]).Sum() % 11;
        return sum == 10 ? null : sum;
    }
}

using System.Globalization;

namespace Clinic.Bench.Measurement;

/// <summary>Percentiles of measured durations in milliseconds (nearest-rank, so every figure is a real sample).</summary>
public sealed record LatencySummary(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static LatencySummary FromMilliseconds(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples were measured.", nameof(samples));
        }
        var sorted = samples.Order().ToArray();
        return new LatencySummary(
            sorted.Length,
            sorted.Average(),
            Percentile(sorted, 50),
            Percentile(sorted, 95),
            Percentile(sorted, 99),
            sorted[^1]);
    }

    public static double ToMilliseconds(long stopwatchTicks) =>
        stopwatchTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count} mean={Mean:0.000} ms p50={P50:0.000} ms p95={P95:0.000} ms p99={P99:0.000} ms max={Max:0.000} ms");

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

using System.Diagnostics;
using System.Globalization;
using Clinic.Api.Features.Slots;
using Clinic.Bench.Measurement;

namespace Clinic.Bench.Slots;

/// <summary>
/// In-process slot search: one doctor, 14 days, 300 existing appointments. Target: p95 under 10 ms.
/// Options: --appointments (300), --warmup (2000), --iterations (20000).
/// </summary>
public sealed class SlotsBenchmark : IBenchCommand
{
    private const double TargetP95Milliseconds = 10;

    public string Name => "slots";

    public string Description => "SlotFinder: one doctor, 14 days, 300 appointments; p50/p95/p99 and allocations per search";

    public Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var appointments = options.GetPositiveInt("appointments", 300);
        var warmup = options.GetPositiveInt("warmup", 2000);
        var iterations = options.GetPositiveInt("iterations", 20000);

        var doctor = SlotsScenario.Doctor(appointments);
        var query = SlotsScenario.Query();

        // Warm-up lets tiered compilation reach its optimised code before anything is timed.
        var slotCount = 0;
        for (var i = 0; i < warmup && !cancellationToken.IsCancellationRequested; i++)
        {
            slotCount = SlotFinder.Find(doctor, query).Count;
        }

        var samples = new double[iterations];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen0Before = GC.CollectionCount(0);
        var measured = 0;
        for (; measured < iterations && !cancellationToken.IsCancellationRequested; measured++)
        {
            var started = Stopwatch.GetTimestamp();
            SlotFinder.Find(doctor, query);
            samples[measured] = LatencySummary.ToMilliseconds(Stopwatch.GetTimestamp() - started);
        }
        if (measured == 0)
        {
            return Task.FromResult(1);
        }
        var allocatedPerSearch = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / measured;
        var gen0 = GC.CollectionCount(0) - gen0Before;

        var summary = LatencySummary.FromMilliseconds(samples[..measured]);
        var met = summary.P95 < TargetP95Milliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            scenario: {appointments} appointments over {SlotsScenario.Days} days, {slotCount} free slots found per search
            latency:  {summary}
            memory:   {allocatedPerSearch:N0} bytes allocated per search, {gen0} gen0 collections in {measured} searches
            target:   p95 < {TargetP95Milliseconds} ms: {(met ? "met" : "NOT met")}
            """));
        return Task.FromResult(met ? 0 : 1);
    }
}

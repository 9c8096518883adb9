using System.Diagnostics;
using System.Globalization;
using Clinic.Bench.Loopback;
using Clinic.Bench.Measurement;
using Clinic.Contracts;

namespace Clinic.Bench.Http;

/// <summary>
/// Requests per second of the real API on Kestrel over loopback (SQLite, demo clinic), for the bot's hottest reads:
/// the branches list, one day of slots and a 14-day range of slots. A fixed number of workers each send one request
/// at a time for a fixed duration, bounded by a total request cap. Client and server share the machine's cores.
/// Options: --workers (16), --seconds (10), --warmup-seconds (2), --max-requests (300000, per endpoint).
/// </summary>
public sealed class HttpThroughputBenchmark : IBenchCommand
{
    public string Name => "http";

    public string Description => "API requests/s and p50/p99 over loopback: GET branches, slots for one day, slots for 14 days";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var workers = Math.Min(options.GetPositiveInt("workers", 16), 256);
        var seconds = Math.Min(options.GetPositiveInt("seconds", 10), 120);
        var warmup = Math.Min(options.GetPositiveInt("warmup-seconds", 2), 30);
        var maxRequests = options.GetPositiveInt("max-requests", 300_000);

        await using var server = await ApiServer.StartSqliteAsync(cancellationToken);
        using var api = server.BotClient(workers);
        var (branch, service) = await BenchClinic.FirstBranchAndServiceAsync(api, cancellationToken);
        var tomorrow = BenchClinic.Today(branch).AddDays(1);
        (string Name, string Path)[] endpoints =
        [
            ("GET /api/bot/branches/", Routes.Branches),
            ("GET /api/bot/slots/ one day", $"{Routes.Slots}?branch_id={branch.Id}&service_id={service.Id}&date={BenchClinic.Day(tomorrow)}"),
            ("GET /api/bot/slots/ 14 days", $"{Routes.Slots}?branch_id={branch.Id}&service_id={service.Id}&from={BenchClinic.Day(tomorrow)}&to={BenchClinic.Day(tomorrow.AddDays(13))}"),
        ];
        Console.WriteLine($"{workers} workers, {seconds} s per endpoint after {warmup} s warm-up, at most {maxRequests:N0} requests; SQLite; load average {LoadAverage.Read()}");

        var failed = false;
        using var self = Process.GetCurrentProcess();
        foreach (var (name, path) in endpoints)
        {
            await LoadAsync(api, path, workers, TimeSpan.FromSeconds(warmup), maxRequests, cancellationToken);
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var result = await LoadAsync(api, path, workers, TimeSpan.FromSeconds(seconds), maxRequests, cancellationToken);
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            failed |= result.Errors > 0;
            var summary = LatencySummary.FromMilliseconds(result.Samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} {result.Samples.Count / result.Elapsed.TotalSeconds,8:0} req/s  p50 {summary.P50:0.00} ms  p99 {summary.P99:0.00} ms  ({result.Samples.Count:N0} requests in {result.Elapsed.TotalSeconds:0.0} s, {result.Errors} errors; {cpu:0.0} CPU-s = {result.Samples.Count / cpu:0} requests per CPU-second, client and server)"));
        }

        Console.WriteLine($"load average after: {LoadAverage.Read()}");
        return failed ? 1 : 0;
    }

    private static async Task<(List<double> Samples, int Errors, TimeSpan Elapsed)> LoadAsync(
        HttpClient api, string path, int workers, TimeSpan duration, int maxRequests, CancellationToken ct)
    {
        var budget = maxRequests;
        var errors = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            var samples = new List<double>(4096);
            while (!stop.IsCancellationRequested && Interlocked.Decrement(ref budget) >= 0)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await api.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                samples.Add(LatencySummary.ToMilliseconds(Stopwatch.GetTimestamp() - sent));
            }

            return samples;
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (perWorker.SelectMany(s => s).ToList(), errors, elapsed);
    }
}

using System.Globalization;
using System.Runtime;
using Clinic.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Clinic.Bench.Webhook;

/// <summary>
/// The bot alone, composed as src/Clinic.Bot/Program.cs composes it (AddClinicBot, UseClinicBot), in its own process
/// so its memory is its own. Settings come from the environment the <c>webhook</c> benchmark gives it. It prints
/// "ready" once listening, then "mem" lines (working set, GC heap, committed bytes, collections, CPU time, managed bytes in use) every 250 ms,
/// and stops when its standard input closes.
/// </summary>
public sealed class WebhookBotProcess : IBenchCommand
{
    public const string CommandName = "webhook-bot";

    public string Name => CommandName;

    public string Description => "(started by `webhook`) the bot in webhook mode as a separate process, reporting its memory";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("BENCH_BOT_WARNINGS") == "1")
        {
            // The outbox benchmarks want the bot's warnings (one line each, on standard error) to explain a figure.
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((_, level) => level >= LogLevel.Warning);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        builder.AddClinicBot();
        var app = builder.Build();
        app.UseClinicBot();
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"ready server_gc={GCSettings.IsServerGC}");

        // Console.In reads synchronously even through its async methods, so the wait for EOF gets its own thread.
        var inputClosed = Task.Run(() => Console.In.ReadToEnd(), CancellationToken.None);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        while (!inputClosed.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            process.Refresh();
            var gc = GC.GetGCMemoryInfo();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mem {Environment.WorkingSet} {gc.HeapSizeBytes} {gc.TotalCommittedBytes} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} {process.TotalProcessorTime.TotalMilliseconds:0} {GC.GetTotalMemory(forceFullCollection: false)}"));
            await Task.WhenAny(inputClosed, Task.Delay(250, cancellationToken));
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}

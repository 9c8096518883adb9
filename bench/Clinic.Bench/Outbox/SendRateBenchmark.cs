using System.Globalization;

namespace Clinic.Bench.Outbox;

/// <summary>
/// The OutboxSender's achieved rate against its configured limit: at the default 25/s against a fake Telegram allowing
/// 30/s, and for paid broadcasts (OUTBOX_PAID_BROADCAST=true, OUTBOX_PAID_RATE_PER_SECOND=1000) at 1000/s against one
/// allowing 1000/s. Target for each: ≥ 95 % of the limit with &lt; 0.1 % of sends answered 429.
/// Options: --seconds (40: the length of each broadcast at its limit), --paid-rate (1000), --postgres (none: SQLite),
/// --only (free|paid: one of the two).
/// </summary>
public sealed class SendRateBenchmark : IBenchCommand
{
    public string Name => "send-rate";

    public string Description => "OutboxSender rate vs. its limit: 25/s (Telegram 30/s) and paid broadcasts at 1000/s";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var seconds = options.GetPositiveInt("seconds", 40);
        var paidRate = options.GetPositiveInt("paid-rate", 1000);
        var postgres = options.GetString("postgres", "");
        var only = options.GetString("only", "");
        var allMet = true;
        var runs = new List<(string Name, BroadcastRunSetup Setup)>();
        if (only is "" or "free")
            runs.Add(("25/s", new BroadcastRunSetup(25 * seconds, 0, 25, false, paidRate, 30, postgres)));
        if (only is "" or "paid")
            runs.Add(($"paid {paidRate}/s", new BroadcastRunSetup(paidRate * seconds, 0, 25, true, paidRate, paidRate, postgres)));

        foreach (var (name, setup) in runs)
        {
            Console.WriteLine($"## {name}: {setup.Patients:N0} patients, fake Telegram allows {setup.TelegramRate}/s and 1/s per chat");
            var result = await BroadcastRun.RunAsync(setup, Console.WriteLine, cancellationToken);
            Console.WriteLine(BroadcastRun.Describe(result, setup));
            var limit = setup.Paid ? setup.PaidRate : setup.SenderRate;
            var fraction = result.AttemptsPerSecond / limit;
            var met = result.AllDelivered && result.Duplicates == 0 && fraction >= 0.95 && result.TooManyShare < 0.001;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target:    ≥ 95 % of {limit}/s with < 0.1 % answered 429, all delivered once: {fraction:P1}, {result.TooManyShare:P3}: {(met ? "met" : "NOT met")}"));
            allMet &= met;
        }
        return allMet ? 0 : 1;
    }
}

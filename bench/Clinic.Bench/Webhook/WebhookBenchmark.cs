using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Clinic.Bench.Loopback;
using Clinic.Bench.Measurement;
using Clinic.Bot.Localization;
using Clinic.Contracts;
using Clinic.Telegram.Fake;

namespace Clinic.Bench.Webhook;

/// <summary>
/// The bot in webhook mode, in its own process, against the fake Telegram and the real API (both in this process,
/// on loopback). Registered patients tap "📋 My appointments" (the bot asks the API for their visits and answers
/// with one message). Each sample is timed from the start of the update's POST to the bot's webhook until the bot's
/// answer has arrived at the fake Telegram. A fixed number of chats are in flight at once (closed loop), for a fixed
/// duration, bounded by a request cap. The bot process reports its working set and GC heap while it runs.
/// Targets from the issue: at least 1,000 updates/s on 2 cores and under 200 MB.
/// Options: --users (200), --concurrency (64), --seconds (15), --warmup-seconds (3), --max-updates (200000),
/// --gc (server|workstation, default server as the bot's Web SDK project runs), --state (sqlite|redis; redis needs CLINIC_TEST_REDIS).
/// </summary>
public sealed class WebhookBenchmark : IBenchCommand
{
    private const string WebhookSecret = "bench-webhook-secret-0123456789abcdef";
    private const double TargetUpdatesPerSecond = 1_000;
    private const double TargetMegabytes = 200;

    private long _nextUpdateId = 1_000;
    private int _nextMessageId = 1;

    public string Name => "webhook";

    public string Description => "Bot in webhook mode (own process) vs fake Telegram + real API: updates/s, p50/p99, working set, GC heap";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var users = Math.Min(options.GetPositiveInt("users", 200), 5_000);
        var concurrency = Math.Min(options.GetPositiveInt("concurrency", 64), users);
        var seconds = Math.Min(options.GetPositiveInt("seconds", 15), 120);
        var warmup = Math.Min(options.GetPositiveInt("warmup-seconds", 3), 60);
        var maxUpdates = options.GetPositiveInt("max-updates", 200_000);
        var serverGc = options.GetString("gc", "server") != "workstation";
        var redis = options.GetString("state", "sqlite") == "redis" ? Environment.GetEnvironmentVariable("CLINIC_TEST_REDIS") : null;
        if (options.GetString("state", "sqlite") == "redis" && string.IsNullOrWhiteSpace(redis))
        {
            Console.Error.WriteLine("--state redis needs CLINIC_TEST_REDIS (host:port).");
            return 2;
        }

        await using var api = await ApiServer.StartSqliteAsync(cancellationToken);
        await using var telegram = await FakeTelegramServer.StartAsync(ct: cancellationToken);
        using var apiClient = api.BotClient(16);
        var firstId = 800_000_000 + Random.Shared.Next(0, 1_000_000) * 100L;
        var ids = await BenchClinic.RegisterPatientsAsync(apiClient, users, firstId, cancellationToken);
        var fakeUsers = ids.Select(id => telegram.CreateUser(id, "Бенчмарк", "ru")).ToArray();

        var botPort = ApiServer.FreePort();
        var botUrl = $"http://127.0.0.1:{botPort}";
        var statePath = Path.Combine(Path.GetTempPath(), $"clinic-bench-bot-state-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = botUrl,
            ["TELEGRAM_BOT_TOKEN"] = telegram.Token,
            ["TELEGRAM_API_URL"] = telegram.BaseUrl,
            ["DJANGO_API_URL"] = api.Url,
            ["TELEGRAM_BOT_API_SECRET"] = ApiServer.Secret,
            ["BOT_STATE_PATH"] = statePath,
            ["USE_WEBHOOK"] = "true",
            ["TELEGRAM_WEBHOOK_URL"] = botUrl,
            ["TELEGRAM_WEBHOOK_SECRET"] = WebhookSecret,
            ["DOTNET_gcServer"] = serverGc ? "1" : "0",
        };
        if (redis is not null)
        {
            var (host, port) = (redis.Split(':')[0], redis.Contains(':') ? redis.Split(':')[1] : "6379");
            settings["REDIS_HOST"] = host;
            settings["REDIS_PORT"] = port;
            settings["REDIS_DB"] = "7";
        }

        using var bot = StartBotProcess(settings);
        var memory = new MemoryWatch();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            while (await bot.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (line.StartsWith("ready", StringComparison.Ordinal)) ready.TrySetResult(line);
                else if (line.StartsWith("mem ", StringComparison.Ordinal)) memory.Add(line);
            }

            ready.TrySetException(new InvalidOperationException("The bot process exited before it was ready."));
        }, CancellationToken.None);

        try
        {
            var readyLine = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            var text = Localizer.LoadEmbedded().For(Language.Ru);
            var expected = text["appointments.empty_upcoming"];
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(botUrl),
                Timeout = TimeSpan.FromSeconds(30),
            };
            http.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", WebhookSecret);
            var button = text["menu.my_appointments"];

            Console.WriteLine($"bot process: {readyLine}; {users} registered users, {concurrency} chats in flight; state in {(redis is null ? "SQLite" : "Redis")}; load average {LoadAverage.Read()}");
            await memory.FirstSampleAsync(cancellationToken);
            memory.Reset();
            var idle = memory.Latest;
            await LoadAsync(http, fakeUsers, concurrency, button, expected, TimeSpan.FromSeconds(warmup), maxUpdates, cancellationToken);
            Console.WriteLine($"idle bot (after start-up, before warm-up): {idle}");
            memory.Reset();
            var botCpuBefore = memory.Latest.CpuMilliseconds;
            using var self = Process.GetCurrentProcess();
            var ownCpuBefore = self.TotalProcessorTime;
            var result = await LoadAsync(http, fakeUsers, concurrency, button, expected, TimeSpan.FromSeconds(seconds), maxUpdates, cancellationToken);
            await Task.Delay(600, cancellationToken);
            var peak = memory.Peak;
            var botCpu = (memory.Latest.CpuMilliseconds - botCpuBefore) / 1000.0;
            self.Refresh();
            var ownCpu = (self.TotalProcessorTime - ownCpuBefore).TotalSeconds;
            var summary = LatencySummary.FromMilliseconds(result.Samples);
            var rate = result.Samples.Count / result.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                updates:  {result.Samples.Count:N0} answered in {result.Elapsed.TotalSeconds:0.0} s = {rate:0} updates/s; {result.Wrong} wrong answers, {result.Lost} lost
                latency:  {summary} (update POST → answer at the fake Telegram)
                CPU:      bot process {botCpu:0.0} s = {result.Samples.Count / botCpu:0} updates per bot CPU-second; this process (API, fake Telegram, load) {ownCpu:0.0} s
                memory:   under load peak {peak}; end {memory.Latest}
                calls at the fake Telegram: {string.Join(", ", telegram.Counters.MethodCalls.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:N0}"))}
                load average after: {LoadAverage.Read()}
                target:   ≥ {TargetUpdatesPerSecond:N0} updates/s: {(rate >= TargetUpdatesPerSecond ? "met" : "NOT met")}; < {TargetMegabytes} MB working set: {(peak.WorkingSetMb < TargetMegabytes ? "met" : "NOT met")}
                """));
            return result.Wrong == 0 && result.Lost == 0 ? 0 : 1;
        }
        finally
        {
            bot.StandardInput.Close();
            if (!bot.WaitForExit(15_000))
            {
                bot.Kill(entireProcessTree: true);
            }

            await reader.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var file in new[] { statePath, statePath + "-wal", statePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private async Task<(List<double> Samples, int Wrong, int Lost, TimeSpan Elapsed)> LoadAsync(
        HttpClient http, FakeUser[] users, int concurrency, string button, string expected, TimeSpan duration, int maxUpdates, CancellationToken ct)
    {
        var budget = maxUpdates;
        var wrong = 0;
        var lost = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = users.Where((_, index) => index % concurrency == worker).ToArray();
            var samples = new List<double>(4096);
            for (var turn = 0; !stop.IsCancellationRequested && Interlocked.Decrement(ref budget) >= 0; turn++)
            {
                var user = mine[turn % mine.Length];
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(Routes.Webhook, UpdateJson(user, button), ct);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref lost);
                    continue;
                }

                try
                {
                    var answer = await user.WaitForMessage(timeout: TimeSpan.FromSeconds(20), ct: ct);
                    samples.Add(LatencySummary.ToMilliseconds(Stopwatch.GetTimestamp() - sent));
                    if (answer.VisibleText != expected)
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref lost);
                }
            }

            return samples;
        }));
        return (perWorker.SelectMany(s => s).ToList(), wrong, lost, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A private-chat text message, as Telegram would POST it to the webhook.</summary>
    private StringContent UpdateJson(FakeUser user, string text)
    {
        var person = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName, ["language_code"] = "ru" };
        var update = new JsonObject
        {
            ["update_id"] = Interlocked.Increment(ref _nextUpdateId),
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = user.Id, ["type"] = "private", ["first_name"] = user.FirstName },
                ["from"] = person,
                ["text"] = text,
            },
        };
        var content = new StringContent(update.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static Process StartBotProcess(IReadOnlyDictionary<string, string> settings)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        info.ArgumentList.Add(WebhookBotProcess.CommandName);
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The bot process could not be started.");
    }

    /// <summary>The bot process's "mem" lines: the latest and the peak since the last reset.</summary>
    private sealed class MemoryWatch
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Sample _latest = new(0, 0, 0, 0, 0, 0, 0, 0);
        private Sample _peak = new(0, 0, 0, 0, 0, 0, 0, 0);

        public Task FirstSampleAsync(CancellationToken ct) => _first.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);

        public Sample Latest
        {
            get { lock (_gate) return _latest; }
        }

        public Sample Peak
        {
            get { lock (_gate) return _peak; }
        }

        public void Add(string line)
        {
            var parts = line.Split(' ');
            var sample = new Sample(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture),
                int.Parse(parts[5], CultureInfo.InvariantCulture), int.Parse(parts[6], CultureInfo.InvariantCulture), long.Parse(parts[7], CultureInfo.InvariantCulture), long.Parse(parts[8], CultureInfo.InvariantCulture));
            lock (_gate)
            {
                _latest = sample;
                _peak = new Sample(Math.Max(_peak.WorkingSet, sample.WorkingSet), Math.Max(_peak.Heap, sample.Heap), Math.Max(_peak.Committed, sample.Committed),
                    sample.Gen0, sample.Gen1, sample.Gen2, sample.CpuMilliseconds, Math.Max(_peak.InUse, sample.InUse));
            }

            _first.TrySetResult();
        }

        public void Reset()
        {
            lock (_gate) _peak = _latest;
        }
    }

    private sealed record Sample(long WorkingSet, long Heap, long Committed, int Gen0, int Gen1, int Gen2, long CpuMilliseconds, long InUse)
    {
        public double WorkingSetMb => WorkingSet / 1048576.0;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"working set {WorkingSet / 1048576.0:0.0} MB, managed memory in use {InUse / 1048576.0:0.0} MB, GC heap after the last collection {Heap / 1048576.0:0.0} MB, GC committed {Committed / 1048576.0:0.0} MB (collections so far gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2})");
    }
}

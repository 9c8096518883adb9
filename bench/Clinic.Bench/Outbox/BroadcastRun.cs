using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using Clinic.Api.Data;
using Clinic.Api.Features.Patients;
using Clinic.Bench.Loopback;
using Clinic.Bench.Webhook;
using Clinic.Contracts;
using Clinic.Telegram.Fake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bench.Outbox;

/// <summary>How one broadcast run is set up.</summary>
/// <param name="BlockedEvery">Every n-th patient has blocked the bot (100: 1 %); 0 for none.</param>
/// <param name="KillAt">Stop the bot after this share of the messages was delivered and start a new one; 0 for never.</param>
/// <param name="Abrupt">Kill the bot process (SIGKILL, nothing released) rather than stop it gracefully.</param>
public sealed record BroadcastRunSetup(
    int Patients, int BlockedEvery, int SenderRate, bool Paid, int PaidRate, int TelegramRate, string Postgres, double KillAt = 0, bool Abrupt = true);

/// <summary>What one broadcast run measured.</summary>
public sealed record BroadcastRunResult(
    int Patients, int Blocked, long Delivered, long Forbidden, long TooManyRequests, int Missing, int Duplicates, int UsersWithDuplicates,
    int BlockedMarked, BroadcastStatsDto Stats, double SendSeconds, double AttemptsPerSecond, double LongestGapSeconds, double TotalSeconds,
    string Database, long InFlightAtStop)
{
    /// <summary>Requests that reached Telegram's send methods: delivered, refused as blocked, refused with 429.</summary>
    public long Requests => Delivered + Forbidden + TooManyRequests;

    public double TooManyShare => Requests == 0 ? 0 : (double)TooManyRequests / Requests;

    public bool AllDelivered => Missing == 0 && Delivered - Duplicates == Patients - Blocked && Stats.Sent == Patients - Blocked;
}

/// <summary>
/// A real broadcast end to end on loopback: the clinic API (SQLite file or PostgreSQL) with N opted-in patients and a
/// started broadcast (one outbox row each), the fake Telegram enforcing a global limit and 1 message/s per chat with
/// 429 + retry_after, and the real bot (AddClinicBot, with its OutboxSender) in a child process, which can be killed.
/// </summary>
public static class BroadcastRun
{
    private const long FirstTelegramId = 2_000_000_000L;

    public static async Task<BroadcastRunResult> RunAsync(BroadcastRunSetup setup, Action<string> log, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await using var api = string.IsNullOrEmpty(setup.Postgres)
            ? await ApiServer.StartSqliteAsync(ct)
            : await ApiServer.StartPostgresAsync(setup.Postgres, ct);
        await using var telegram = await FakeTelegramServer.StartAsync(
            new FakeTelegramOptions { GlobalMessagesPerSecond = setup.TelegramRate, PerChatMessagesPerSecond = 1 }, ct);

        var users = new FakeUser[setup.Patients];
        var blocked = 0;
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = telegram.CreateUser(FirstTelegramId + i, "Пациент", "ru");
            if (setup.BlockedEvery > 0 && i % setup.BlockedEvery == setup.BlockedEvery / 2)
            {
                users[i].Block();
                blocked++;
            }
        }
        await SeedPatientsAsync(api.Services, setup.Patients, ct);

        using var staff = new HttpClient { BaseAddress = new Uri(api.Url), Timeout = TimeSpan.FromSeconds(60) };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.StaffToken);
        var created = await staff.PostAsJsonAsync("/api/admin/broadcasts/",
            new BroadcastCreateRequest("<b>Весенние скидки</b> на все анализы до 31 мая", ButtonText: "Подробнее", ButtonUrl: "https://example.kz/spring"),
            ClinicJson.Options, ct);
        created.EnsureSuccessStatusCode();
        var broadcast = (await created.Content.ReadFromJsonAsync<BroadcastDto>(ClinicJson.Options, ct))!;
        var started = await staff.PostAsJsonAsync($"/api/admin/broadcasts/{broadcast.Id}/start/", new BroadcastStartRequest(), ClinicJson.Options, ct);
        started.EnsureSuccessStatusCode();
        log($"arranged: {setup.Patients:N0} opted-in patients ({blocked:N0} have blocked the bot), broadcast #{broadcast.Id} started, {api.Database}; load average {LoadAverage.Read()}");

        var statePath = Path.Combine(Path.GetTempPath(), $"clinic-bench-outbox-state-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = telegram.Token,
            ["TELEGRAM_API_URL"] = telegram.BaseUrl,
            ["DJANGO_API_URL"] = api.Url,
            ["TELEGRAM_BOT_API_SECRET"] = ApiServer.Secret,
            ["BOT_STATE_PATH"] = statePath,
            ["USE_WEBHOOK"] = "false",
            ["OUTBOX_RATE_PER_SECOND"] = setup.SenderRate.ToString(CultureInfo.InvariantCulture),
            ["OUTBOX_PAID_BROADCAST"] = setup.Paid ? "true" : "false",
            ["OUTBOX_PAID_RATE_PER_SECOND"] = setup.PaidRate.ToString(CultureInfo.InvariantCulture),
        };

        var expected = setup.Patients - blocked;
        var bot = await BotProcess.StartAsync(settings, ct);
        try
        {
            var watch = new SendWatch(telegram.Counters);
            var killed = setup.KillAt <= 0;
            var done = false;
            var deadline = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(120 + 3.0 * setup.Patients / Math.Max(1, setup.Paid ? setup.PaidRate : setup.SenderRate));
            var nextCheck = TimeSpan.Zero;
            BroadcastStatsDto stats = broadcast.Stats;
            long inFlightAtStop = 0;
            while (!done)
            {
                await Task.Delay(10, ct);
                watch.Sample();
                if (!killed && telegram.Counters.TotalSends >= setup.KillAt * expected)
                {
                    killed = true;
                    var sentBefore = telegram.Counters.TotalSends;
                    var stopping = Stopwatch.StartNew();
                    await bot.StopAsync(setup.Abrupt);
                    log(string.Create(CultureInfo.InvariantCulture,
                        $"stopped:  the bot {(setup.Abrupt ? "killed (SIGKILL, leases left to expire)" : "stopped gracefully (unsent rows released)")} after {sentBefore:N0} delivered, in {stopping.Elapsed.TotalSeconds:0.0} s; {telegram.Counters.TotalSends - sentBefore} delivered while it stopped"));
                    // Delivered by Telegram but not recorded by the API: what the next bot will send again. Measured after the
                    // API has finished (or dropped) the reports the dead bot had already sent, so they are not counted as lost.
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    var recorded = (await staff.GetFromJsonAsync<BroadcastDto>($"/api/admin/broadcasts/{broadcast.Id}/", ClinicJson.Options, ct))!.Stats;
                    inFlightAtStop = telegram.Counters.TotalSends + telegram.Counters.Forbidden - recorded.Sent - recorded.Blocked;
                    log($"in flight: {inFlightAtStop} messages delivered but not recorded when the bot stopped; {recorded.Pending:N0} rows pending or leased");
                    bot = await BotProcess.StartAsync(settings, ct);
                    log($"started:  a new bot process after {watch.SinceLastSend.TotalSeconds:0.0} s without sends");
                }

                if (deadline.Elapsed >= nextCheck)
                {
                    nextCheck = deadline.Elapsed + TimeSpan.FromSeconds(1);
                    stats = (await staff.GetFromJsonAsync<BroadcastDto>($"/api/admin/broadcasts/{broadcast.Id}/", ClinicJson.Options, ct))!.Stats;
                    done = stats.Pending == 0 && stats.Held == 0 && stats.Sent + stats.Blocked + stats.Failed + stats.Cancelled == stats.Audience;
                    if (deadline.Elapsed > limit)
                    {
                        log($"timeout:  gave up after {deadline.Elapsed.TotalSeconds:0} s; {stats}");
                        break;
                    }
                }
            }

            await Task.Delay(1500, ct);
            foreach (var group in BotProcess.Warnings.Select(Shorten).GroupBy(w => w).OrderByDescending(g => g.Count()).Take(6))
                log($"bot log:  {group.Count()} × {group.Key}");
            BotProcess.Warnings.Clear();
            watch.Sample();
            var delivered = telegram.Counters.TotalSends;
            var counts = users.Select(u => u.Messages.Count).ToArray();
            var missing = users.Where((u, i) => counts[i] == 0 && !u.IsBlocked).Count();
            var duplicates = counts.Sum(c => Math.Max(0, c - 1));
            var withDuplicates = counts.Count(c => c > 1);
            int blockedMarked;
            using (var scope = api.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
                blockedMarked = await db.Patients.CountAsync(p => p.TelegramId >= FirstTelegramId && p.BotBlockedAtUtc != null, ct);
            }

            return new BroadcastRunResult(setup.Patients, blocked, delivered, telegram.Counters.Forbidden, telegram.Counters.TooManyRequests,
                missing, duplicates, withDuplicates, blockedMarked, stats, watch.SendSeconds, watch.AttemptsPerSecond, watch.LongestGap.TotalSeconds,
                total.Elapsed.TotalSeconds, api.Database, inFlightAtStop);
        }
        finally
        {
            await bot.StopAsync(abrupt: false);
            foreach (var file in new[] { statePath, statePath + "-wal", statePath + "-shm" })
                File.Delete(file);
        }
    }

    public static string Describe(BroadcastRunResult r, BroadcastRunSetup setup)
    {
        var limit = setup.Paid ? setup.PaidRate : setup.SenderRate;
        return string.Create(CultureInfo.InvariantCulture, $"""
            delivered: {r.Delivered:N0} messages to {r.Patients - r.Blocked - r.Missing:N0} of {r.Patients - r.Blocked:N0} patients who have not blocked the bot; {r.Missing} missing
            blocked:   {r.Forbidden:N0} sends answered 403; {r.BlockedMarked:N0} of {r.Blocked:N0} blocked patients marked in the API
            api stats: audience {r.Stats.Audience:N0}, sent {r.Stats.Sent:N0}, blocked {r.Stats.Blocked:N0}, failed {r.Stats.Failed:N0}, pending {r.Stats.Pending:N0}, cancelled {r.Stats.Cancelled:N0}
            rate:      {r.AttemptsPerSecond:0.00} sends/s (delivered + 403) from the first send to the last, {r.SendSeconds:0.0} s = {r.AttemptsPerSecond / limit:P1} of the sender's limit {limit}/s (fake Telegram allows {setup.TelegramRate}/s); longest pause between sends {r.LongestGapSeconds:0.0} s
            429:       {r.TooManyRequests:N0} of {r.Requests:N0} send requests = {r.TooManyShare:P3}
            duplicates: {r.Duplicates:N0} extra messages ({r.UsersWithDuplicates:N0} patients got more than one)
            total:     {r.TotalSeconds:0.0} s with arranging; load average {LoadAverage.Read()}
            """);
    }

    /// <summary>A log line without its ids and numbers, so like lines group together.</summary>
    private static string Shorten(string line)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(line, "[0-9]+", "#");
        return text.Length > 160 ? text[..160] : text;
    }

    /// <summary>Patients straight into the database, 5,000 per SaveChanges, opted in to clinic news.</summary>
    private static async Task SeedPatientsAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        const int batch = 5_000;
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
                db.Patients.Add(new Patient
                {
                    OrganizationId = 1, TelegramId = FirstTelegramId + i, Language = Language.Ru, NewsOptIn = true, CreatedAtUtc = now, UpdatedAtUtc = now,
                });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Watches the fake Telegram's counters: when sends happened, at what rate, and the longest pause.</summary>
    private sealed class SendWatch(FakeTelegramCounters counters)
    {
        private long _firstAt;
        private long _firstCount;
        private long _lastAt;
        private long _lastCount;
        private TimeSpan _longestGap;

        private long Attempts => counters.TotalSends + counters.Forbidden;

        public void Sample()
        {
            var now = Stopwatch.GetTimestamp();
            var attempts = Attempts;
            if (attempts == _lastCount)
                return;
            if (_firstAt == 0)
            {
                (_firstAt, _firstCount) = (now, attempts);
            }
            else
            {
                var gap = Stopwatch.GetElapsedTime(_lastAt, now);
                if (gap > _longestGap) _longestGap = gap;
            }
            (_lastAt, _lastCount) = (now, attempts);
        }

        public TimeSpan SinceLastSend => _lastAt == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_lastAt);

        public TimeSpan LongestGap => _longestGap;

        public double SendSeconds => _firstAt == 0 ? 0 : Stopwatch.GetElapsedTime(_firstAt, _lastAt).TotalSeconds;

        public double AttemptsPerSecond => SendSeconds <= 0 ? 0 : (_lastCount - _firstCount) / SendSeconds;
    }

    /// <summary>The bot (composed as in production) in a child process: stopped gracefully by closing its input, or killed.</summary>
    private sealed class BotProcess
    {
        /// <summary>The bot processes' warnings and errors, one line each.</summary>
        public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Warnings = new();

        private readonly Process _process;
        private readonly Task _reader;

        private BotProcess(Process process, Task reader)
        {
            _process = process;
            _reader = reader;
        }

        public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
        {
            var host = Environment.ProcessPath!;
            var info = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.Environment["BENCH_BOT_WARNINGS"] = "1";
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
                info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            info.ArgumentList.Add(WebhookBotProcess.CommandName);
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiServer.FreePort()}";
            foreach (var (key, value) in settings)
                info.Environment[key] = value;
            var process = Process.Start(info) ?? throw new InvalidOperationException("The bot process could not be started.");
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var reader = Task.Run(async () =>
            {
                // Its "mem" lines are read and dropped, so a full pipe never blocks it.
                while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
                {
                    if (line.StartsWith("ready", StringComparison.Ordinal)) ready.TrySetResult();
                }
                ready.TrySetException(new InvalidOperationException("The bot process exited before it was ready."));
            }, CancellationToken.None);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line)
                    Warnings.Enqueue(line);
            };
            process.BeginErrorReadLine();
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            return new BotProcess(process, reader);
        }

        public async Task StopAsync(bool abrupt)
        {
            if (_process.HasExited)
                return;
            if (abrupt)
            {
                _process.Kill(entireProcessTree: true);
            }
            else
            {
                _process.StandardInput.Close();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            _process.Dispose();
        }
    }
}

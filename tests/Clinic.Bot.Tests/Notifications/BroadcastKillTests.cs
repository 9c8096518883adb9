using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Patients;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>
/// Issue 6's crash test at full size: a broadcast to 10,000 patients (1 % of whom blocked the bot) sent by the real bot
/// in its own process against a fake Telegram enforcing 30 messages/s and 1 per chat per second. Half-way the bot is
/// killed (SIGKILL) and a new one started. Takes about seven minutes, most of it sending at 25 messages/s.
/// </summary>
public sealed class BroadcastKillTests
{
    private const int Patients = 10_000;
    private const int BlockedEvery = 100;
    private const long FirstTelegramId = 3_000_000_000L;
    /// <summary>The production default: the dead bot's leased rows come back after it, and a busy CI machine that is late
    /// to extend a live lease does not see it lapse.</summary>
    private const int LeaseSeconds = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_broadcast_to_10000_patients_killed_half_way_loses_nothing_and_repeats_at_most_what_was_in_flight()
    {
        await using var api = await ApiHost.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(
            new FakeTelegramOptions { GlobalMessagesPerSecond = 30, PerChatMessagesPerSecond = 1 }, Ct);
        var users = Enumerable.Range(0, Patients).Select(i => telegram.CreateUser(FirstTelegramId + i, "Пациент", "ru")).ToArray();
        foreach (var user in users.Where((_, i) => i % BlockedEvery == BlockedEvery / 2))
            user.Block();
        var blocked = users.Count(u => u.IsBlocked);
        var reachable = Patients - blocked;
        await SeedOptedInPatientsAsync(api.Services);

        using var staff = new HttpClient { BaseAddress = new Uri(api.Url), Timeout = TimeSpan.FromSeconds(60) };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.StaffToken);
        var broadcast = await StartBroadcastAsync(staff);
        Assert.Equal(Patients, broadcast.Stats.Audience);

        var settings = new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = telegram.Token,
            ["TELEGRAM_API_URL"] = telegram.BaseUrl,
            ["DJANGO_API_URL"] = api.Url,
            ["TELEGRAM_BOT_API_SECRET"] = ApiHost.Secret,
            ["BOT_STATE_PATH"] = Path.Combine(Path.GetTempPath(), $"clinic-bot-kill-state-{Guid.NewGuid():N}.db"),
            ["USE_WEBHOOK"] = "false",
            ["OUTBOX_RATE_PER_SECOND"] = "25",
            ["OUTBOX_LEASE_SECONDS"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
        };

        var sending = Stopwatch.StartNew();
        var first = BotProcess.Start(settings);
        await using (first)
        {
            await WaitAsync(() => Task.FromResult(telegram.Counters.TotalSends >= reachable / 2), "half the broadcast delivered", TimeSpan.FromMinutes(6), first);
            await first.KillAsync();
        }

        // Delivered by Telegram but never recorded by the API: the only messages the next bot may send again.
        // Counted after the API finished whatever reports the dead bot had already made.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var atKill = await StatsAsync(staff, broadcast.Id);
        var inFlight = telegram.Counters.TotalSends + telegram.Counters.Forbidden - atKill.Sent - atKill.Blocked;
        var log = TestContext.Current.TestOutputHelper!;
        log.WriteLine($"killed after {telegram.Counters.TotalSends:N0} delivered; {inFlight} delivered but not recorded; {atKill.Pending:N0} pending");
        Assert.True(atKill.Pending > 0, "the broadcast had finished before the kill: the test proves nothing");

        await using var second = BotProcess.Start(settings);
        var stats = atKill;
        await WaitAsync(async () =>
        {
            stats = await StatsAsync(staff, broadcast.Id);
            return stats.Pending == 0 && stats.Held == 0;
        }, "the new bot to finish the broadcast", TimeSpan.FromMinutes(6), second);
        sending.Stop();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct); // anything still arriving would be a duplicate

        var counts = users.Select(u => u.Messages.Count).ToArray();
        var missing = users.Where((u, i) => counts[i] == 0 && !u.IsBlocked).Count();
        var duplicates = counts.Sum(c => Math.Max(0, c - 1));
        var rate = (telegram.Counters.TotalSends + telegram.Counters.Forbidden) / sending.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{telegram.Counters.TotalSends:N0} delivered, {missing} missing, {duplicates} duplicates, {telegram.Counters.TooManyRequests} answered 429, " +
            $"{rate:0.0} sends/s over {sending.Elapsed.TotalSeconds:0} s including the kill and a {LeaseSeconds} s lease"));

        Assert.Equal(0, missing);
        Assert.True(duplicates <= inFlight, $"{duplicates} patients got the broadcast twice; at most the {inFlight} in flight at the kill may");
        Assert.Equal(reachable, stats.Sent);
        Assert.Equal(blocked, stats.Blocked);
        Assert.Equal(0, stats.Failed);
        Assert.Equal(blocked, await BlockedMarkedAsync(api.Services));
        // Paced under Telegram's limit: hardly any refusals even across a kill and a restart.
        Assert.True(telegram.Counters.TooManyRequests <= Patients / 1000,
            $"{telegram.Counters.TooManyRequests} sends were answered 429; under 0.1 % may be");
        foreach (var user in users.Where(u => !u.IsBlocked).Take(3))
            Assert.Contains("Весенние скидки", user.Messages[0].Text);
    }

    private static async Task<BroadcastDto> StartBroadcastAsync(HttpClient staff)
    {
        var created = await staff.PostAsJsonAsync("/api/admin/broadcasts/",
            new BroadcastCreateRequest("<b>Весенние скидки</b> на все анализы до 31 мая", ButtonText: "Подробнее", ButtonUrl: "https://example.kz/spring"),
            ClinicJson.Options, Ct);
        created.EnsureSuccessStatusCode();
        var broadcast = (await created.Content.ReadFromJsonAsync<BroadcastDto>(ClinicJson.Options, Ct))!;
        var started = await staff.PostAsJsonAsync($"/api/admin/broadcasts/{broadcast.Id}/start/", new BroadcastStartRequest(), ClinicJson.Options, Ct);
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<BroadcastDto>(ClinicJson.Options, Ct))!;
    }

    private static async Task<BroadcastStatsDto> StatsAsync(HttpClient staff, long id) =>
        (await staff.GetFromJsonAsync<BroadcastDto>($"/api/admin/broadcasts/{id}/", ClinicJson.Options, Ct))!.Stats;

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, BotProcess bot)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
                Assert.Fail($"Timed out after {timeout.TotalMinutes} min waiting for {what}. The bot's last output:\n{bot.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }

    /// <summary>Patients straight into the database (opted in to clinic news), 5,000 per SaveChanges.</summary>
    private static async Task SeedOptedInPatientsAsync(IServiceProvider services)
    {
        var now = DateTime.UtcNow;
        foreach (var chunk in Enumerable.Range(0, Patients).Chunk(5_000))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Patients.AddRange(chunk.Select(i => new Patient
            {
                OrganizationId = 1, TelegramId = FirstTelegramId + i, Language = Language.Ru, NewsOptIn = true, CreatedAtUtc = now, UpdatedAtUtc = now,
            }));
            await db.SaveChangesAsync(Ct);
        }
    }

    private static async Task<int> BlockedMarkedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.Patients.CountAsync(p => p.TelegramId >= FirstTelegramId && p.BotBlockedAtUtc != null, Ct);
    }
}

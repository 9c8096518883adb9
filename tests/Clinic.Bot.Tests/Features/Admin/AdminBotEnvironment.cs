using Clinic.Api.Data;
using Clinic.Api.Features.Patients;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Features.Admin;

/// <summary>The whole system with one clinic administrator in ADMIN_TELEGRAM_IDS, known to both the bot and the API.</summary>
public sealed class AdminBotEnvironment : BotEnvironment
{
    private static long _nextSubscriber = 9_100_000 + Random.Shared.Next(0, 100_000) * 10L;

    private const int Admins = 10;
    private readonly long _firstAdminId = 6_100_000 + Random.Shared.Next(0, 100_000) * 100L;
    private int _adminsUsed;

    private string AdminIds => string.Join(',', Enumerable.Range(0, Admins).Select(i => _firstAdminId + i));

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["ADMIN_TELEGRAM_IDS"] = AdminIds };

    protected override IReadOnlyDictionary<string, string?>? ApiSettings => new Dictionary<string, string?>
    {
        ["ADMIN_TELEGRAM_IDS"] = AdminIds,
        ["PUBLIC_BASE_URL"] = "https://clinic.example",
    };

    /// <summary>
    /// These tests watch the admin's controls move planned rows (pause, resume, cancel), so the bot's outbox sender,
    /// which would deliver or fail those rows meanwhile, does not run here; delivery is tested in BroadcastChainTests.
    /// </summary>
    protected override void ConfigureBot(IServiceCollection services)
    {
        var sender = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
            && d.ImplementationFactory?.Method.DeclaringType?.FullName?.StartsWith("Clinic.Bot.Notifications.NotificationsSetup", StringComparison.Ordinal) == true).ToList();
        Assert.Single(sender);
        services.Remove(sender[0]);
    }

    /// <summary>One of the configured administrators, a different one per call, so each test reads its own chat.</summary>
    public ChatDriver Admin()
    {
        var index = Interlocked.Increment(ref _adminsUsed) - 1;
        if (index >= Admins)
            throw new InvalidOperationException($"Only {Admins} administrators are configured.");
        return new ChatDriver(Telegram.CreateUser(_firstAdminId + index, "Админ", "ru"), "ru");
    }

    /// <summary>Patients who opted in to clinic news (the bot has no screen for it yet), written to the API's database.</summary>
    public async Task SubscribersAsync(int count, Sex sex, bool optIn = true)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        for (var i = 0; i < count; i++)
            db.Patients.Add(new Patient
            {
                OrganizationId = 1, TelegramId = Interlocked.Increment(ref _nextSubscriber), Sex = sex, NewsOptIn = optIn,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
        await db.SaveChangesAsync();
    }

    public async Task<int> SubscriberCountAsync(Sex sex)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.Patients.CountAsync(p => p.NewsOptIn && p.BotBlockedAtUtc == null && p.Sex == sex);
    }

    /// <summary>The outbox rows a broadcast planned, by status.</summary>
    public async Task<Dictionary<OutboxStatus, int>> RowsAsync(long broadcastId)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.OutboxMessages.Where(m => m.BroadcastId == broadcastId && m.Kind == OutboxKinds.Broadcast)
            .GroupBy(m => m.Status).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    /// <summary>What the outbox sender would do: every pending row of the broadcast is sent now.</summary>
    public async Task DeliverAllAsync(long broadcastId)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = DateTime.UtcNow;
        await db.OutboxMessages.Where(m => m.BroadcastId == broadcastId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, now).SetProperty(m => m.UpdatedAtUtc, now));
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Contracts;
using Clinic.Telegram.Fake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// The whole system for one test class: the real API (SQLite, demo clinic), the fake Telegram and the real bot
/// talking to both over HTTP. Polling mode unless a subclass says otherwise.
/// </summary>
public class BotEnvironment : IAsyncLifetime
{
    /// <summary>TELEGRAM_WEBHOOK_SECRET: as long as production requires (the bot runs in the Production environment).</summary>
    public const string WebhookSecret = "test-webhook-secret-0123456789abcdef";

    private static long _nextUserId = 7_000_000 + Random.Shared.Next(0, 1_000_000) * 10L;

    /// <summary>The bot's SQLite conversation store (BOT_STATE_PATH), for a test to read as an auditor would.</summary>
    public string StatePath { get; } = Path.Combine(Path.GetTempPath(), $"clinic-bot-state-{Guid.NewGuid():N}.db");

    public ApiHost Api { get; private set; } = null!;
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public BotHost Bot { get; private set; } = null!;

    protected virtual bool UseWebhook => false;

    /// <summary>Extra settings, e.g. REDIS_HOST for the Redis-backed state.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Extra settings for the clinic API, e.g. a wider change window.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? ApiSettings => null;

    /// <summary>The API's clock; the system clock when null.</summary>
    protected virtual TimeProvider? ApiClock => null;

    /// <summary>The limits the fake Telegram enforces; none by default.</summary>
    protected virtual FakeTelegramOptions? TelegramOptions => null;

    /// <summary>Extra API services, e.g. a trace exporter.</summary>
    protected virtual void ConfigureApi(IServiceCollection services)
    {
    }

    /// <summary>Extra bot services, e.g. a test renderer for the outbox.</summary>
    protected virtual void ConfigureBot(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        Api = await ApiHost.StartAsync(ApiSettings, ApiClock, ConfigureApi);
        Telegram = await FakeTelegramServer.StartAsync(TelegramOptions);
        Bot = await StartBotAsync();
    }

    public async Task RestartBotAsync()
    {
        await Bot.DisposeAsync();
        Bot = await StartBotAsync();
    }

    /// <summary>A new Telegram user speaking <paramref name="languageCode"/>, wrapped with that language's texts.</summary>
    public ChatDriver NewUser(string languageCode = "ru", string firstName = "Айгерим")
    {
        var id = Interlocked.Increment(ref _nextUserId);
        return new ChatDriver(Telegram.CreateUser(id, firstName, languageCode), languageCode);
    }

    /// <summary>A client of the staff API (/api/admin/) as the reception uses it; <paramref name="token"/> null for none.</summary>
    public HttpClient Staff(string? token = ApiHost.StaffToken)
    {
        var client = new HttpClient { BaseAddress = new Uri(Api.Url) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The reception marks a visit (arrived, fulfilled, noshow) through the staff API.</summary>
    public async Task MarkVisitAsync(long appointmentId, AppointmentStatus status)
    {
        using var staff = Staff();
        var marked = await staff.PostAsJsonAsync($"/api/admin/appointments/{appointmentId}/status/", new StaffSetStatusRequest(status),
            ClinicJson.Options, TestContext.Current.CancellationToken);
        Assert.True(marked.IsSuccessStatusCode, await marked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private DateTime? _pastVisitsFrom;
    private int _pastVisits;

    /// <summary>
    /// A booked visit of the patient behind <paramref name="telegramId"/> some days before the API's today (when first
    /// asked), written into the database: the API books nothing in the past. Each call is an hour earlier than the last,
    /// counted from that one moment even if the API's clock moves on, so no two visits of the one doctor it uses overlap.
    /// </summary>
    public Task<long> PastVisitAsync(long telegramId) => QueryAsync(async db =>
    {
        var patient = await db.Patients.SingleAsync(p => p.TelegramId == telegramId);
        var offer = await db.DoctorServices.OrderBy(ds => ds.DoctorId).FirstAsync();
        var branch = await db.DoctorBranches.Where(x => x.DoctorId == offer.DoctorId).Select(x => x.BranchId).FirstAsync();
        var service = await db.Services.SingleAsync(s => s.Id == offer.ServiceId);
        var now = (ApiClock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var from = _pastVisitsFrom ??= new DateTime(now.Year, now.Month, now.Day, 5, 0, 0, DateTimeKind.Utc).AddDays(-3);
        var visit = new Appointment
        {
            OrganizationId = patient.OrganizationId, PatientId = patient.Id, DoctorId = offer.DoctorId, BranchId = branch,
            ServiceId = service.Id, Status = AppointmentStatus.Booked, CreatedAtUtc = now.AddDays(-10), UpdatedAtUtc = now.AddDays(-10),
        };
        var start = from.AddHours(-Interlocked.Increment(ref _pastVisits));
        visit.SetTimes(start, service);
        db.Appointments.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    });

    /// <summary>Reads the API's database directly, as an auditor would, after the HTTP calls.</summary>
    public async Task<T> QueryAsync<T>(Func<ClinicDbContext, Task<T>> query)
    {
        using var scope = Api.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
    }

    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = Telegram.Token,
            ["TELEGRAM_API_URL"] = Telegram.BaseUrl,
            ["DJANGO_API_URL"] = Api.Url,
            ["TELEGRAM_BOT_API_SECRET"] = ApiHost.Secret,
            ["BOT_STATE_PATH"] = StatePath,
            ["USE_WEBHOOK"] = UseWebhook ? "true" : "false",
            ["TELEGRAM_WEBHOOK_SECRET"] = WebhookSecret,
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private Task<BotHost> StartBotAsync() => BotHost.StartAsync(Settings(), ConfigureBot);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Telegram.DisposeAsync();
        await Api.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class WebhookBotEnvironment : BotEnvironment
{
    protected override bool UseWebhook => true;
}

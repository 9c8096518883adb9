using Clinic.Api.Data;
using Clinic.Api.Features.Outbox;
using Clinic.Api.Features.Patients;
using Clinic.Bot.Notifications;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Clinic.Telegram.Fake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace Clinic.Bot.Tests.Notifications;

/// <summary>
/// The whole system with a fake Telegram that enforces Telegram's limits (30 messages/s, 1 per chat per second)
/// and a "test_note" renderer, so the sender can be watched on plain numbered notes.
/// </summary>
public class OutboxTestEnvironment : BotEnvironment
{
    public const string NoteKind = "test_note";

    /// <summary>A note whose renderer takes <see cref="SlowNoteDelay"/> before it sends: longer than a short lease.</summary>
    public const string SlowNoteKind = "test_slow_note";

    public static readonly TimeSpan SlowNoteDelay = TimeSpan.FromSeconds(10);

    protected override FakeTelegramOptions? TelegramOptions => new() { GlobalMessagesPerSecond = 30, PerChatMessagesPerSecond = 1 };

    protected override void ConfigureBot(IServiceCollection services) => AddNoteRenderers(services);

    protected static void AddNoteRenderers(IServiceCollection services)
    {
        services.AddSingleton<IOutboxRenderer>(new NoteRenderer(NoteKind, TimeSpan.Zero));
        services.AddSingleton<IOutboxRenderer>(new NoteRenderer(SlowNoteKind, SlowNoteDelay));
    }

    public OutboxSender Sender => Bot.Services.GetRequiredService<OutboxSender>();

    /// <summary>A Telegram user who is a (not yet registered) patient of the clinic.</summary>
    public async Task<FakeUser> NewPatientAsync(Language language = Language.Ru)
    {
        var user = NewUser(language.ToString().ToLowerInvariant()).User;
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        db.Patients.Add(new Patient
        {
            OrganizationId = 1, TelegramId = user.Id, Language = language, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user;
    }

    /// <summary>Plans messages the way features do (Outbox.Enqueue in one unit of work), due now; returns the row ids in order.</summary>
    public async Task<List<long>> EnqueueAsync(IEnumerable<(FakeUser User, string Text)> notes, string kind = NoteKind)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = DateTimeOffset.UtcNow;
        var rows = new List<OutboxMessage>();
        foreach (var (user, text) in notes)
        {
            var patient = await db.Patients.SingleAsync(p => p.TelegramId == user.Id, TestContext.Current.CancellationToken);
            rows.Add(Outbox.Enqueue(db, patient.OrganizationId, patient.Id, kind, new { text }, now, now));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>A note for a patient row whose telegram_id is <paramref name="telegramId"/>, whatever chat that is; returns the row id.</summary>
    public async Task<long> EnqueueForAsync(long telegramId, string text)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var patient = new Patient { OrganizationId = 1, TelegramId = telegramId, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
        db.Patients.Add(patient);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var row = Outbox.Enqueue(db, patient.OrganizationId, patient.Id, NoteKind, new { text }, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return row.Id;
    }

    public async Task<OutboxMessage> RowAsync(long id)
    {
        using var scope = Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Patient).SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends the payload's text as it is, after <paramref name="delay"/> (a renderer that asks the API for slow data).</summary>
    private sealed class NoteRenderer(string kind, TimeSpan delay) : IOutboxRenderer
    {
        public string Kind => kind;

        public async Task<int> SendAsync(OutboxSend send, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, cancellationToken);
            var text = send.Item.Payload.GetProperty("text").GetString()!;
            var message = await send.Bot.SendMessage(send.Item.TelegramId, text, cancellationToken: cancellationToken);
            return message.MessageId;
        }
    }
}

/// <summary>The same, with the sender set four times faster than the fake Telegram allows: it must meet 429s.</summary>
public sealed class FloodingOutboxEnvironment : OutboxTestEnvironment
{
    protected override FakeTelegramOptions? TelegramOptions => new() { GlobalMessagesPerSecond = 10, PerChatMessagesPerSecond = 1 };

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["OUTBOX_RATE_PER_SECOND"] = "40" };
}

/// <summary>
/// The same, with leases of 6 s: shorter than a slow renderer takes (10 s), so only their extension (every 2 s, leaving
/// 4 s for an extension to arrive on a busy machine) keeps a row the sender's.
/// </summary>
public sealed class ShortLeaseOutboxEnvironment : OutboxTestEnvironment
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["OUTBOX_LEASE_SECONDS"] = "6" };
}

/// <summary>
/// The bot against an API that has only the one-result route (as an older clinic API would): the batch and lease routes
/// answer 404 before they reach the API, and the requests the bot made to them are counted.
/// </summary>
public sealed class OlderApiOutboxEnvironment : OutboxTestEnvironment
{
    public int BatchRequests => _routes.BatchRequests;

    public int ExtendRequests => _routes.ExtendRequests;

    private readonly WithoutNewOutboxRoutes _routes = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["OUTBOX_LEASE_SECONDS"] = "6" };

    protected override void ConfigureBot(IServiceCollection services)
    {
        AddNoteRenderers(services);
        services.AddHttpClient<Clinic.Bot.ClinicApi.ClinicApiClient>().AddHttpMessageHandler(() => new RouteFilter(_routes));
    }

    private sealed class WithoutNewOutboxRoutes
    {
        public int BatchRequests;
        public int ExtendRequests;
    }

    private sealed class RouteFilter(WithoutNewOutboxRoutes counts) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == OutboxRoutes.Results)
                Interlocked.Increment(ref counts.BatchRequests);
            else if (path.StartsWith("/api/bot/outbox/leases/", StringComparison.Ordinal))
                Interlocked.Increment(ref counts.ExtendRequests);
            else
                return base.SendAsync(request, cancellationToken);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"code":"not_found","message":"No such route."}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}

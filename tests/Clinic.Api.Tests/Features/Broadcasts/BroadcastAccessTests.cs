using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Broadcasts;

/// <summary>
/// Who may reach broadcasts: staff with ADMIN_API_TOKEN under /api/admin, and through the bot only Telegram users in
/// ADMIN_TELEGRAM_IDS under /api/bot/admin. Everyone else gets an error and no data.
/// </summary>
public abstract class BroadcastAccessTests(ClinicApp app) : BroadcastTest(app)
{
    private const string BotAdmin = "/api/bot/admin";

    /// <summary>Every admin endpoint, as (method, path without the prefix).</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/broadcasts/" },
        { "POST", "/broadcasts/" },
        { "POST", "/broadcasts/audience/" },
        { "GET", "/broadcasts/summary/" },
        { "GET", "/broadcasts/1/" },
        { "GET", "/broadcasts/1/analytics/" },
        { "POST", "/broadcasts/1/start/" },
        { "POST", "/broadcasts/1/pause/" },
        { "POST", "/broadcasts/1/resume/" },
        { "POST", "/broadcasts/1/cancel/" },
        { "GET", "/overview/" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? RawJson("""{"text":"<b>hi</b>","segment":{}}""") : null,
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TheStaffSideRefusesCallersWithoutTheStaffToken(string method, string path)
    {
        var anonymous = await App.Anonymous.SendAsync(Request(method, "/api/admin" + path), Cancel);
        var withBotSecret = await App.Api.SendAsync(Request(method, "/api/admin" + path), Cancel);

        await AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await AssertErrorAsync(withBotSecret, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task TheBotAdminSideRefusesTelegramUsersWhoAreNotAdministrators(string method, string path)
    {
        var notAdmin = await App.Api.SendAsync(Request(method, $"{BotAdmin}{path}?telegram_id={AdminApp.NotAdminTelegramId}"), Cancel);
        var nobody = await App.Api.SendAsync(Request(method, $"{BotAdmin}{path}"), Cancel);
        var withoutBotSecret = await App.Anonymous.SendAsync(Request(method, $"{BotAdmin}{path}?telegram_id={AdminApp.AdminTelegramId}"), Cancel);
        var staffToken = await App.Staff.SendAsync(Request(method, $"{BotAdmin}{path}?telegram_id={AdminApp.AdminTelegramId}"), Cancel);

        await AssertErrorAsync(notAdmin, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await AssertErrorAsync(nobody, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await AssertErrorAsync(withoutBotSecret, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        await AssertErrorAsync(staffToken, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task AnAdministratorThroughTheBotDraftsAndStartsABroadcastSignedWithTheirTelegramId()
    {
        await Population.SubscribersAsync(App, 4);
        var admin = AdminApp.AdminTelegramId;

        var created = await App.Api.PostAsJsonAsync(BroadcastRoutes.BotBroadcasts(admin), new BroadcastCreateRequest("<b>Новости</b>", CreatedBy: "someone else"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await ReadAsync<BroadcastDto>(created);
        Assert.Equal($"telegram:{admin}", draft.CreatedBy);

        var audience = await App.Api.PostAsJsonAsync(BroadcastRoutes.BotAudience(admin), new AudiencePreviewRequest(null), ClinicJson.Options, Cancel);
        var count = (await ReadAsync<AudiencePreviewDto>(audience)).Count;
        var started = await App.Api.PostAsJsonAsync(BroadcastRoutes.BotBroadcastAction(draft.Id, "start", admin), new BroadcastStartRequest(), ClinicJson.Options, Cancel);
        Assert.Equal(count, (await ReadAsync<BroadcastDto>(started)).Stats.Audience);
        Assert.Equal(count, (await RowsAsync(draft.Id)).Count);

        var list = await App.Api.GetFromJsonAsync<BroadcastListResponse>(BroadcastRoutes.BotBroadcasts(admin), ClinicJson.Options, Cancel);
        Assert.Contains(list!.Items, b => b.Id == draft.Id);
    }

    [Fact]
    public async Task TheOverviewCountsPatientsAndThisWeeksBookingsAndCancellations()
    {
        var before = (await App.Staff.GetFromJsonAsync<ClinicOverviewDto>("/api/admin/overview/", ClinicJson.Options, Cancel))!;
        var patient = await RegisterPatientAsync();
        var kept = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 10), Clinic.AlphaId);
        var dropped = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 11), Clinic.BetaId);
        var cancel = await App.Api.PostAsJsonAsync(Routes.AppointmentCancel(dropped.Id), new { telegram_id = patient }, ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var after = (await App.Api.GetFromJsonAsync<ClinicOverviewDto>(BroadcastRoutes.BotOverview(AdminApp.AdminTelegramId), ClinicJson.Options, Cancel))!;

        Assert.Equal(before.Patients + 1, after.Patients);
        Assert.Equal(before.BookingsThisWeek + 2, after.BookingsThisWeek);
        Assert.Equal(before.CancellationsThisWeek + 1, after.CancellationsThisWeek);
        Assert.Equal(new DateOnly(2026, 6, 1), after.WeekStart);
        Assert.NotEqual(kept.Id, dropped.Id);
    }
}

public sealed class BroadcastAccessOnSqliteTests(AdminSqliteApp app) : BroadcastAccessTests(app), IClassFixture<AdminSqliteApp>;

public sealed class BroadcastAccessOnPostgresTests(AdminPostgresApp app) : BroadcastAccessTests(app), IClassFixture<AdminPostgresApp>;

using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Broadcasts;

/// <summary>Each segment filter on <see cref="Population"/>: who is counted, and that a start plans exactly those.</summary>
public abstract class BroadcastAudienceTests(ClinicApp app) : BroadcastTest(app)
{
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static readonly Dictionary<ClinicApp, Population> Seeded = [];

    private async Task<Population> PopulationAsync()
    {
        await SeedLock.WaitAsync(Cancel);
        try
        {
            if (!Seeded.TryGetValue(App, out var population))
                Seeded[App] = population = await Population.SeedAsync(App);
            return population;
        }
        finally { SeedLock.Release(); }
    }

    private async Task<long[]> PlannedPatientsAsync(BroadcastSegment segment)
    {
        var broadcast = await CreateAsync(segment);
        var started = await ActOkAsync(broadcast.Id, "start");
        var rows = await RowsAsync(broadcast.Id);
        Assert.Equal(rows.Count, started.Stats.Audience);
        return [.. rows.Select(r => r.PatientId).Order()];
    }

    private static readonly Dictionary<string, (BroadcastSegment Segment, string[] Expected)> Cases = new()
    {
        ["everyone"] = (new BroadcastSegment(), ["Aigerim", "Berik", "Clara", "Daulet"]),
        ["Russian speakers"] = (new BroadcastSegment(Languages: [Language.Ru]), ["Aigerim", "Daulet"]),
        ["Kazakh or English speakers"] = (new BroadcastSegment(Languages: [Language.Kk, Language.En]), ["Berik", "Clara"]),
        ["women"] = (new BroadcastSegment(Sex: Sex.Female), ["Aigerim", "Clara"]),
        ["aged 36 to 70, Aigerim turning 36 today"] = (new BroadcastSegment(AgeFrom: 36, AgeTo: 70), ["Aigerim", "Clara"]),
        ["aged up to 35"] = (new BroadcastSegment(AgeTo: 35), ["Berik"]),
        ["aged 37 or more"] = (new BroadcastSegment(AgeFrom: 37), ["Clara"]),
        ["with an upcoming visit"] = (new BroadcastSegment(HasUpcomingAppointment: true), ["Aigerim"]),
        ["without an upcoming visit"] = (new BroadcastSegment(HasUpcomingAppointment: false), ["Berik", "Clara", "Daulet"]),
        ["registered since 1 Feb in Almaty time"] = (new BroadcastSegment(RegisteredSince: new DateOnly(2026, 2, 1)), ["Berik", "Daulet"]),
        ["last visit before 2026"] = (new BroadcastSegment(LastVisitBefore: new DateOnly(2026, 1, 1)), ["Clara"]),
        ["last visit since 1 May"] = (new BroadcastSegment(LastVisitAfter: new DateOnly(2026, 5, 1)), ["Berik", "Daulet"]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ASegmentCountsExactlyItsPatientsAndAStartPlansThem(string segmentName)
    {
        var population = await PopulationAsync();
        var (segment, expected) = Cases[segmentName];

        Assert.Equal(expected.Length, await PreviewAsync(segment));
        Assert.Equal(Ids(population, expected), await PlannedPatientsAsync(segment));
    }

    [Fact]
    public async Task VisitFiltersLookAtBranchServiceAndDoctorOfAttendedOrPastVisits()
    {
        var p = await PopulationAsync();
        var c = Clinic;

        Assert.Equal(Ids(p, "Aigerim", "Clara", "Daulet"), await PlannedPatientsAsync(new BroadcastSegment(BranchId: c.AlmatyId)));
        Assert.Equal(Ids(p, "Berik"), await PlannedPatientsAsync(new BroadcastSegment(BranchId: c.AstanaId)));
        Assert.Equal(Ids(p, "Clara"), await PlannedPatientsAsync(new BroadcastSegment(ServiceId: c.UltrasoundId)));
        Assert.Equal(Ids(p, "Aigerim", "Clara"), await PlannedPatientsAsync(new BroadcastSegment(DoctorId: c.AlphaId)));
        // Daulet's booking with Beta has passed without a mark: it still counts as a visit.
        Assert.Equal(Ids(p, "Daulet"), await PlannedPatientsAsync(new BroadcastSegment(DoctorId: c.BetaId)));
        Assert.Equal(2, await PreviewAsync(new BroadcastSegment(Languages: [Language.Ru], BranchId: c.AlmatyId)));
    }

    [Fact]
    public async Task PatientsWhoOptedOutOrBlockedTheBotAreNeverInAnAudience()
    {
        var p = await PopulationAsync();

        var planned = await PlannedPatientsAsync(new BroadcastSegment(BranchId: Clinic.AlmatyId));

        Assert.DoesNotContain(p.Erlan, planned);
        Assert.DoesNotContain(p.Farida, planned);
        Assert.Equal(0, await PreviewAsync(new BroadcastSegment(DoctorId: Clinic.BetaId, HasUpcomingAppointment: true)));
    }

    [Fact]
    public async Task AnImpossibleSegmentIsRefusedWithTheFieldsNamed()
    {
        await PopulationAsync();

        var response = await App.Staff.PostAsJsonAsync(Prefix + "audience/",
            new AudiencePreviewRequest(new BroadcastSegment(BranchId: 999_999, AgeFrom: 40, AgeTo: 30)), ClinicJson.Options, Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("segment.branch_id", error.Errors!.Keys);
        Assert.Contains("segment.age_to", error.Errors!.Keys);
    }

    private static long[] Ids(Population p, params string[] names) =>
    [
        .. names.Select(n => n switch
        {
            "Aigerim" => p.Aigerim, "Berik" => p.Berik, "Clara" => p.Clara, "Daulet" => p.Daulet,
            _ => throw new ArgumentException(n),
        }).Order(),
    ];
}

public sealed class BroadcastAudienceOnSqliteTests(AdminSqliteApp app) : BroadcastAudienceTests(app), IClassFixture<AdminSqliteApp>;

public sealed class BroadcastAudienceOnPostgresTests(AdminPostgresApp app) : BroadcastAudienceTests(app), IClassFixture<AdminPostgresApp>;

using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Catalog;

/// <summary>What a fresh install shows: the demo clinic seeded into an empty database.</summary>
public abstract class DemoSeedTests(ClinicApp app) : ApiTest(app)
{
    private static readonly char[] KazakhLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі".ToCharArray();

    [Fact]
    public async Task TheDemoClinicHasThreeBranchesInAlmatyAndAstanaNamedInRussianAndKazakh()
    {
        var branches = await Api.GetFromJsonAsync<List<BranchDto>>(Routes.Branches, ClinicJson.Options, Cancel);

        Assert.Equal(3, branches!.Count);
        Assert.Equal(2, branches.Count(b => b.Address.Contains("Алматы")));
        Assert.Single(branches, b => b.Address.Contains("Астана"));
        Assert.All(branches, b => Assert.True(b.NameKk.IndexOfAny(KazakhLetters) >= 0, b.NameKk));
    }

    [Fact]
    public async Task TheDemoServicesHaveRealisticTengePricesInTiyn()
    {
        var services = await Api.GetFromJsonAsync<List<ServiceDto>>(Routes.Services, ClinicJson.Options, Cancel);

        Assert.InRange(services!.Count, 12, 20);
        Assert.All(services, s =>
        {
            Assert.InRange(s.PriceTiyn, 1_000_00, 50_000_00);
            Assert.Equal(0, s.PriceTiyn % 100);
        });
        Assert.True(services.Count(s => s.NameKk.IndexOfAny(KazakhLetters) >= 0) >= services.Count / 2, "most Kazakh names use Kazakh letters");
    }

    [Fact]
    public async Task TheDemoCatalogAlsoHasEnglishNamesForPatientsWhoReadEnglish()
    {
        var branches = await Api.GetFromJsonAsync<List<BranchDto>>(Routes.Branches, ClinicJson.Options, Cancel);
        var services = await Api.GetFromJsonAsync<List<ServiceDto>>(Routes.Services, ClinicJson.Options, Cancel);
        var doctors = await Api.GetFromJsonAsync<List<DoctorDto>>(Routes.Doctors, ClinicJson.Options, Cancel);

        Assert.Contains(branches!, b => b.NameEn == "Abay Avenue Clinic");
        Assert.Contains(services!, s => s is { NameEn: "General practitioner visit", CategoryEn: "Consultations" });
        Assert.Contains(doctors!, d => d.SpecialtyEn == "Cardiologist");
        var english = branches!.Select(b => b.NameEn).Concat(services!.Select(s => s.NameEn)).Concat(doctors!.Select(d => d.SpecialtyEn));
        Assert.All(english, name => Assert.False(string.IsNullOrWhiteSpace(name) || name.Any(c => c is >= 'А' and <= 'я'), name));
    }

    [Fact]
    public async Task EveryDemoDoctorHasFreeSlotsInTheComingWeek()
    {
        var doctors = await Api.GetFromJsonAsync<List<DoctorDto>>(Routes.Doctors, ClinicJson.Options, Cancel);
        Assert.InRange(doctors!.Count, 8, 12);
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

        foreach (var doctor in doctors)
        {
            var total = 0;
            foreach (var branchId in doctor.BranchIds)
            {
                var slots = await Api.GetFromJsonAsync<SlotSearchResponse>(
                    $"{Routes.Slots}?branch_id={branchId}&service_id={doctor.ServiceIds[0]}&doctor_id={doctor.Id}&from={today:yyyy-MM-dd}&to={today.AddDays(7):yyyy-MM-dd}",
                    ClinicJson.Options, Cancel);
                total += slots!.Days.Sum(d => d.FreeSlots);
            }
            Assert.True(total > 0, $"{doctor.FullName} has no free slots");
        }
    }
}

public sealed class DemoSeedOnSqliteTests(DemoSqliteApp app) : DemoSeedTests(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoSeedOnPostgresTests(DemoPostgresApp app) : DemoSeedTests(app), IClassFixture<DemoPostgresApp>;

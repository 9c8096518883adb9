using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Catalog;

public abstract class CatalogTests(ClinicApp app) : ApiTest(app)
{
    [Fact]
    public async Task BranchesListEveryActiveBranchWithItsTimeZone()
    {
        var branches = await Api.GetFromJsonAsync<List<BranchDto>>(Routes.Branches, ClinicJson.Options, Cancel);

        Assert.Equal([Clinic.AlmatyId, Clinic.AstanaId], branches!.Select(b => b.Id));
        Assert.All(branches!, b => Assert.Equal("Asia/Almaty", b.TimeZone));
    }

    [Fact]
    public async Task ServicesOfABranchAreOnlyThoseItsDoctorsProvide()
    {
        var all = await Api.GetFromJsonAsync<List<ServiceDto>>(Routes.Services, ClinicJson.Options, Cancel);
        var almaty = await Api.GetFromJsonAsync<List<ServiceDto>>($"{Routes.Services}?branch_id={Clinic.AlmatyId}", ClinicJson.Options, Cancel);
        var astana = await Api.GetFromJsonAsync<List<ServiceDto>>($"{Routes.Services}?branch_id={Clinic.AstanaId}", ClinicJson.Options, Cancel);

        Assert.Equal(3, all!.Count);
        Assert.Equal([Clinic.ConsultationId, Clinic.UltrasoundId], almaty!.Select(s => s.Id));
        Assert.Equal([Clinic.MassageId], astana!.Select(s => s.Id));
        Assert.Equal(900_000, almaty![0].PriceTiyn);
    }

    [Fact]
    public async Task DoctorsAreFilteredByBranchAndService()
    {
        var consult = await Api.GetFromJsonAsync<List<DoctorDto>>($"{Routes.Doctors}?branch_id={Clinic.AlmatyId}&service_id={Clinic.ConsultationId}", ClinicJson.Options, Cancel);
        var ultrasound = await Api.GetFromJsonAsync<List<DoctorDto>>($"{Routes.Doctors}?service_id={Clinic.UltrasoundId}", ClinicJson.Options, Cancel);
        var astana = await Api.GetFromJsonAsync<List<DoctorDto>>($"{Routes.Doctors}?branch_id={Clinic.AstanaId}", ClinicJson.Options, Cancel);

        Assert.Equal([Clinic.AlphaId, Clinic.BetaId], consult!.Select(d => d.Id));
        var alpha = Assert.Single(ultrasound!);
        Assert.Equal([Clinic.ConsultationId, Clinic.UltrasoundId], alpha.ServiceIds);
        Assert.Equal([Clinic.AlmatyId], alpha.BranchIds);
        Assert.Equal([Clinic.GammaId], astana!.Select(d => d.Id));
    }

    [Theory]
    [InlineData("/api/bot/services/?branch_id=999999")]
    [InlineData("/api/bot/doctors/?branch_id=999999")]
    [InlineData("/api/bot/doctors/?service_id=999999")]
    public async Task AnUnknownBranchOrServiceIsNotFound(string url)
    {
        var response = await Api.GetAsync(url, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Theory]
    [InlineData("/api/bot/services/?branch_id=abc")]
    [InlineData("/api/bot/doctors/?service_id=1.5")]
    public async Task AFilterOfTheWrongTypeIsABadRequest(string url)
    {
        var response = await Api.GetAsync(url, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }
}

public sealed class CatalogOnSqliteTests(SqliteApp app) : CatalogTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogOnPostgresTests(PostgresApp app) : CatalogTests(app), IClassFixture<PostgresApp>;

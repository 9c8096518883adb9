using System.Net;
using System.Net.Http.Headers;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Infrastructure;

public abstract class AuthAndErrorsTests(ClinicApp app) : ApiTest(app)
{
    [Theory]
    [InlineData("GET", "/api/bot/branches/")]
    [InlineData("GET", "/api/bot/patient/by-telegram/1/")]
    [InlineData("POST", "/api/bot/patient/upsert/")]
    [InlineData("POST", "/api/bot/appointments/")]
    [InlineData("GET", "/api/bot/slots/?branch_id=1&service_id=1&date=2026-06-03")]
    public async Task EveryBotRouteWithoutTheSecretIs401(string method, string url)
    {
        var response = await App.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = RawJson("{bad") }, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer wrong-secret")]
    [InlineData("Bearer test-secret-for-the-bot-and-more")]
    [InlineData("Basic dGVzdA==")]
    [InlineData("test-secret-for-the-bot")]
    public async Task AWrongOrMalformedAuthorizationHeaderIs401(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Routes.Branches);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await App.Anonymous.SendAsync(request, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task TheRightSecretIsAccepted()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Routes.Branches);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ClinicApp.Secret);

        var response = await App.Anonymous.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/bot/nothing-here/")]
    [InlineData("/somewhere/else")]
    [InlineData("/api/bot/patient/by-telegram/not-a-number/")]
    public async Task AnUnknownRouteIsA404Json(string url)
    {
        var response = await Api.GetAsync(url, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Theory]
    [InlineData("/api/bot/slots/?branch_id=abc&service_id=1&date=2026-06-10", "branch_id", "Has the wrong type or format.")]
    [InlineData("/api/bot/slots/?branch_id=1&date=2026-06-10", "service_id", "Required.")]
    [InlineData("/api/bot/appointments/my/?telegram_id=12abc", "telegram_id", "Has the wrong type or format.")]
    public async Task AQueryParameterProblemNamesTheField(string url, string field, string problem)
    {
        var response = await Api.GetAsync(url, Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Equal([problem], error.Errors![field]);
    }

    [Fact]
    public async Task AMissingBodyOrANonJsonBodyIsInvalidJson()
    {
        var empty = await Api.PostAsync(Routes.PatientVerifyIin, RawJson(""), Cancel);
        var text = await Api.PostAsync(Routes.PatientVerifyIin, new StringContent("iin=900101300007"), Cancel);

        await AssertErrorAsync(empty, HttpStatusCode.BadRequest, ErrorCodes.InvalidJson);
        await AssertErrorAsync(text, HttpStatusCode.UnsupportedMediaType, ErrorCodes.InvalidJson);
    }

    [Fact]
    public async Task AWrongMethodIsA405Json()
    {
        var response = await Api.DeleteAsync(Routes.Branches, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task TheOpenApiDocumentAndScalarUiAreServedWithoutTheSecret()
    {
        var document = await App.Anonymous.GetAsync("/openapi/v1.json", Cancel);
        var ui = await App.Anonymous.GetAsync("/scalar/", Cancel);

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/bot/appointments/", await document.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}

public sealed class AuthAndErrorsOnSqliteTests(SqliteApp app) : AuthAndErrorsTests(app), IClassFixture<SqliteApp>;

public sealed class AuthAndErrorsOnPostgresTests(PostgresApp app) : AuthAndErrorsTests(app), IClassFixture<PostgresApp>;

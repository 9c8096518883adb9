using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>Input that broke handlers once (500s found by a security review) is answered 4xx with the error JSON.</summary>
public abstract class BadInputTests(ClinicApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_batch_of_outbox_results_holding_null_is_a_400_naming_the_field()
    {
        var response = await Api.PostAsync(OutboxRoutes.Results, RawJson("""{"results":[null]}"""), Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Equal(["results"], error.Errors!.Keys);
    }

    [Theory]
    [InlineData("?from=0001-01-01")]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=0001-01-01&to=9999-12-31")]
    [InlineData("?from=9999-12-31")]
    public async Task An_NPS_report_for_dates_at_the_ends_of_the_calendar_is_answered(string query)
    {
        var response = await App.Staff.GetAsync(FeedbackRoutes.StaffNps + query, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await ReadAsync<NpsReportDto>(response)).Total.Responses);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"99\"")]
    [InlineData("-1")]
    public async Task A_language_the_enum_does_not_define_is_refused_and_not_stored(string language)
    {
        var telegramId = await RegisterPatientAsync();

        var response = await Api.PostAsync(Routes.PatientUpsert, RawJson($$"""{"telegram_id":{{telegramId}},"language":{{language}}}"""), Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Equal(["language"], error.Errors!.Keys);
        var patient = await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(telegramId), ClinicJson.Options, Cancel);
        Assert.Equal(Language.Ru, patient!.Language);
    }

    [Fact]
    public async Task A_new_patient_with_an_undefined_language_is_not_created()
    {
        var telegramId = NewTelegramId();

        var response = await Api.PostAsync(Routes.PatientUpsert, RawJson($$"""{"telegram_id":{{telegramId}},"language":7}"""), Cancel);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(Routes.PatientByTelegram(telegramId), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_defined_language_given_by_name_or_number_is_still_accepted()
    {
        var telegramId = await RegisterPatientAsync();

        var byName = await Api.PostAsync(Routes.PatientUpsert, RawJson($$"""{"telegram_id":{{telegramId}},"language":"kk"}"""), Cancel);
        var byNumber = await Api.PostAsync(Routes.PatientUpsert, RawJson($$"""{"telegram_id":{{telegramId}},"language":2}"""), Cancel);

        Assert.Equal(Language.Kk, (await ReadAsync<PatientDto>(byName)).Language);
        Assert.Equal(Language.En, (await ReadAsync<PatientDto>(byNumber)).Language);
    }
}

public sealed class BadInputOnSqliteTests(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputOnPostgresTests(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;

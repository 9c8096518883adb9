using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Data;
using Clinic.Api.Features.Patients;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Patients;

public abstract class PatientsTests(ClinicApp app) : ApiTest(app)
{
    [Fact]
    public async Task UpsertingANewPatientNormalisesThePhoneAndDerivesBirthDateAndSexFromTheIin()
    {
        var telegramId = NewTelegramId();
        var iin = TestIins.Next();

        var response = await Api.PostAsJsonAsync(Routes.PatientUpsert,
            new PatientUpsertRequest(telegramId, iin, "  Ахметова Әсел  ", "8 (701) 555-12-34", Language.Kk, "2024-01"), ClinicJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patient = await ReadAsync<PatientDto>(response);
        Assert.Equal("+77015551234", patient.Phone);
        Assert.Equal(new DateOnly(1990, 1, 1), patient.BirthDate);
        Assert.Equal(Sex.Male, patient.Sex);
        Assert.Equal("Ахметова Әсел", patient.FullName);
        Assert.Equal(Language.Kk, patient.Language);
        Assert.Equal(App.Clock.GetUtcNow(), patient.ConsentAt);
        Assert.True(patient.IsRegistered);
    }

    [Fact]
    public async Task APatientWithoutConsentPhoneAndIinIsNotRegisteredUntilTheyAreGiven()
    {
        var telegramId = NewTelegramId();
        var first = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(telegramId, FullName: "Иван"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False((await ReadAsync<PatientDto>(first)).IsRegistered);

        var second = await Api.PostAsJsonAsync(Routes.PatientUpsert,
            new PatientUpsertRequest(telegramId, TestIins.Next(), Phone: "+7 777 123 4567", ConsentVersion: "v1"), ClinicJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var patient = await ReadAsync<PatientDto>(second);
        Assert.Equal("Иван", patient.FullName);
        Assert.True(patient.IsRegistered);
    }

    [Theory]
    [InlineData("900101300008")]
    [InlineData("12345")]
    [InlineData("90010130000a")]
    [InlineData("901301300007")]
    public async Task AnInvalidIinIsRejectedWithAFieldError(string iin)
    {
        var response = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(NewTelegramId(), iin), ClinicJson.Options, Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("iin", error.Errors!.Keys);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("+1 202 555 0100 000")]
    [InlineData("not a phone")]
    public async Task AnInvalidPhoneIsRejectedWithAFieldError(string phone)
    {
        var response = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(NewTelegramId(), Phone: phone), ClinicJson.Options, Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("phone", error.Errors!.Keys);
    }

    [Fact]
    public async Task AnIinAlreadyUsedByAnotherPatientIsAConflict()
    {
        var iin = TestIins.Next();
        var first = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(NewTelegramId(), iin), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(NewTelegramId(), iin), ClinicJson.Options, Cancel);

        await AssertErrorAsync(second, HttpStatusCode.Conflict, ErrorCodes.IinTaken);
    }

    [Fact]
    public async Task APatientIsFoundByTelegramIdAndAnUnknownOneIsPatientNotFound()
    {
        var telegramId = await RegisterPatientAsync();

        var found = await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(telegramId), ClinicJson.Options, Cancel);
        var missing = await Api.GetAsync(Routes.PatientByTelegram(NewTelegramId()), Cancel);

        Assert.Equal(telegramId, found!.TelegramId);
        await AssertErrorAsync(missing, HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
    }

    [Fact]
    public async Task VerifyIinReportsValidityBirthDateSexAndWhetherThePatientExists()
    {
        var iin = TestIins.Next();
        var asker = NewTelegramId();
        var before = await Api.PostAsJsonAsync(Routes.PatientVerifyIin, new VerifyIinRequest(iin, asker), ClinicJson.Options, Cancel);
        await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(NewTelegramId(), iin), ClinicJson.Options, Cancel);
        var after = await Api.PostAsJsonAsync(Routes.PatientVerifyIin, new VerifyIinRequest(iin, asker), ClinicJson.Options, Cancel);
        var invalid = await Api.PostAsJsonAsync(Routes.PatientVerifyIin, new VerifyIinRequest("900101300008", asker), ClinicJson.Options, Cancel);

        Assert.Equal(new VerifyIinResponse(iin, true, new DateOnly(1990, 1, 1), Sex.Male, false), await ReadAsync<VerifyIinResponse>(before));
        Assert.True((await ReadAsync<VerifyIinResponse>(after)).PatientExists);
        var bad = await ReadAsync<VerifyIinResponse>(invalid);
        Assert.False(bad.Valid);
        Assert.Equal("checksum", bad.Reason);
    }

    [Fact]
    public async Task ATelegramUserGetsTenIinLookupsAnHourThenA429UntilTheHourIsOver()
    {
        var asker = NewTelegramId();
        for (var i = 0; i < IinAttempts.PerWindow; i++)
            Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(TestIins.Next(), asker)).StatusCode);

        await AssertErrorAsync(await VerifyAsync(TestIins.Next(), asker), HttpStatusCode.TooManyRequests, ErrorCodes.TooManyIinAttempts);
        var save = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(asker, TestIins.Next()), ClinicJson.Options, Cancel);
        await AssertErrorAsync(save, HttpStatusCode.TooManyRequests, ErrorCodes.TooManyIinAttempts);
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(TestIins.Next(), NewTelegramId())).StatusCode);

        App.Clock.Advance(IinAttempts.Window);
        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(TestIins.Next(), asker)).StatusCode);
    }

    [Fact]
    public async Task AnIinLookupCountIsForgottenOnceItsHourIsOver()
    {
        var asker = NewTelegramId();
        await VerifyAsync(TestIins.Next(), asker);
        Assert.Equal(1, await IinAttemptRowsAsync(asker));

        App.Clock.Advance(IinAttempts.Window);
        await VerifyAsync(TestIins.Next(), NewTelegramId());

        Assert.Equal(0, await IinAttemptRowsAsync(asker));
    }

    private async Task<int> IinAttemptRowsAsync(long telegramId)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().IinAttempts.CountAsync(a => a.TelegramId == telegramId, Cancel);
    }

    [Fact]
    public async Task ConcurrentIinLookupsOfOneUserNeverGetPastTheLimit()
    {
        var asker = NewTelegramId();

        var responses = await Task.WhenAll(Enumerable.Range(0, IinAttempts.PerWindow + 10).Select(_ => VerifyAsync(TestIins.Next(), asker)));

        Assert.Equal(IinAttempts.PerWindow, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task InvalidIinsAndTheUsersOwnIinTakeNoLookup()
    {
        var asker = await RegisterPatientAsync();
        var own = (await Api.GetFromJsonAsync<PatientDto>(Routes.PatientByTelegram(asker), ClinicJson.Options, Cancel))!.Iin!;

        for (var i = 0; i < IinAttempts.PerWindow + 5; i++)
        {
            Assert.False((await ReadAsync<VerifyIinResponse>(await VerifyAsync("900101300008", asker))).Valid);
            Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(own, asker)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(asker, own), ClinicJson.Options, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(TestIins.Next(), asker)).StatusCode);
    }

    [Fact]
    public async Task VerifyIinWithoutTheAskingTelegramUserIsAValidationError()
    {
        var response = await Api.PostAsync(Routes.PatientVerifyIin, RawJson($$"""{"iin": "{{TestIins.Next()}}"}"""), Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("telegram_id", error.Errors!.Keys);
    }

    private Task<HttpResponseMessage> VerifyAsync(string iin, long telegramId) =>
        Api.PostAsJsonAsync(Routes.PatientVerifyIin, new VerifyIinRequest(iin, telegramId), ClinicJson.Options, Cancel);

    [Fact]
    public async Task MalformedJsonIsA400InvalidJsonNotAServerError()
    {
        var response = await Api.PostAsync(Routes.PatientUpsert, RawJson("{\"telegram_id\": 1,"), Cancel);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidJson);
    }

    [Fact]
    public async Task AWrongJsonTypeIsA400NamingTheField()
    {
        var response = await Api.PostAsync(Routes.PatientUpsert, RawJson("{\"telegram_id\": \"abc\"}"), Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidJson);
        Assert.Contains("telegram_id", error.Errors!.Keys);
    }

    [Fact]
    public async Task AMissingTelegramIdIsAValidationError()
    {
        var response = await Api.PostAsync(Routes.PatientUpsert, RawJson("{}"), Cancel);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("telegram_id", error.Errors!.Keys);
    }

    [Fact]
    public async Task ConcurrentFirstMessagesOfOneUserCreateOnePatient()
    {
        var telegramId = NewTelegramId();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Api.PostAsJsonAsync(Routes.PatientUpsert,
            new PatientUpsertRequest(telegramId, FullName: $"Гость {i}"), ClinicJson.Options, Cancel)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await ReadAsync<PatientDto>(r)).Id));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task TwoUsersRacingForOneIinLeaveItWithOneOfThem()
    {
        var iin = TestIins.Next();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.PostAsJsonAsync(Routes.PatientUpsert,
            new PatientUpsertRequest(NewTelegramId(), iin), ClinicJson.Options, Cancel)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await AssertErrorAsync(loser, HttpStatusCode.Conflict, ErrorCodes.IinTaken);
    }

    [Fact]
    public async Task LogsNeverContainTheFullIinOrPhone()
    {
        var iin = TestIins.Next();
        var phone = TestIins.NextPhone();

        await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(NewTelegramId(), iin, "Лог Тест", phone, ConsentVersion: "v1"), ClinicJson.Options, Cancel);

        Assert.Contains(App.Logs.Lines, line => line.Contains(iin[..4] + "******" + iin[^2..]));
        Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(iin) || line.Contains(phone) || line.Contains(phone[1..]));
    }
}

public sealed class PatientsOnSqliteTests(SqliteApp app) : PatientsTests(app), IClassFixture<SqliteApp>;

public sealed class PatientsOnPostgresTests(PostgresApp app) : PatientsTests(app), IClassFixture<PostgresApp>;

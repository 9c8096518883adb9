using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Appointments;

/// <summary>The staff API: its own token, and the reception marking what happened to a visit.</summary>
public abstract class StaffAppointmentsTests(ClinicApp app) : ApiTest(app)
{
    private Task<HttpResponseMessage> SetStatusAsync(long id, string status, HttpClient? client = null) =>
        (client ?? App.Staff).PostAsync($"/api/admin/appointments/{id}/status/", RawJson($$"""{"status":"{{status}}"}"""), Cancel);

    [Theory]
    [InlineData(null)]
    [InlineData(ClinicApp.Secret)] // the bot's secret must never open the staff API
    [InlineData("wrong-token")]
    public async Task TheStaffApiRefusesAnythingButTheStaffToken(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/appointments/1/");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await App.Anonymous.SendAsync(request, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task TheStaffTokenDoesNotOpenTheBotApi()
    {
        var response = await App.Staff.GetAsync(Routes.Branches, Cancel);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task ReceptionMarksAVisitArrivedThenFulfilled()
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 10), Clinic.AlphaId);

        var arrived = await SetStatusAsync(visit.Id, "arrived");
        Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        Assert.Equal(AppointmentStatus.Arrived, (await ReadAsync<AppointmentDto>(arrived)).Status);

        var early = await SetStatusAsync(visit.Id, "fulfilled");
        await AssertErrorAsync(early, HttpStatusCode.Conflict, ErrorCodes.TooEarly);

        App.Clock.Advance(visit.Start - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(20));
        var fulfilled = await SetStatusAsync(visit.Id, "fulfilled");
        Assert.Equal(HttpStatusCode.OK, fulfilled.StatusCode);

        var seen = await App.Api.GetFromJsonAsync<AppointmentListResponse>(
            $"{Routes.MyAppointments}?telegram_id={patient}&scope=past", ClinicJson.Options, Cancel);
        Assert.Equal(AppointmentStatus.Fulfilled, Assert.Single(seen!.Items, a => a.Id == visit.Id).Status);
    }

    [Fact]
    public async Task ACancelledVisitCannotBeMarked()
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 11), Clinic.AlphaId);
        await Api.PostAsJsonAsync(Routes.AppointmentCancel(visit.Id), new CancelAppointmentRequest(patient), ClinicJson.Options, Cancel);

        var response = await SetStatusAsync(visit.Id, "arrived");

        await AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.NotChangeable);
    }

    [Theory]
    [InlineData("booked")]
    [InlineData("cancelled")]
    [InlineData("teleported")]
    public async Task OnlyArrivedFulfilledAndNoshowCanBeSet(string status)
    {
        var patient = await RegisterPatientAsync();
        var visit = await BookOkAsync(patient, TestClinic.At(App.NextWorkday(), 12), Clinic.AlphaId);

        var response = await SetStatusAsync(visit.Id, status);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownAppointmentIs404()
    {
        var response = await SetStatusAsync(987_654_321, "arrived");

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }
}

public sealed class StaffAppointmentsOnSqliteTests(SqliteApp app) : StaffAppointmentsTests(app), IClassFixture<SqliteApp>;

public sealed class StaffAppointmentsOnPostgresTests(PostgresApp app) : StaffAppointmentsTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>Helpers every API test uses: registered patients, bookings and typed reads, all over HTTP.</summary>
public abstract class ApiTest(ClinicApp app)
{
    private static long _telegramId = 700_000_000 + Random.Shared.Next(1_000_000) * 100L;

    /// <summary>The app; touching it skips (or in CI fails) the test when its database is not available.</summary>
    protected ClinicApp App
    {
        get
        {
            app.Database.RequireAvailable();
            return app;
        }
    }
    protected HttpClient Api => app.Api;
    protected TestClinic Clinic
    {
        get
        {
            app.Database.RequireAvailable();
            return app.Clinic;
        }
    }
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static long NewTelegramId() => Interlocked.Increment(ref _telegramId);

    /// <summary>A patient who consented and gave name, phone and IIN: allowed to book.</summary>
    protected async Task<long> RegisterPatientAsync()
    {
        var telegramId = NewTelegramId();
        var response = await Api.PostAsJsonAsync(Routes.PatientUpsert, new PatientUpsertRequest(
            telegramId, TestIins.Next(), "Тестов Тест", TestIins.NextPhone(), Language.Ru, "v1"), ClinicJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return telegramId;
    }

    protected Task<HttpResponseMessage> BookAsync(long telegramId, DateTimeOffset start, long? doctorId = null, bool hold = false,
        long? serviceId = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Routes.Appointments)
        {
            Content = JsonContent.Create(new CreateAppointmentRequest(
                telegramId, Clinic.AlmatyId, serviceId ?? Clinic.ConsultationId, doctorId, start, hold), options: ClinicJson.Options),
        };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Api.SendAsync(request, Cancel);
    }

    protected async Task<AppointmentDto> BookOkAsync(long telegramId, DateTimeOffset start, long? doctorId = null, bool hold = false, long? serviceId = null)
    {
        var response = await BookAsync(telegramId, start, doctorId, hold, serviceId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync<AppointmentDto>(response))!;
    }

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(ClinicJson.Options, Cancel))!;

    /// <summary>Asserts the status and the API error code, and returns the error.</summary>
    protected static async Task<ApiError> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        var error = System.Text.Json.JsonSerializer.Deserialize<ApiError>(body, ClinicJson.Options)!;
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    protected static HttpContent RawJson(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");
}

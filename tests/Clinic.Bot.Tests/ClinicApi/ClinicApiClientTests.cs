using System.Text.Json;
using Clinic.Bot.ClinicApi;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.ClinicApi;

public sealed class ClinicApiClientTests : IAsyncLifetime
{
    private static readonly BranchDto Branch = new(3, "Центр", "Орталық", "Абая, 1", "+77272000000", "Asia/Almaty");
    private static readonly ServiceDto Service = new(5, "Приём терапевта", "Терапевт қабылдауы", "Терапия", "Терапия", 30, 1_500_000);
    private static readonly DoctorSummaryDto Doctor = new(7, "Иванова Анна", "Терапевт", "Терапевт");

    private FakeClinicApi _api = null!;
    private ClinicApiClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeClinicApi.StartAsync();
        _client = _api.CreateClient();
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task EveryRequestCarriesTheBotSecretAsABearerToken()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 200, new[] { Branch });

        await _client.GetBranches(Ct);

        var request = Assert.Single(_api.Requests);
        Assert.Equal($"Bearer {FakeClinicApi.Secret}", request.Authorization);
        Assert.Equal("/api/bot/branches/", request.Path);
    }

    [Fact]
    public async Task AnswersAreReadFromSnakeCaseJson()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 200, "application/json",
            """[{"id":3,"name_ru":"Центр","name_kk":"Орталық","address":"Абая, 1","phone":"+77272000000","time_zone":"Asia/Almaty"}]""");

        var result = await _client.GetBranches(Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(Branch, Assert.Single(result.Value!));
    }

    [Fact]
    public async Task RequestBodiesAreWrittenInSnakeCaseJson()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 200, Patient());

        var result = await _client.UpsertPatient(new PatientUpsertRequest(42, FullName: "Ахметова Айгерим", Language: Language.Kk), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal("Ахметова Айгерим", result.Value!.FullName);
        var request = Assert.Single(_api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/bot/patient/upsert/", request.Path);
        Assert.StartsWith("application/json", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(42, body.RootElement.GetProperty("telegram_id").GetInt64());
        Assert.Equal("Ахметова Айгерим", body.RootElement.GetProperty("full_name").GetString());
        Assert.Equal("kk", body.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task AnUnknownPatientIsAResultWithTheApiCodeNotAnException()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 404, new ApiError(ErrorCodes.PatientNotFound, "No patient for this Telegram user."));

        var result = await _client.GetPatientByTelegram(42, Ct);

        Assert.False(result.IsSuccess);
        Assert.False(result.IsUnavailable);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal(ErrorCodes.PatientNotFound, result.ErrorCode);
        Assert.Equal("/api/bot/patient/by-telegram/42/", Assert.Single(_api.Requests).Path);
    }

    [Fact]
    public async Task ARefusalKeepsTheFieldErrorsAndMapsToItsLocaleKey()
    {
        var errors = new Dictionary<string, string[]> { ["iin"] = ["The check digit does not match."] };
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 400, new ApiError(ErrorCodes.ValidationFailed, "Some fields are invalid.", errors));

        var result = await _client.VerifyIin("900101300008", 42, Ct);

        Assert.Equal(ErrorCodes.ValidationFailed, result.ErrorCode);
        Assert.Equal(["The check digit does not match."], result.Error!.Errors!["iin"]);
        Assert.Equal("errors.validation_failed", ApiResultCodes.LocaleKey(result.Error));
    }

    [Fact]
    public async Task AnErrorBodyThatIsNotTheApisShapeBecomesUnknown()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 403, "text/html", "<html>Forbidden by proxy</html>");

        var result = await _client.GetBranches(Ct);

        Assert.False(result.IsSuccess);
        Assert.False(result.IsUnavailable);
        Assert.Equal(ApiResultCodes.Unknown, result.ErrorCode);
        Assert.Equal("errors.unknown", ApiResultCodes.LocaleKey(result.Error));
    }

    [Fact]
    public async Task A503ThatNamesItsReasonIsExplainedByItButAPlain500IsTryAgainLater()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 503,
            new ApiError(ErrorCodes.PaymentProviderUnavailable, "The payment system does not answer; try again in a minute."));

        var named = await _client.GetBranches(Ct);

        Assert.True(named.IsUnavailable);
        Assert.True(ApiResultCodes.IsSpecific(named.ErrorCode));
        Assert.Equal("errors.payment_provider_unavailable", ApiResultCodes.LocaleKey(named.Error));

        _api.Respond = (context, _) => FakeClinicApi.Json(context, 500, new ApiError(ErrorCodes.Internal, "Something went wrong."));
        Assert.False(ApiResultCodes.IsSpecific((await _client.GetBranches(Ct)).ErrorCode));
    }

    [Fact]
    public async Task ASuccessWithAnUnreadableBodyIsNotASuccess()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 200, "text/plain", "ok");

        var result = await _client.GetBranches(Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiResultCodes.Unknown, result.ErrorCode);
    }

    [Fact]
    public async Task AServerErrorMeansUnavailableAfterTheGetWasTriedThreeTimes()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 500, "text/plain", "boom");

        var result = await _client.GetBranches(Ct);

        Assert.True(result.IsUnavailable);
        Assert.False(result.IsSuccess);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task AnInternalErrorKeepsTheApisCodeAndStillCountsAsUnavailable()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 500, new ApiError(ErrorCodes.Internal, "Unexpected."));

        var result = await _client.GetMyAppointments(42, AppointmentScope.Upcoming, Ct);

        Assert.True(result.IsUnavailable);
        Assert.Equal(ErrorCodes.Internal, result.ErrorCode);
    }

    [Theory]
    [InlineData("backend:8000")]
    [InlineData("ftp://backend")]
    [InlineData("")]
    public void AMalformedApiUrlIsRefusedAtStartupNamingTheUrl(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => _api.CreateClient(url));
        Assert.Contains($"\"{url}\"", error.Message);
    }

    [Fact]
    public async Task AGetThatFailsOnceSucceedsOnTheRetry()
    {
        _api.Respond = (context, attempt) => attempt == 1
            ? FakeClinicApi.Text(context, 503, "text/plain", "starting")
            : FakeClinicApi.Json(context, 200, new[] { Branch });

        var result = await _client.GetBranches(Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task APostWithoutAnIdempotencyKeyIsSentOnlyOnce()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 503, "text/plain", "down");

        var result = await _client.Cancel(11, new CancelAppointmentRequest(42, "Plans changed"), Ct);

        Assert.True(result.IsUnavailable);
        var request = Assert.Single(_api.Requests);
        Assert.Equal("/api/bot/appointments/11/cancel/", request.Path);
    }

    [Fact]
    public async Task ARescheduleIsAPatchSentOnlyOnce()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 502, "text/plain", "bad gateway");
        var start = new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

        var result = await _client.Reschedule(11, new RescheduleAppointmentRequest(42, start), Ct);

        Assert.True(result.IsUnavailable);
        var request = Assert.Single(_api.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/api/bot/appointments/11/", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(start, body.RootElement.GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task BookingSendsTheIdempotencyKeyAndRetriesWithTheSameKey()
    {
        _api.Respond = (context, attempt) => attempt < 3
            ? FakeClinicApi.Text(context, 503, "text/plain", "busy")
            : FakeClinicApi.Json(context, 201, Appointment());
        var request = new CreateAppointmentRequest(42, 3, 5, null, new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

        var result = await _client.CreateAppointment(request, "booking-42-abc", Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(201, result.StatusCode);
        Assert.Equal(AppointmentStatus.Booked, result.Value!.Status);
        Assert.Equal(3, _api.Requests.Count);
        Assert.All(_api.Requests, r => Assert.Equal("booking-42-abc", r.IdempotencyKey));
        Assert.All(_api.Requests, r => Assert.Equal(_api.Requests.First().Body, r.Body));
        using var body = JsonDocument.Parse(_api.Requests.First().Body);
        Assert.Equal(3, body.RootElement.GetProperty("branch_id").GetInt64());
        Assert.False(body.RootElement.TryGetProperty("doctor_id", out _));
    }

    [Fact]
    public async Task ASlotTakenConflictIsReturnedAtOnceWithoutRetrying()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 409, new ApiError(ErrorCodes.SlotTaken, "Taken."));
        var request = new CreateAppointmentRequest(42, 3, 5, 7, new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

        var result = await _client.CreateAppointment(request, "booking-42-def", Ct);

        Assert.Equal(ErrorCodes.SlotTaken, result.ErrorCode);
        Assert.Equal(409, result.StatusCode);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task AnApiThatIsNotRunningMeansUnavailable()
    {
        var client = _api.CreateClient($"http://127.0.0.1:{FakeClinicApi.UnusedPort()}");

        var result = await client.GetPatientByTelegram(42, Ct);

        Assert.True(result.IsUnavailable);
        Assert.Equal(ApiResult<PatientDto>.NoResponse, result.StatusCode);
        Assert.Equal(ApiResultCodes.Unavailable, result.ErrorCode);
    }

    [Fact]
    public async Task QueryParametersUseTheApisNamesAndLeaveOutWhatIsNotChosen()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 200, new SlotSearchResponse(3, 5, null, "Asia/Almaty", []));

        await _client.GetSlotDays(3, 5, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Ct);
        await _client.GetSlotsForDay(3, 5, 7, new DateOnly(2026, 11, 25), Ct);

        var requests = _api.Requests.ToArray();
        Assert.Equal("/api/bot/slots/", requests[0].Path);
        Assert.Equal(new Dictionary<string, string> { ["branch_id"] = "3", ["service_id"] = "5", ["from"] = "2026-11-01", ["to"] = "2026-11-30" }, requests[0].Query);
        Assert.Equal(new Dictionary<string, string> { ["branch_id"] = "3", ["service_id"] = "5", ["doctor_id"] = "7", ["date"] = "2026-11-25" }, requests[1].Query);
    }

    [Fact]
    public async Task CatalogAndAppointmentListsAreFilteredByQuery()
    {
        _api.Respond = (context, _) => context.Request.Path.StartsWithSegments("/api/bot/appointments")
            ? FakeClinicApi.Json(context, 200, new AppointmentListResponse([Appointment()]))
            : FakeClinicApi.Json(context, 200, Array.Empty<object>());

        await _client.GetServices(3, Ct);
        await _client.GetDoctors(null, 5, Ct);
        var mine = await _client.GetMyAppointments(42, AppointmentScope.Past, Ct);

        var requests = _api.Requests.ToArray();
        Assert.Equal(new Dictionary<string, string> { ["branch_id"] = "3" }, requests[0].Query);
        Assert.Equal(new Dictionary<string, string> { ["service_id"] = "5" }, requests[1].Query);
        Assert.Equal("/api/bot/appointments/my/", requests[2].Path);
        Assert.Equal(new Dictionary<string, string> { ["telegram_id"] = "42", ["scope"] = "past" }, requests[2].Query);
        Assert.Equal(Doctor, Assert.Single(mine.Value!.Items).Doctor);
    }

    [Fact]
    public async Task ABaseUrlWithAPathPrefixKeepsIt()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 200, new[] { Branch });
        var client = _api.CreateClient(new Uri(_api.BaseAddress, "/clinic").ToString());

        await client.GetBranches(Ct);

        Assert.Equal("/clinic/api/bot/branches/", Assert.Single(_api.Requests).Path);
    }

    [Fact]
    public async Task CancellingTheCallersTokenStopsTheCall()
    {
        _api.Respond = async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetBranches(cts.Token));
    }

    private static PatientDto Patient() => new(1, 42, null, "Ахметова Айгерим", "+77011234567", null, null, Language.Kk,
        null, null, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static AppointmentDto Appointment() => new(11, AppointmentStatus.Booked,
        new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 4, 30, 0, TimeSpan.Zero),
        Branch, Service, Doctor, null, null, null, null, true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}

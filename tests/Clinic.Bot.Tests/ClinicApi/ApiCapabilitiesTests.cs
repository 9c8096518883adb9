using Clinic.Bot.ClinicApi;
using Clinic.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Bot.Tests.ClinicApi;

/// <summary>How the client reads the original Django API: DRF's error shapes, missing routes, and when Idempotency-Key is sent.</summary>
public sealed class ApiCapabilitiesTests : IAsyncLifetime
{
    private const string DjangoNotFound = "<!doctype html><html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>";

    private readonly ApiCapabilities _capabilities = new(NullLogger<ApiCapabilities>.Instance);
    private FakeClinicApi _api = null!;
    private ClinicApiClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeClinicApi.StartAsync();
        _client = _api.CreateClient(_capabilities);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_DRF_detail_error_is_read_with_its_message_and_the_code_of_its_status()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 404, new { detail = "Not found." });

        var result = await _client.GetPatientByTelegram(42, Ct);

        Assert.Equal(ErrorCodes.NotFound, result.ErrorCode);
        Assert.Equal("Not found.", result.Error!.Message);
        Assert.False(result.IsUnavailable);
        // A seed route that answers "not found" is an answer, not a missing route.
        Assert.False(_capabilities.IsSeedOnly);
    }

    [Fact]
    public async Task DRF_field_errors_are_read_as_a_validation_failure_naming_each_field()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 400, new Dictionary<string, string[]> { ["iin"] = ["Invalid IIN."], ["phone"] = ["Required."] });

        var result = await _client.UpsertPatient(new PatientUpsertRequest(42, Iin: "123"), Ct);

        Assert.Equal(ErrorCodes.ValidationFailed, result.ErrorCode);
        Assert.Equal(["Invalid IIN."], result.Error!.Errors!["iin"]);
        Assert.Equal(["Required."], result.Error.Errors["phone"]);
    }

    [Fact]
    public async Task A_bare_404_from_an_extension_route_is_not_offered_and_marks_the_API_as_the_seed()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 404, "text/html", DjangoNotFound);

        var result = await _client.GetMyTickets(42, Ct);

        Assert.Equal(ApiResultCodes.NotOffered, result.ErrorCode);
        Assert.Equal("errors.not_offered", ApiResultCodes.LocaleKey(result.Error));
        Assert.True(_capabilities.IsSeedOnly);
        Assert.False(_capabilities.Offers(ApiExtension.TicketThreads));
    }

    [Fact]
    public async Task Booking_goes_once_and_without_Idempotency_Key_until_the_probe_finds_an_API_that_honours_it()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 503, "text/plain", "busy");
        var request = new CreateAppointmentRequest(42, 3, 5, null, new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

        await _client.CreateAppointment(request, "booking-42-abc", Ct);

        var unknown = Assert.Single(_api.Requests);
        Assert.Equal("", unknown.IdempotencyKey);

        _api.Respond = (context, _) => FakeClinicApi.Json(context, 400, new ApiError(ErrorCodes.ValidationFailed, "telegram_id is required"));
        await _client.ProbeCapabilities(_capabilities, Ct);
        Assert.True(_capabilities.HonoursIdempotencyKeys);

        _api.Respond = (context, _) => FakeClinicApi.Text(context, 503, "text/plain", "busy");
        var before = _api.Requests.Count;
        await _client.CreateAppointment(request, "booking-42-abc", Ct);
        var retried = _api.Requests.Skip(before).ToList();
        Assert.True(retried.Count > 1);
        Assert.All(retried, r => Assert.Equal("booking-42-abc", r.IdempotencyKey));
    }

    [Fact]
    public async Task The_probe_takes_a_bare_404_for_the_seed_API_which_does_not_honour_Idempotency_Key()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 404, "text/html", DjangoNotFound);

        await _client.ProbeCapabilities(_capabilities, Ct);

        Assert.Equal(ApiCapabilities.ProbePath, Assert.Single(_api.Requests).Path + "?telegram_id=0");
        Assert.True(_capabilities.IsSeedOnly);
        Assert.False(_capabilities.HonoursIdempotencyKeys);
    }
}

using Clinic.Bot.ClinicApi;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.ClinicApi;

/// <summary>
/// Timeouts per attempt, with a handler built by hand so the limits can be short (but not so short that a loaded
/// machine's first connection to the fake misses them).
/// </summary>
public sealed class RetryHandlerTests : IAsyncLifetime
{
    private FakeClinicApi _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _api = await FakeClinicApi.StartAsync();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task ASlowFirstAttemptIsAbandonedAndTheRetryAnswers()
    {
        _api.Respond = async (context, attempt) =>
        {
            if (attempt == 1)
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await FakeClinicApi.Json(context, 200, Array.Empty<BranchDto>());
        };
        var client = Client(attemptTimeout: TimeSpan.FromSeconds(1.5));

        var result = await client.GetBranches(Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task AnApiThatNeverAnswersInTimeMeansUnavailable()
    {
        _api.Respond = async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        var client = Client(attemptTimeout: TimeSpan.FromSeconds(1));

        var result = await client.GetBranches(Ct);

        Assert.True(result.IsUnavailable);
        Assert.Equal(ApiResultCodes.Unavailable, result.ErrorCode);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task AConfirmationThatTimesOutIsNotSentAgain()
    {
        _api.Respond = async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        var client = Client(attemptTimeout: TimeSpan.FromSeconds(1.5));

        var result = await client.ConfirmAppointment(11, 42, Ct);

        Assert.True(result.IsUnavailable);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task PrintingACertificateMayTakeLongerThanAnOrdinaryAttempt()
    {
        _api.Respond = async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700), context.RequestAborted);
            await FakeClinicApi.Json(context, 201, new DocumentDto(5, DocumentKind.VisitCertificate, "Справка", "VC-1", new DateOnly(2026, 11, 27), "application/pdf", 2048, 11, DateTimeOffset.UtcNow));
        };
        var client = Client(attemptTimeout: TimeSpan.FromMilliseconds(200));

        var result = await client.GenerateDocument(new GenerateDocumentRequest(42, DocumentKind.VisitCertificate, 11, null, null), Ct);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task AWriteSentOnceWaitsLongerThanOneReadAttempt()
    {
        _api.Respond = async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(600), context.RequestAborted);
            await FakeClinicApi.Json(context, 409, new ApiError(ErrorCodes.SlotTaken, "Taken."));
        };
        var client = Client(attemptTimeout: TimeSpan.FromMilliseconds(200), singleAttemptTimeout: TimeSpan.FromSeconds(5));

        var result = await client.ConfirmAppointment(11, 42, Ct);

        Assert.Equal(ErrorCodes.SlotTaken, result.ErrorCode);
        Assert.Single(_api.Requests);
    }

    private ClinicApiClient Client(TimeSpan attemptTimeout, TimeSpan? singleAttemptTimeout = null)
    {
        var handler = new RetryHandler(attemptTimeout, singleAttemptTimeout ?? attemptTimeout, [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)])
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        var http = new HttpClient(handler);
        ClinicApiClientRegistration.Configure(http, _api.BaseAddress, FakeClinicApi.Secret);
        return new ClinicApiClient(http);
    }
}

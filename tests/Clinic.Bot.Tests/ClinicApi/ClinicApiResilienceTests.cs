using System.Collections.Concurrent;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Bot.Tests.ClinicApi;

/// <summary>
/// The client's timeouts, retries and circuit breaker, registered as the bot registers them but with limits short enough
/// for a test (though not so short that a loaded machine's first connection to the fake misses them).
/// </summary>
public sealed class ClinicApiResilienceTests : IAsyncLifetime
{
    private static readonly ClinicApiResilience Quick = new() { RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };

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
        var client = Client(Quick with { AttemptTimeout = TimeSpan.FromSeconds(1.5) });

        var result = await client.GetBranches(Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task AnApiThatNeverAnswersInTimeMeansUnavailable()
    {
        _api.Respond = async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        var client = Client(Quick with { AttemptTimeout = TimeSpan.FromSeconds(1) });

        var result = await client.GetBranches(Ct);

        Assert.True(result.IsUnavailable);
        Assert.Equal(ApiResultCodes.Unavailable, result.ErrorCode);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task AConfirmationThatTimesOutIsNotSentAgain()
    {
        _api.Respond = async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        var client = Client(Quick with { AttemptTimeout = TimeSpan.FromSeconds(1.5), SingleAttemptTimeout = TimeSpan.FromSeconds(1.5) });

        var result = await client.ConfirmAppointment(11, 42, Ct);

        Assert.True(result.IsUnavailable);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task ABookingWhoseAnswerIsLateIsSentAgainWithTheSameKey()
    {
        _api.Respond = async (context, attempt) =>
        {
            if (attempt == 1)
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await FakeClinicApi.Json(context, 409, new ApiError(ErrorCodes.SlotTaken, "Taken."));
        };
        var client = Client(Quick with { AttemptTimeout = TimeSpan.FromSeconds(1.5) });
        var request = new CreateAppointmentRequest(42, 3, 5, 7, new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

        var result = await client.CreateAppointment(request, "booking-42-late", Ct);

        Assert.Equal(ErrorCodes.SlotTaken, result.ErrorCode);
        Assert.Equal(2, _api.Requests.Count);
        Assert.All(_api.Requests, r => Assert.Equal("booking-42-late", r.IdempotencyKey));
    }

    [Fact]
    public async Task PrintingACertificateMayTakeLongerThanAnOrdinaryAttempt()
    {
        _api.Respond = async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700), context.RequestAborted);
            await FakeClinicApi.Json(context, 201, new DocumentDto(5, DocumentKind.VisitCertificate, "Справка", "VC-1", new DateOnly(2026, 11, 27), "application/pdf", 2048, 11, DateTimeOffset.UtcNow));
        };
        var client = Client(Quick with { AttemptTimeout = TimeSpan.FromMilliseconds(200), SingleAttemptTimeout = TimeSpan.FromMilliseconds(200) });

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
        var client = Client(Quick with { AttemptTimeout = TimeSpan.FromMilliseconds(200), SingleAttemptTimeout = TimeSpan.FromSeconds(5) });

        var result = await client.ConfirmAppointment(11, 42, Ct);

        Assert.Equal(ErrorCodes.SlotTaken, result.ErrorCode);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task WithTheBotsOwnLimitsAWriteSentOnceHasNineSecondsToBeAnswered()
    {
        _api.Respond = async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        var clock = new FakeTimeProvider();
        var client = _api.CreateClient(clock: clock);

        var call = client.ConfirmAppointment(11, 42, Ct);
        await Eventually.TrueAsync(() => _api.Requests.Count == 1, "the confirmation");
        clock.Advance(TimeSpan.FromSeconds(8.9));
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        Assert.False(call.IsCompleted, "the write was given up before its 9 s");
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var result = await call.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.True(result.IsUnavailable);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task ARetryWaitsOnTheAppsClock()
    {
        _api.Respond = (context, attempt) => attempt == 1
            ? FakeClinicApi.Text(context, 503, "text/plain", "starting")
            : FakeClinicApi.Json(context, 200, Array.Empty<BranchDto>());
        var clock = new FakeTimeProvider();
        var client = Client(Quick with { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(200) }, clock);

        var call = client.GetBranches(Ct);
        await Eventually.TrueAsync(() => _api.Requests.Count == 1, "the first attempt");
        await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);
        Assert.Single(_api.Requests);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await call.WaitAsync(TimeSpan.FromSeconds(10), Ct)).IsSuccess);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task AnApiThatKeepsFailingIsNotCalledForAMomentAndIsCalledAgainAfterTheBreak()
    {
        _api.Respond = (context, _) => FakeClinicApi.Text(context, 502, "text/html", "<html>Bad gateway</html>");
        var clock = new FakeTimeProvider();
        var client = Client(Quick, clock);
        for (var i = 0; i < Quick.MinimumThroughput; i++)
            Assert.True((await client.ConfirmAppointment(11, 42, Ct)).IsUnavailable);
        Assert.Equal(Quick.MinimumThroughput, _api.Requests.Count);

        var refused = await client.GetBranches(Ct);

        Assert.True(refused.IsUnavailable);
        Assert.Equal(ApiResult<IReadOnlyList<BranchDto>>.NoResponse, refused.StatusCode);
        Assert.Equal(Quick.MinimumThroughput, _api.Requests.Count);

        _api.Respond = (context, _) => FakeClinicApi.Json(context, 200, Array.Empty<BranchDto>());
        clock.Advance(Quick.BreakDuration);
        Assert.True((await client.GetBranches(Ct)).IsSuccess);
        Assert.True((await client.GetBranches(Ct)).IsSuccess);
        Assert.Equal(Quick.MinimumThroughput + 2, _api.Requests.Count);
    }

    [Fact]
    public async Task TheApisOwnErrorsNeverOpenTheCircuit()
    {
        _api.Respond = (context, _) => FakeClinicApi.Json(context, 503,
            new ApiError(ErrorCodes.PaymentProviderUnavailable, "The payment system does not answer; try again in a minute."));
        var client = Client(Quick, new FakeTimeProvider());
        for (var i = 0; i < Quick.MinimumThroughput * 2; i++)
            await client.CreateInvoice(new CreateInvoiceRequest(42, 11, null), Ct);

        var result = await client.CreateInvoice(new CreateInvoiceRequest(42, 11, null), Ct);

        Assert.Equal(ErrorCodes.PaymentProviderUnavailable, result.ErrorCode);
        Assert.Equal(Quick.MinimumThroughput * 2 + 1, _api.Requests.Count);
    }

    [Fact]
    public async Task RetriesAndTimeoutsAreWarningsWithoutTheSecretOrThePatientsIdAndCallsThatWentWellAreNotInformation()
    {
        var logs = new Logs();
        _api.Respond = async (context, attempt) =>
        {
            if (attempt == 1)
                await FakeClinicApi.Text(context, 503, "text/plain", "starting");
            else if (attempt == 2)
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            else
                await FakeClinicApi.Json(context, 404, new ApiError(ErrorCodes.PatientNotFound, "No patient."));
        };
        var client = _api.CreateClient(resilience: Quick with { AttemptTimeout = TimeSpan.FromSeconds(1) }, logs: logs);

        await client.GetPatientByTelegram(777001, Ct);
        await client.GetPatientByTelegram(777001, Ct);

        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Lines, line => line.Level is LogLevel.Information or >= LogLevel.Error);
        Assert.All(logs.Lines, line =>
        {
            Assert.DoesNotContain(FakeClinicApi.Secret, line.Text);
            Assert.DoesNotContain("777001", line.Text);
        });
    }

    private ClinicApiClient Client(ClinicApiResilience limits, TimeProvider? clock = null) => _api.CreateClient(resilience: limits, clock: clock);

    private sealed class Logs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(Logs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}

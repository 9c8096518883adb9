using System.Diagnostics;
using Clinic.Api.Features.Payments;
using Clinic.Api.Features.Payments.Kaspi;
using Clinic.Api.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>
/// The Kaspi client as the API registers it (<see cref="KaspiSetup.AddKaspi"/>) against the local fake Kaspi: status polls
/// are asked again, a payment or a return is never sent twice, and a Kaspi that keeps failing is left alone for a moment.
/// </summary>
public sealed class KaspiResilienceTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> _apps = [];
    private FakeKaspi _kaspi = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _kaspi = await FakeKaspi.StartAsync();

    [Fact]
    public async Task A_status_poll_that_Kaspi_fails_is_asked_again_and_answered()
    {
        var client = Client();
        var link = await client.CreateLinkAsync("invoice-1", 100_000, Cancel);
        _kaspi.FailNext(2);

        var status = await client.GetStatusAsync(link.PaymentId.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);

        Assert.Equal("QrTokenCreated", status.Status);
        Assert.Equal(3, _kaspi.Requests.Count(r => r.Path.Contains("/payment/status/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_status_poll_that_gets_no_answer_in_time_is_asked_again()
    {
        var client = Client(timeout: TimeSpan.FromSeconds(4.5));
        var link = await client.CreateLinkAsync("invoice-2", 100_000, Cancel);
        _kaspi.SlowNext(1, TimeSpan.FromSeconds(30));

        var status = await client.GetStatusAsync(link.PaymentId.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);

        Assert.Equal("QrTokenCreated", status.Status);
        Assert.Equal(2, _kaspi.Requests.Count(r => r.Path.Contains("/payment/status/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("qr/create")]
    [InlineData("qr/create-link")]
    [InlineData("payment/return")]
    public async Task A_payment_or_a_return_that_Kaspi_fails_is_sent_once(string call)
    {
        var client = Client();
        var paid = await client.CreateLinkAsync("invoice-3", 100_000, Cancel);
        _kaspi.SetStatus(paid.PaymentId, "Processed");
        _kaspi.FailNext(3);
        var before = _kaspi.Requests.Count;

        await Assert.ThrowsAsync<PaymentProviderException>(() => call switch
        {
            "qr/create" => client.CreateQrAsync("invoice-4", 100_000, Cancel),
            "qr/create-link" => client.CreateLinkAsync("invoice-4", 100_000, Cancel),
            _ => client.ReturnAsync(paid.PaymentId.ToString(System.Globalization.CultureInfo.InvariantCulture), 100_000, Cancel),
        });

        Assert.Equal("/r3/v01/" + call, Assert.Single(_kaspi.Requests.Skip(before)).Path);
    }

    [Fact]
    public async Task A_qr_that_gets_no_answer_in_time_is_a_provider_error_and_is_not_sent_again()
    {
        var client = Client(timeout: TimeSpan.FromSeconds(1));
        _kaspi.SlowNext(5, TimeSpan.FromSeconds(30));
        var started = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => client.CreateQrAsync("invoice-5", 100_000, Cancel));

        Assert.Contains("did not answer qr/create within 1 s", error.Message);
        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Single(_kaspi.Requests);
    }

    [Fact]
    public async Task While_Kaspi_keeps_failing_calls_stop_reaching_it_until_the_break_is_over()
    {
        var clock = new FakeTimeProvider();
        var client = Client(clock: clock);
        _kaspi.FailNext(1000);
        for (var i = 0; i < 10; i++)
            await Assert.ThrowsAsync<PaymentProviderException>(() => client.CreateLinkAsync($"invoice-{i}", 100_000, Cancel));

        var refused = await Assert.ThrowsAsync<PaymentProviderException>(() => client.CreateLinkAsync("invoice-10", 100_000, Cancel));

        Assert.Contains("qr/create-link was not sent", refused.Message);
        Assert.Equal(10, _kaspi.Requests.Count);
        _kaspi.FailNext(0);
        clock.Advance(KaspiResilience.BreakDuration);
        Assert.StartsWith("https://pay.kaspi.kz/pay/", (await client.CreateLinkAsync("invoice-11", 100_000, Cancel)).PaymentLink);
        Assert.Equal(11, _kaspi.Requests.Count);
    }

    [Fact]
    public async Task Kaspis_refusals_are_answers_and_never_stop_the_calls()
    {
        var client = Client(clock: new FakeTimeProvider());
        _kaspi.RefuseWithStatusCode = -1503;
        for (var i = 0; i < 20; i++)
            await Assert.ThrowsAsync<PaymentProviderException>(() => client.CreateLinkAsync($"invoice-{i}", 100_000, Cancel));

        var refused = await Assert.ThrowsAsync<PaymentProviderException>(() => client.CreateLinkAsync("invoice-20", 100_000, Cancel));

        Assert.Contains("-1503", refused.Message);
        Assert.Equal(21, _kaspi.Requests.Count);
    }

    /// <summary>The client from the API's own registration, on <paramref name="clock"/> when given.</summary>
    private KaspiQrClient Client(TimeSpan? timeout = null, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddMetrics().AddSingleton<ApiMetrics>();
        if (clock is not null)
            services.AddSingleton(clock);
        services.AddKaspi(new KaspiOptions
        {
            ApiKey = "test-api-key", BaseUrl = _kaspi.BaseUrl, DeviceToken = "device-1", Timeout = timeout ?? TimeSpan.FromSeconds(15),
        });
        var app = services.BuildServiceProvider();
        _apps.Add(app);
        return app.GetRequiredService<KaspiQrClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        await _kaspi.DisposeAsync();
    }
}

using Clinic.Api.Features.Payments;
using Clinic.Api.Features.Payments.Kaspi;
using Clinic.Api.Infrastructure.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Features.Payments;

/// <summary>The Kaspi QR client and provider against a local fake of Kaspi's partner API.</summary>
public sealed class KaspiQrClientTests : IAsyncLifetime
{
    private FakeKaspi _kaspi = null!;
    private HttpClient _http = null!;
    private KaspiOptions _options = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The API's counters, on a meter factory of their own.</summary>
    private static readonly ApiMetrics Metrics =
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public async ValueTask InitializeAsync()
    {
        _kaspi = await FakeKaspi.StartAsync();
        _options = new KaspiOptions { ApiKey = "test-api-key", BaseUrl = _kaspi.BaseUrl, DeviceToken = "device-1", Timeout = TimeSpan.FromSeconds(30) };
        _http = new HttpClient { Timeout = _options.Timeout };
        _http.DefaultRequestHeaders.Add(KaspiQrClient.ApiKeyHeader, _options.ApiKey);
    }

    private KaspiPaymentProvider Provider => new(new KaspiQrClient(_http, _options, Metrics));

    [Fact]
    public async Task A_payment_link_is_created_with_the_device_token_the_amount_in_tenge_and_our_external_id()
    {
        var payment = await Provider.CreateAsync(new ProviderPaymentRequest(7, "invoice-7", 1_234_550), Cancel);

        Assert.StartsWith("https://pay.kaspi.kz/pay/", payment.PayUrl);
        Assert.NotNull(payment.ExpiresAt);
        var (path, headers, body) = Assert.Single(_kaspi.Requests);
        Assert.Equal("/r3/v01/qr/create-link", path);
        Assert.Equal("test-api-key", headers["Api-Key"]);
        Assert.True(Guid.TryParse(headers["X-Request-ID"], out _));
        Assert.Equal("device-1", (string?)body!["DeviceToken"]);
        Assert.Equal(12345.50m, (decimal)body["Amount"]!);
        Assert.Equal("invoice-7", (string?)body["ExternalId"]);
    }

    [Fact]
    public async Task A_qr_token_is_created_with_qr_create()
    {
        var qr = await new KaspiQrClient(_http, _options, Metrics).CreateQrAsync("invoice-8", 500_000, Cancel);

        Assert.StartsWith("https://qr.kaspi.kz/", qr.QrToken);
        Assert.Equal("/r3/v01/qr/create", Assert.Single(_kaspi.Requests).Path);
        Assert.Equal(5000m, (decimal)Assert.Single(_kaspi.Requests).Body!["Amount"]!);
    }

    [Fact]
    public async Task Kaspis_statuses_map_to_waiting_paid_failed_and_an_unknown_one_is_not_final()
    {
        var payment = await Provider.CreateAsync(new ProviderPaymentRequest(9, "invoice-9", 100_000), Cancel);
        var id = long.Parse(payment.PaymentId, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ProviderStatus.Waiting, await Provider.GetStatusAsync(payment.PaymentId, Cancel));
        _kaspi.SetStatus(id, "Wait");
        Assert.Equal(ProviderStatus.Waiting, await Provider.GetStatusAsync(payment.PaymentId, Cancel));
        _kaspi.SetStatus(id, "SomethingNew");
        Assert.Equal(ProviderStatus.Unknown, await Provider.GetStatusAsync(payment.PaymentId, Cancel));
        _kaspi.SetStatus(id, "Error");
        Assert.Equal(ProviderStatus.Failed, await Provider.GetStatusAsync(payment.PaymentId, Cancel));
        _kaspi.SetStatus(id, "Processed");
        Assert.Equal(ProviderStatus.Paid, await Provider.GetStatusAsync(payment.PaymentId, Cancel));
        Assert.Equal($"/r3/v01/payment/status/{id}", _kaspi.Requests.Last().Path);
    }

    [Fact]
    public async Task A_non_zero_status_code_is_a_provider_error_with_kaspis_message()
    {
        _kaspi.RefuseWithStatusCode = -1503;

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.CreateAsync(new ProviderPaymentRequest(1, "invoice-1", 100), Cancel));

        Assert.Contains("-1503", error.Message);
        Assert.Contains("Устройство не найдено", error.Message);
    }

    [Fact]
    public async Task An_unknown_payment_id_is_a_provider_error()
    {
        await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.GetStatusAsync("999", Cancel));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    public async Task An_http_error_is_a_provider_error(int status)
    {
        _kaspi.FailWithHttpStatus = status;

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => Provider.GetStatusAsync("1", Cancel));

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_provider_error_not_a_hang()
    {
        _kaspi.Delay = TimeSpan.FromSeconds(20);
        var options = _options with { Timeout = TimeSpan.FromSeconds(1) };
        using var impatient = new HttpClient { Timeout = options.Timeout };
        var provider = new KaspiPaymentProvider(new KaspiQrClient(impatient, options, Metrics));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PaymentProviderException>(() => provider.CreateAsync(new ProviderPaymentRequest(1, "invoice-1", 100), Cancel));

        Assert.Contains("did not answer", error.Message);
        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void The_scheme_chooses_the_path_prefix()
    {
        Assert.Equal(new Uri("https://kaspi.example/r1/v01/"), new KaspiOptions { BaseUrl = new("https://kaspi.example/"), Scheme = KaspiScheme.Basic }.SchemeUrl);
        Assert.Equal(new Uri("https://kaspi.example/r2/v01/"), new KaspiOptions { BaseUrl = new("https://kaspi.example/"), Scheme = KaspiScheme.Standard }.SchemeUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _kaspi.DisposeAsync();
    }
}

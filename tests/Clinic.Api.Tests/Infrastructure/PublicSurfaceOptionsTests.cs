using System.Net;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>PAYMENTS_SANDBOX, OPENAPI_PUBLIC and TRUSTED_PROXIES as an operator writes them.</summary>
public sealed class PublicSurfaceOptionsTests
{
    private static ClinicApiOptions Read(params (string Key, string? Value)[] values) => ApiSettingsHost.Read(values);

    [Fact]
    public void Left_empty_the_sandbox_and_the_api_reference_are_for_the_environment_to_decide_and_no_proxy_is_trusted()
    {
        var options = Read(("PAYMENTS_SANDBOX", ""), ("OPENAPI_PUBLIC", " "));

        Assert.Null(options.PaymentsSandbox);
        Assert.Null(options.OpenApiPublic);
        Assert.Empty(options.TrustedProxies);
    }

    [Fact]
    public void Set_they_are_read_as_switches_and_proxies_as_addresses_or_networks()
    {
        var options = Read(("PAYMENTS_SANDBOX", "false"), ("OPENAPI_PUBLIC", "true"), ("TRUSTED_PROXIES", "172.18.0.1, 10.0.0.0/8,::1"));

        Assert.False(options.PaymentsSandbox);
        Assert.True(options.OpenApiPublic);
        Assert.Equal([IPNetwork.Parse("172.18.0.1/32"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("::1/128")], options.TrustedProxies);
    }

    [Theory]
    [InlineData("TRUSTED_PROXIES", "proxy.example.kz")]
    [InlineData("PAYMENTS_SANDBOX", "maybe")]
    [InlineData("OPENAPI_PUBLIC", "yes please")]
    public async Task A_malformed_value_stops_startup_naming_the_variable(string key, string value)
    {
        var failure = Assert.Single(await ApiSettingsHost.RefusalAsync((key, value)));

        Assert.StartsWith(key + " ", failure);
    }
}

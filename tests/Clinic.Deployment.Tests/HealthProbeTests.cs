using Clinic.Contracts;
using Clinic.Deployment.Tests.Infrastructure;

namespace Clinic.Deployment.Tests;

/// <summary>The <c>--healthcheck</c> mode the images' HEALTHCHECK runs: which address it asks, and failing when nothing answers.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(null, "8000", "http://127.0.0.1:8000")]
    [InlineData("http://+:9000;http://+:9001", "8000", "http://127.0.0.1:9000")]
    [InlineData("http://0.0.0.0:7000", null, "http://127.0.0.1:7000")]
    [InlineData(null, null, "http://127.0.0.1:5000")]
    public void The_probe_asks_the_loopback_address_the_app_listens_on(string? urls, string? ports, string expected)
    {
        Assert.Equal(expected, HealthProbe.LocalUrl(urls, ports));
    }

    [Fact]
    public async Task The_probe_exits_with_one_when_nothing_listens()
    {
        var output = new StringWriter();

        var exitCode = await HealthProbe.RunAsync([HealthProbe.Flag, $"http://127.0.0.1:{ComposeOnLocalhost.FreePort()}"], output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("unreachable", output.ToString());
    }
}

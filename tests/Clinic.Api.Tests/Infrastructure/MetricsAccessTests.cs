using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// <c>/metrics</c> of a production API with a staff network (METRICS_ALLOWED_NETWORKS) and a token (METRICS_TOKEN):
/// callers from elsewhere, or forwarded by a proxy, get 404 unless they carry the token.
/// </summary>
public sealed class MetricsAccessTests(MetricsAccessTests.App app) : IClassFixture<MetricsAccessTests.App>
{
    private const string Token = "metrics-token-0123456789abcdef0123456789";

    public sealed class App() : ProductionApp(new SqliteTestDatabase())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("METRICS_ALLOWED_NETWORKS", "10.20.0.0/16, 192.0.2.10");
            builder.UseSetting("METRICS_TOKEN", Token);
        }
    }

    [Theory]
    [InlineData("10.20.3.4", null, null, 200)]
    [InlineData("192.0.2.10", null, null, 200)]
    [InlineData("127.0.0.1", null, null, 200)]
    [InlineData("203.0.113.7", null, null, 404)]
    [InlineData("203.0.113.7", null, "Bearer " + Token, 200)]
    [InlineData("203.0.113.7", null, "Bearer wrong-token-0123456789abcdef0123456789", 404)]
    [InlineData("127.0.0.1", "203.0.113.7", null, 404)]
    [InlineData("10.20.3.4", "203.0.113.7", null, 404)]
    [InlineData("127.0.0.1", "203.0.113.7", "Bearer " + Token, 200)]
    public async Task Metrics_answer_loopback_the_staff_networks_and_the_token_and_nobody_who_came_through_a_proxy(
        string from, string? forwardedFor, string? authorization, int expected)
    {
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = "/metrics";
            http.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (forwardedFor is not null)
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (authorization is not null)
                http.Request.Headers.Authorization = authorization;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(expected, context.Response.StatusCode);
        if (expected == StatusCodes.Status200OK)
        {
            var body = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.Contains("clinic_api_outbox_oldest_due_age_seconds", body);
        }
    }
}

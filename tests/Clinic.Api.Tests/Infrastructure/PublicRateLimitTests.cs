using System.Net;
using Clinic.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// The public routes' rate limit per client address. The in-memory test server has no connections, so each request
/// names the address it comes from in <see cref="PeerHeader"/>, the way a real connection would have it; a reverse
/// proxy at <see cref="Proxy"/> is trusted (TRUSTED_PROXIES).
/// </summary>
public abstract class PublicRateLimitTests(ClinicApp app) : ApiTest(app)
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.9.9.9";
    private const int Burst = PublicRateLimit.Burst;

    [Theory]
    [InlineData("/verify/MC-2026-000001")]
    [InlineData("/b/no-such-link")]
    public async Task An_address_gets_429_with_retry_after_once_its_burst_is_spent_while_another_address_is_still_served(string path)
    {
        var peer = NewAddress();
        for (var i = 0; i < Burst; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(path, peer)).StatusCode);

        var refused = await UntilRefusedAsync(() => GetAsync(path, peer));

        await AssertErrorAsync(refused, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(path, NewAddress())).StatusCode);
    }

    [Fact]
    public async Task A_forged_x_forwarded_for_from_an_untrusted_address_buys_no_fresh_bucket()
    {
        var peer = NewAddress();
        for (var i = 0; i < Burst; i++)
            await GetAsync("/verify/MC-2026-000001", peer, forwardedFor: NewAddress());

        var refused = await UntilRefusedAsync(() => GetAsync("/verify/MC-2026-000001", peer, forwardedFor: NewAddress()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        var client = NewAddress();
        for (var i = 0; i < Burst; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/verify/MC-2026-000001", Proxy, forwardedFor: client)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await UntilRefusedAsync(() => GetAsync("/verify/MC-2026-000001", Proxy, forwardedFor: client))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/verify/MC-2026-000001", Proxy, forwardedFor: NewAddress())).StatusCode);
    }

    [Fact]
    public async Task The_bots_own_routes_are_not_limited()
    {
        var peer = NewAddress();
        for (var i = 0; i <= Burst; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Branches);
            request.Headers.Add(PeerHeader, peer);
            Assert.Equal(HttpStatusCode.OK, (await Api.SendAsync(request, Cancel)).StatusCode);
        }
    }

    /// <summary>
    /// Asks again until refused: the bucket refills continuously (2 requests a second), so a slow machine gets a few more
    /// than the burst before the 429; a limit that never refuses fails here.
    /// </summary>
    private static async Task<HttpResponseMessage> UntilRefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        for (var extra = 1; response.StatusCode != HttpStatusCode.TooManyRequests && extra < Burst; extra++)
            response = await send();
        return response;
    }

    private static int _lastAddress;

    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"198.51.{n / 250}.{n % 250 + 1}";
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string peer, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(PeerHeader, peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await App.Anonymous.SendAsync(request, Cancel);
    }
}

/// <summary>The API behind a trusted proxy, whose test server takes each request's client address from <see cref="PublicRateLimitTests.PeerHeader"/>.</summary>
public abstract class PeerAddressApp(ITestDatabase database) : ClinicApp(database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TRUSTED_PROXIES", PublicRateLimitTests.Proxy);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PublicRateLimitTests.PeerHeader].ToString(), out var peer))
                    context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class PeerAddressSqliteApp() : PeerAddressApp(new SqliteTestDatabase());

public sealed class PeerAddressPostgresApp() : PeerAddressApp(new PostgresTestDatabase());

public sealed class PublicRateLimitSqliteTests(PeerAddressSqliteApp app) : PublicRateLimitTests(app), IClassFixture<PeerAddressSqliteApp>;

public sealed class PublicRateLimitPostgresTests(PeerAddressPostgresApp app) : PublicRateLimitTests(app), IClassFixture<PeerAddressPostgresApp>;

using System.Threading.RateLimiting;
using Clinic.Contracts;
using Microsoft.AspNetCore.HttpOverrides;

namespace Clinic.Api;

/// <summary>
/// The rate limit of the public routes (<c>/verify</c>, <c>/b</c>, <c>/pay/sandbox</c>): a token bucket per client address,
/// generous for people (a QR scan or a click is one or two requests) and a wall for scripts that walk numbers or tokens.
/// The client address is the connection's, or, only behind a proxy listed in <c>TRUSTED_PROXIES</c>, the one that proxy
/// put in <c>X-Forwarded-For</c>: a header from anyone else is ignored, so it cannot buy a fresh bucket per request.
/// </summary>
public static class PublicRateLimit
{
    public const string PolicyName = "public";

    /// <summary>Requests a client address may make at once; the bucket refills continuously at <see cref="PerMinute"/>.</summary>
    public const int Burst = 120;

    /// <summary>
    /// Sustained requests per minute per client address. Mobile carriers put many patients behind one address, and a
    /// broadcast's clicks come in a wave, hence well above what one person does.
    /// </summary>
    public const int PerMinute = 120;

    public static IServiceCollection AddClinicPublicRateLimit(this IServiceCollection services, ClinicApiOptions options)
    {
        services.AddClinicRateLimiting(limiter => limiter.AddPolicy(PolicyName, http =>
            RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Burst,
                TokensPerPeriod = PerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Each hop must be a trusted proxy for the address before it to be believed, so no hop count is needed.
            forwarded.ForwardLimit = null;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in options.TrustedProxies)
                forwarded.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>Believes <c>X-Forwarded-For</c> from the trusted proxies only; without any, the connection's address counts.</summary>
    public static WebApplication UseClinicForwardedHeaders(this WebApplication app, ClinicApiOptions options)
    {
        if (options.TrustedProxies.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }
}

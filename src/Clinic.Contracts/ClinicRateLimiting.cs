using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Contracts;

/// <summary>
/// The one rate limiter of a web host, shared by the API's public routes and the bot's webhook. The all-in-one server
/// composes both, so each side adds its policy here and the middleware goes into the pipeline once, whichever side
/// comes first. A refusal is 429 <c>rate_limited</c> in the API's error shape, with <c>Retry-After</c>.
/// </summary>
public static class ClinicRateLimiting
{
    private const string PipelineKey = "Clinic.RateLimiterInPipeline";

    public static IServiceCollection AddClinicRateLimiting(this IServiceCollection services, Action<RateLimiterOptions> addPolicies)
    {
        if (!services.Any(d => d.ServiceType == typeof(RateLimiterMarker)))
        {
            services.AddSingleton<RateLimiterMarker>();
            services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = RejectAsync;
            });
        }

        services.Configure(addPolicies);
        return services;
    }

    /// <summary>Adds the middleware unless the other side of the same host already did (counting every request twice).</summary>
    public static IApplicationBuilder UseClinicRateLimiting(this IApplicationBuilder app)
    {
        if (app.Properties.TryAdd(PipelineKey, true))
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(
            new ApiError(ErrorCodes.RateLimited, $"Too many requests; try again in {seconds} s."), ClinicJson.Options, cancellationToken);
    }

    private sealed class RateLimiterMarker;
}

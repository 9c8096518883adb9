using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Contracts;

/// <summary>
/// The health endpoints both web hosts serve, on Microsoft.Extensions.Diagnostics.HealthChecks: <c>/health/live</c>
/// runs no check (the process answers: what the Docker HEALTHCHECK asks), <c>/health/ready</c> runs every check tagged
/// <see cref="Ready"/>, and <c>/health</c> is the same as ready. Each host writes its ready answer its own way.
/// </summary>
public static class ClinicHealth
{
    /// <summary>The tag of the checks readiness runs.</summary>
    public const string Ready = "ready";

    public static readonly string[] ReadyTags = [Ready];

    public static IEndpointRouteBuilder MapClinicHealth(this IEndpointRouteBuilder endpoints, Func<HttpContext, HealthReport, Task> writeReady)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = writeReady };
        endpoints.MapHealthChecks(Routes.HealthLive, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteLiveAsync })
            .ExcludeFromDescription();
        endpoints.MapHealthChecks(Routes.HealthReady, ready).ExcludeFromDescription();
        endpoints.MapHealthChecks(Routes.Health, ready).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary><c>{"status":"ok"}</c>: liveness has nothing else to say.</summary>
    private static Task WriteLiveAsync(HttpContext context, HealthReport report) =>
        WriteJsonAsync(context, new Dictionary<string, object?> { ["status"] = "ok" });

    public static Task WriteJsonAsync(HttpContext context, IReadOnlyDictionary<string, object?> body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Api;

/// <summary>
/// The API's health: readiness asks the clinic database (EF Core's check: can the context connect, on SQLite or
/// PostgreSQL alike), liveness nothing. The answer is public and names no component — <c>{"status":"ok"}</c> or 503
/// <c>{"status":"unavailable"}</c>: which database runs behind the API is nobody's business outside. In the all-in-one
/// host the bot's checks join the same readiness, so its answer covers both.
/// </summary>
public static class ApiHealth
{
    public static IServiceCollection AddClinicApiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<ClinicDbContext>("database", tags: ClinicHealth.ReadyTags);
        return services;
    }

    public static IEndpointRouteBuilder MapClinicApiHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapClinicHealth(WriteReadyAsync);

    private static Task WriteReadyAsync(HttpContext context, HealthReport report) =>
        ClinicHealth.WriteJsonAsync(context, new Dictionary<string, object?>
        {
            ["status"] = report.Status == HealthStatus.Unhealthy ? "unavailable" : "ok",
        });
}

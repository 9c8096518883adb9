using Clinic.Bot.ClinicApi;
using Clinic.Bot.Configuration;
using Clinic.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Clinic.Bot.Telegram;

/// <summary>
/// The bot's health checks and, for the bot run on its own (src/Clinic.Bot), its endpoints (<see cref="ClinicHealth"/>):
/// readiness is 200 when the clinic API answers an authenticated call (<see cref="ClinicApiHealthCheck"/>), the bot's
/// own loops are alive (<see cref="LoopLiveness"/>) and, with REDIS_HOST set, Redis answers; 503 otherwise, naming why —
/// <c>clinic_api</c> is <c>unreachable</c> (wrong DJANGO_API_URL, backend down) or <c>unauthorized</c>
/// (TELEGRAM_BOT_API_SECRET differs between bot and API), <c>dead_loops</c> lists the loops (<c>polling</c>,
/// <c>outbox</c>) that ended or got stuck, and <c>redis</c> says whether Redis answers. The all-in-one host maps none of
/// this: its endpoints are the API's, whose readiness runs these checks too.
/// </summary>
public static class BotHealthEndpoint
{
    private const string ClinicApiCheck = "clinic_api";
    private const string LoopsCheck = "loops";
    private const string RedisCheck = "redis";

    public static IServiceCollection AddBotHealth(this IServiceCollection services, BotOptions options)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<ClinicApiHealthCheck>(ClinicApiCheck, tags: ClinicHealth.ReadyTags)
            .AddCheck<LoopLiveness>(LoopsCheck, tags: ClinicHealth.ReadyTags);
        if (options.RedisHost is not null)
        {
            checks.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), RedisCheck, tags: ClinicHealth.ReadyTags,
                timeout: ClinicApiHealthCheck.Timeout);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapClinicHealth(WriteReadyAsync);

    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ok",
            ["clinic_api"] = report.Entries.TryGetValue(ClinicApiCheck, out var api) && api.Data.TryGetValue(ClinicApiHealthCheck.Field, out var state)
                ? state : "unreachable",
            ["dead_loops"] = report.Entries.TryGetValue(LoopsCheck, out var loops) && loops.Data.TryGetValue(LoopLiveness.Field, out var dead)
                ? dead : Array.Empty<string>(),
        };
        if (report.Entries.TryGetValue(RedisCheck, out var redis))
        {
            body["redis"] = redis.Status == HealthStatus.Healthy ? "ok" : "unreachable";
        }

        return ClinicHealth.WriteJsonAsync(context, body);
    }
}

/// <summary>
/// Whether the clinic API answers the bot's authenticated call (its branch list): <c>ok</c>, <c>unauthorized</c> (the
/// secrets differ), <c>unreachable</c> (down, wrong address, or slower than <see cref="Timeout"/>) or <c>error</c>.
/// </summary>
public sealed class ClinicApiHealthCheck(ClinicApiClient api) : IHealthCheck
{
    public const string Field = "clinic_api";

    /// <summary>Below the Docker health check's own timeout, so a hanging API reads as "unreachable", not as a dead bot.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string state;
        try
        {
            var branches = await api.GetBranches(timeout.Token);
            state = branches.IsSuccess ? "ok"
                : branches.StatusCode == StatusCodes.Status401Unauthorized ? "unauthorized"
                : branches.IsUnavailable ? "unreachable"
                : "error";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            state = "unreachable";
        }

        var data = new Dictionary<string, object> { [Field] = state };
        return state == "ok"
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy("The clinic API is " + state, data: data);
    }
}

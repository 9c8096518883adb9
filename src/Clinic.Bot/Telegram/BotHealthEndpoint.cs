using Clinic.Bot.ClinicApi;
using Clinic.Contracts;

namespace Clinic.Bot.Telegram;

/// <summary>
/// <c>GET /health</c> of the bot run on its own (src/Clinic.Bot): 200 when the clinic API answers an authenticated
/// call and the bot's own loops are alive, 503 otherwise, naming why — <c>clinic_api</c> is <c>unreachable</c> (wrong
/// DJANGO_API_URL, backend down) or <c>unauthorized</c> (TELEGRAM_BOT_API_SECRET differs between bot and API), and
/// <c>dead_loops</c> lists the loops (<c>polling</c>, <c>outbox</c>) that ended or got stuck (<see cref="LoopLiveness"/>).
/// Not mapped by the all-in-one host, whose /health is the API's.
/// </summary>
public static class BotHealthEndpoint
{
    /// <summary>Below the Docker health check's own timeout, so a hanging API reads as "unreachable", not as a dead bot.</summary>
    public static readonly TimeSpan ApiCheckTimeout = TimeSpan.FromSeconds(4);

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Routes.Health, CheckAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(ClinicApiClient api, LoopLiveness liveness, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(ApiCheckTimeout);
        string clinicApi;
        try
        {
            var branches = await api.GetBranches(timeout.Token);
            clinicApi = branches.IsSuccess ? "ok"
                : branches.StatusCode == StatusCodes.Status401Unauthorized ? "unauthorized"
                : branches.IsUnavailable ? "unreachable"
                : "error";
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            clinicApi = "unreachable";
        }

        var deadLoops = liveness.DeadLoops();
        return clinicApi == "ok" && deadLoops.Count == 0
            ? Results.Json(new { status = "ok", clinic_api = clinicApi, dead_loops = deadLoops })
            : Results.Json(new { status = "unhealthy", clinic_api = clinicApi, dead_loops = deadLoops }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

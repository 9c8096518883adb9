using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// Public click tracking: a broadcast's button opens <c>/b/{token}</c>, which counts the click and redirects to the
/// real link. The token is random per broadcast, so the URL reveals nothing and cannot be guessed from an id.
/// </summary>
public static class ClickApi
{
    public static IEndpointRouteBuilder MapBroadcastClicks(this IEndpointRouteBuilder app)
    {
        app.MapGet(BroadcastRoutes.ClickPrefix + "{token}", Click).WithName("BroadcastClick").WithTags("Broadcasts").AllowAnonymous();
        return app;
    }

    public static string TrackingUrl(ClinicApiOptions options, string token) =>
        new Uri(options.PublicBaseUrl, BroadcastRoutes.ClickPrefix + token).ToString();

    public static async Task<Results<RedirectHttpResult, NotFound<ApiError>>> Click(
        string token, ClinicDbContext db, CancellationToken cancellationToken)
    {
        var target = await db.Broadcasts.Where(b => b.ClickToken == token && b.ButtonUrl != null)
            .Select(b => b.ButtonUrl).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
            return Errors.NotFound("No such link.");
        await db.Broadcasts.Where(b => b.ClickToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Clicks, b => b.Clicks + 1), cancellationToken);
        return TypedResults.Redirect(target);
    }
}

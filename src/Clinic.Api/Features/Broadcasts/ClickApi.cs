using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Broadcasts;

/// <summary>
/// Public click tracking: a broadcast's button opens <c>/b/{token}</c>, which counts the click and redirects to the
/// real link. The token is random per recipient (their outbox row's), so the URL reveals nothing, cannot be guessed,
/// and a recipient who opens it five times is one click. A broadcast-wide token (links sent before per-recipient
/// tokens) still redirects, uncounted, since it cannot tell recipients apart.
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

    /// <summary>Follow a broadcast's link button</summary>
    /// <remarks>
    /// Public: the link a broadcast's button opens. Counts the recipient's first click and redirects (302) to the real link.
    /// The token is random per recipient, so the URL reveals nothing and cannot be guessed.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such link.</response>
    public static async Task<Results<RedirectHttpResult, NotFound<ApiError>>> Click(
        string token, ClinicDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var recipient = await (
                from message in db.OutboxMessages
                join broadcast in db.Broadcasts on message.BroadcastId equals broadcast.Id
                where message.ClickToken == token && broadcast.ButtonUrl != null
                select new { message.Id, BroadcastId = broadcast.Id, broadcast.ButtonUrl })
            .SingleOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            var target = await db.Broadcasts.Where(b => b.ClickToken == token && b.ButtonUrl != null).Select(b => b.ButtonUrl).SingleOrDefaultAsync(cancellationToken);
            return target is null ? Errors.NotFound("No such link.") : TypedResults.Redirect(target);
        }

        await CountOnceAsync(db, recipient.Id, recipient.BroadcastId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Redirect(recipient.ButtonUrl!);
    }

    /// <summary>The recipient's first click marks their row and counts; the conditional update lets only one request win.</summary>
    private static async Task CountOnceAsync(ClinicDbContext db, long messageId, long broadcastId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var first = await db.OutboxMessages.Where(m => m.Id == messageId && m.ClickedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClickedAtUtc, nowUtc), cancellationToken);
        if (first == 1)
            await db.Broadcasts.Where(b => b.Id == broadcastId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Clicks, b => b.Clicks + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

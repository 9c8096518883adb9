using System.Text.RegularExpressions;

namespace Clinic.Bot.Telemetry;

/// <summary>
/// Counts each call to the clinic API in <c>clinic.bot.api.calls</c> by route template (<c>/api/bot/appointments/{id}/cancel/</c>:
/// ids and lease ids become <c>{id}</c>, the query is dropped) and final status. It is the client's outermost handler,
/// so a call retried three times counts once, with the answer the caller got.
/// </summary>
public sealed partial class ApiCallMetering(BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = Template(request.RequestUri);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.ApiCall(route, request.Method.Method, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            metrics.ApiCall(route, request.Method.Method, error is HttpRequestException ? "unreachable" : "timeout");
            throw;
        }
    }

    public static string Template(Uri? url) =>
        url is null ? "unknown" : "/" + Variable().Replace((url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?')[0]).TrimStart('/'), "{id}");

    /// <summary>A path segment that is a number (a negative one too) or a GUID.</summary>
    [GeneratedRegex("(?<=^|/)(-?[0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)")]
    private static partial Regex Variable();
}

using System.Globalization;

namespace Clinic.Contracts;

/// <summary>
/// <c>dotnet Clinic.Api.dll --healthcheck</c> (and the same for the bot): asks this process's own liveness,
/// <c>/health/live</c>, and exits 0 on a 2xx, 1 otherwise. Liveness only: a container is restarted or marked unhealthy
/// for a process that no longer answers, not for a database or an API that is down (readiness, <c>/health/ready</c>, says that). The runtime image has neither curl nor wget, so the Docker HEALTHCHECK runs the
/// app's own binary in this mode. The address is the first of: a URL after the flag, ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS, Kestrel's default port 5000; wildcard hosts are asked on 127.0.0.1.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--healthcheck";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Flag;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var baseUrl = args.Length > 1 ? args[1] : LocalUrl(
            Environment.GetEnvironmentVariable("ASPNETCORE_URLS"),
            Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        var url = baseUrl.TrimEnd('/') + Routes.HealthLive;
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            await output.WriteLineAsync($"{(int)response.StatusCode} {url} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"unreachable {url}: {error.Message}");
            return 1;
        }
    }

    /// <summary>The loopback URL a process configured with these variables listens on.</summary>
    public static string LocalUrl(string? aspnetcoreUrls, string? httpPorts)
    {
        var first = aspnetcoreUrls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null)
        {
            foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            {
                first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
            }

            return first;
        }

        var port = httpPorts?.Split(';', ',').Select(p => p.Trim()).FirstOrDefault(p => p.Length > 0);
        return port is not null && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? $"http://127.0.0.1:{number}"
            : "http://127.0.0.1:5000";
    }
}

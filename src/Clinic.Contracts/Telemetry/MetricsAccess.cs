using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Clinic.Contracts.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c>: a caller on this machine (loopback), one in <c>METRICS_ALLOWED_NETWORKS</c> (the staff
/// network, a Prometheus server), or anyone with <c>Authorization: Bearer METRICS_TOKEN</c> (compared in constant time).
/// A request that came through a proxy (it carries <c>X-Forwarded-For</c>, or the forwarded-headers middleware took it)
/// counts as the proxy's client, never as loopback, so the public proxy cannot open it. Everyone else gets 404.
/// </summary>
public sealed class MetricsAccess(string? token, IReadOnlyList<IPNetwork> networks)
{
    public const string TokenKey = "METRICS_TOKEN";
    public const string NetworksKey = "METRICS_ALLOWED_NETWORKS";

    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded", "X-Real-IP"];

    private readonly byte[]? _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Outside Development a set token must be a real secret (<see cref="SecretRules"/>).</summary>
    public static MetricsAccess FromConfiguration(IConfiguration config, bool isDevelopment)
    {
        var token = string.IsNullOrWhiteSpace(config[TokenKey]) ? null : config[TokenKey]!.Trim();
        if (token is not null && !isDevelopment && SecretRules.Problem(TokenKey, token) is { } problem)
            throw new InvalidOperationException(problem);
        return new MetricsAccess(token, IpNetworks.Parse(config[NetworksKey], NetworksKey));
    }

    public bool Allows(HttpContext http)
    {
        if (HasToken(http.Request))
            return true;
        if (ForwardingHeaders.Any(http.Request.Headers.ContainsKey) || http.Connection.RemoteIpAddress is not { } address)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || networks.Any(network => network.Contains(address));
    }

    public async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        if (!Allows(http))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(http);
    }

    private bool HasToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (_tokenHash is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
            return false;
        return CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())));
    }
}

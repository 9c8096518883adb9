using System.Net;
using System.Net.Sockets;

namespace Clinic.Contracts;

/// <summary>Addresses (<c>10.0.0.5</c>) or networks (<c>172.16.0.0/12</c>), comma separated, as TRUSTED_PROXIES and
/// METRICS_ALLOWED_NETWORKS take them.</summary>
public static class IpNetworks
{
    public static IReadOnlyList<IPNetwork> Parse(string? value, string key)
    {
        var networks = new List<IPNetwork>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var network))
                throw new InvalidOperationException($"{key} must be comma-separated IP addresses or CIDR networks, got '{part}'.");
            networks.Add(network);
        }
        return networks;
    }

    /// <summary>One network, or one address as a network of just itself.</summary>
    public static bool TryParse(string part, out IPNetwork network)
    {
        if (IPNetwork.TryParse(part, out network))
            return true;
        if (!IPAddress.TryParse(part, out var address))
            return false;
        network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}

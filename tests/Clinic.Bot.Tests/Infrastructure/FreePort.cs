using System.Net;
using System.Net.Sockets;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>A loopback port nobody listens on right now, for hosts whose URL must be known before they start.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

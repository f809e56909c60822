using System.Net;
using System.Net.Sockets;

namespace Wiro.Core.Tests;

/// <summary>
/// An <see cref="HttpListener"/> on a free loopback port. It cannot bind port 0 itself, so a port is found first and
/// then bound; another test may take that port in between, and then a fresh one is tried.
/// </summary>
internal static class LoopbackHttpListener
{
    /// <summary>The started listener and its port.</summary>
    public static (HttpListener Listener, int Port) Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Wiro.Emulator.Tests;

/// <summary>Where the emulator listens, and how a start that cannot listen fails.</summary>
public sealed class StartTests
{
    [Fact]
    public async Task A_free_port_is_taken_on_127_0_0_1_and_named_in_both_addresses()
    {
        await using var emulator = await WiroEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal($"http://127.0.0.1:{emulator.BaseAddress.Port}/v1/", emulator.BaseAddress.AbsoluteUri);
        Assert.Equal($"ws://127.0.0.1:{emulator.BaseAddress.Port}/socket/v1", emulator.WebSocketAddress.AbsoluteUri);
        using var listening = new TcpClient();
        await listening.ConnectAsync(IPAddress.Loopback, emulator.BaseAddress.Port);
    }

    // The wiro tool tells "cannot listen" from other failures by this IOException.
    [Fact]
    public async Task A_port_already_taken_fails_the_start_with_an_IOException()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            await Assert.ThrowsAnyAsync<IOException>(() => WiroEmulator.StartAsync(new WiroEmulatorOptions { Port = port }));
        }
        finally
        {
            taken.Stop();
        }
    }
}

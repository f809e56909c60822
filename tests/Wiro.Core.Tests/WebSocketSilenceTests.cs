using System.Net;
using System.Net.Sockets;

namespace Wiro.Core.Tests;

/// <summary>
/// A socket server that accepts the subscription and then says nothing: the wait must not hang on it, but check
/// Task/Detail when the socket stays silent and end when the task has ended.
/// </summary>
public sealed class WebSocketSilenceTests
{
    [Fact]
    public async Task Silent_socket_is_checked_with_task_detail_until_the_task_ends()
    {
        using var mute = MuteWebSocketServer.Start();
        var handler = new ScriptedHandler((_, i) => ScriptedHandler.Task(i < 2 ? "task_start" : "task_postprocess_end", pexit: "0"));
        using var client = ScriptedHandler.Client(handler, options =>
        {
            options.WebSocketAddress = mute.Address;
            options.WebSocketIdleTimeout = TimeSpan.FromMilliseconds(20);
        });
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await client.WaitForCompletionAsync(new WiroRunResult("7", "tok"), cancellationToken: limit.Token);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(3, handler.Sent.Count);
        Assert.Equal("""{"type":"task_info","tasktoken":"tok"}""", await mute.FirstMessage);
    }

    /// <summary>An HttpListener WebSocket endpoint on loopback that records the first message and never answers.</summary>
    private sealed class MuteWebSocketServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private MuteWebSocketServer(HttpListener listener, Uri address)
        {
            _listener = listener;
            Address = address;
            _ = ServeAsync();
        }

        public Uri Address { get; }

        public Task<string> FirstMessage => _first.Task;

        public static MuteWebSocketServer Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            return new MuteWebSocketServer(listener, new Uri($"ws://127.0.0.1:{port}/socket/v1"));
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            try
            {
                var context = await _listener.GetContextAsync();
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                _first.TrySetResult(System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count));
                await socket.ReceiveAsync(buffer, CancellationToken.None); // holds the socket open, silent
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or System.Net.WebSockets.WebSocketException)
            {
                _first.TrySetException(exception);
            }
        }
    }
}

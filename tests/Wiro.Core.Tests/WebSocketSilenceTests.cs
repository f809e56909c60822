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

    [Fact]
    public async Task Socket_host_that_never_completes_the_handshake_falls_back_to_polling()
    {
        var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        try
        {
            var accepting = tcp.AcceptTcpClientAsync(); // takes the connection and never answers the upgrade
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            var handler = new ScriptedHandler((_, _) => ScriptedHandler.Task("task_postprocess_end", pexit: "0"));
            // The connect timeout runs on the client's clock: it moves only once the client has reached the host and
            // waits on it, so a slow machine cannot end the connect before it began.
            var clock = new WatchedClock();
            var connectTimeout = TimeSpan.FromSeconds(10);
            using var client = ScriptedHandler.Client(handler, options =>
            {
                options.WebSocketAddress = new Uri($"ws://127.0.0.1:{port}/socket/v1");
                options.WebSocketConnectTimeout = connectTimeout;
                options.Clock = clock;
            });
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var waiting = client.WaitForCompletionAsync(new WiroRunResult("7", "tok"), cancellationToken: limit.Token);
            using var peer = await accepting.WaitAsync(limit.Token);
            await clock.WaitForTimerAsync(connectTimeout);
            clock.Advance(connectTimeout);
            var result = await waiting;

            Assert.True(result.IsSuccess, result.FailureReason);
            Assert.Single(handler.Sent);
        }
        finally
        {
            tcp.Stop();
        }
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
            var (listener, port) = LoopbackHttpListener.Start();
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

using System.Net;
using System.Net.WebSockets;

namespace Wiro.Core.Tests;

/// <summary>
/// A socket server on loopback that answers the subscription with a message the client cannot read: the wait drops
/// the socket and polls Task/Detail to the same end, with no framework exception escaping.
/// </summary>
public sealed class WebSocketGarbageTests
{
    public static TheoryData<byte[]> Garbage => new()
    {
        { [.. """{"type":"task_"""u8, 0xFF, .. "\"}"u8] },
        { """{"type":"task_\ud800"}"""u8.ToArray() },
        { "[1,2]"u8.ToArray() },
        { """{"type":"task_out"""u8.ToArray() },
        { System.Text.Encoding.ASCII.GetBytes(new string('[', 200) + new string(']', 200)) },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task An_unreadable_message_falls_back_to_polling(byte[] message)
    {
        using var server = OneMessageServer.Start(message);
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Task("task_postprocess_end", pexit: "0"));
        using var client = ScriptedHandler.Client(handler, options =>
        {
            options.WebSocketAddress = server.Address;
            options.WebSocketIdleTimeout = TimeSpan.FromSeconds(30);
        });
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var result = await client.WaitForCompletionAsync(new WiroRunResult("7", "tok"), cancellationToken: limit.Token);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.True(await server.Sent, "the message never reached the client");
        Assert.Single(handler.Sent);
    }

    /// <summary>An HttpListener WebSocket endpoint that sends one message after the subscription, then holds the socket open.</summary>
    private sealed class OneMessageServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly byte[] _message;
        private readonly TaskCompletionSource<bool> _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private OneMessageServer(HttpListener listener, Uri address, byte[] message)
        {
            _listener = listener;
            _message = message;
            Address = address;
            _ = ServeAsync();
        }

        public Uri Address { get; }

        public Task<bool> Sent => _sent.Task;

        public static OneMessageServer Start(byte[] message)
        {
            var (listener, port) = LoopbackHttpListener.Start();
            return new OneMessageServer(listener, new Uri($"ws://127.0.0.1:{port}/socket/v1"), message);
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            try
            {
                var context = await _listener.GetContextAsync();
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                await socket.ReceiveAsync(buffer, CancellationToken.None);
                await socket.SendAsync(_message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                _sent.TrySetResult(true);
                await socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or WebSocketException)
            {
                _sent.TrySetResult(false);
            }
        }
    }
}

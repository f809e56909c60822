using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// A WebSocket endpoint on 127.0.0.1 that answers the first subscription with the frames its script yields, in
/// order, then holds the socket open until the client closes it (as Wiro does after a terminal status, the client is
/// the one expected to leave). It records the subscription and how many frames went out.
/// </summary>
internal sealed class ScriptedSocketServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<IEnumerable<byte[]>> _frames;
    private readonly TaskCompletionSource<string> _subscription = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedSocketServer(HttpListener listener, Uri address, Func<IEnumerable<byte[]>> frames)
    {
        _listener = listener;
        _frames = frames;
        Address = address;
        _ = ServeAsync();
    }

    public Uri Address { get; }

    /// <summary>The client's subscription message.</summary>
    public Task<string> Subscription => _subscription.Task;

    /// <summary>How many frames were sent, once the script is spent (or the client left).</summary>
    public Task<int> Sent => _sent.Task;

    public static ScriptedSocketServer Start(Func<IEnumerable<byte[]>> frames)
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new ScriptedSocketServer(listener, new Uri($"ws://127.0.0.1:{port}/socket/v1"), frames);
    }

    /// <summary>One frame, as Wiro shapes them: <c>{"type","id","tasktoken","message","result":true}</c>; <paramref name="messageJson"/> is raw JSON.</summary>
    public static byte[] Frame(string type, string? id, string? token, string messageJson = "null")
    {
        var text = new StringBuilder("{\"type\":\"").Append(type).Append('"');
        if (id is not null)
        {
            text.Append(",\"id\":\"").Append(id).Append('"');
        }

        if (token is not null)
        {
            text.Append(",\"tasktoken\":\"").Append(token).Append('"');
        }

        return Encoding.UTF8.GetBytes(text.Append(",\"message\":").Append(messageJson).Append(",\"result\":true}").ToString());
    }

    public static string Progress(double percentage)
        => "{\"type\":\"progressGenerate\",\"percentage\":\"" + percentage.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}";

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        var sent = 0;
        try
        {
            var context = await _listener.GetContextAsync();
            var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            _subscription.TrySetResult(Encoding.UTF8.GetString(buffer, 0, received.Count));
            foreach (var frame in _frames())
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                sent++;
            }

            _sent.TrySetResult(sent);
            while (socket.State == WebSocketState.Open)
            {
                await socket.ReceiveAsync(buffer, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or WebSocketException or InvalidOperationException)
        {
        }
        finally
        {
            _subscription.TrySetResult("");
            _sent.TrySetResult(sent);
        }
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Wiro.Benchmarks.Load;

/// <summary>
/// The floor of the load run: one bare <see cref="ClientWebSocket"/> that subscribes as the client does
/// (<c>{"type":"task_info","tasktoken":…}</c>), reads frames into one 4 KiB array (the client's first buffer size)
/// until a terminal type, then closes its output as the client does. No idle check, no cap, no confirmation.
/// </summary>
internal static class BareSocketWait
{
    public static async Task WaitAsync(Uri address, string token, Action onFirstFrame)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, CancellationToken.None).ConfigureAwait(false);
        var subscribe = Encoding.UTF8.GetBytes($$"""{"type":"task_info","tasktoken":"{{token}}"}""");
        await socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);

        var buffer = new byte[4096];
        var first = true;
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                length += received.Count;
            }
            while (!received.EndOfMessage && length < buffer.Length);

            if (received.MessageType == WebSocketMessageType.Close || !received.EndOfMessage)
            {
                throw new InvalidOperationException("The socket closed (or sent a message over 4 KiB) before the terminal status.");
            }

            if (first)
            {
                first = false;
                onFirstFrame();
            }

            if (IsTerminal(buffer.AsSpan(0, length)))
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).ConfigureAwait(false);
                return;
            }
        }
    }

    private static bool IsTerminal(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                return WiroTaskStatusExtensions.FromWireName(reader.GetString()!).IsTerminal();
            }
        }

        return false;
    }
}

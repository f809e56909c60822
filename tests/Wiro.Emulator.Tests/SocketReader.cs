using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Wiro.Emulator.Tests;

/// <summary>Subscribes to a task on the emulator's WebSocket and collects every frame until the server closes.</summary>
internal static class SocketReader
{
    public static async Task<(List<JsonElement> Frames, WebSocketCloseStatus? Close)> ReadAllAsync(Uri address, string taskToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, timeout.Token);
        var hello = Encoding.UTF8.GetBytes($$"""{"type":"task_info","tasktoken":"{{taskToken}}"}""");
        await socket.SendAsync(hello, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);

        var frames = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
                return (frames, socket.CloseStatus);
            }

            frames.Add(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
        }
    }

    public static string Type(JsonElement frame) => frame.GetProperty("type").GetString()!;
}

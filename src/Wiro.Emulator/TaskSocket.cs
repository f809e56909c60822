using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Wiro.Emulator;

/// <summary>
/// The WebSocket at <c>/socket/v1</c>: after <c>{"type":"task_info","tasktoken":"..."}</c> it sends every status
/// the task has passed (so a late subscriber still sees the whole sequence), then each new one as the clock
/// reaches it, and closes after the terminal status. A queued <see cref="WiroFaultKind.EndlessWebSocketMessage"/>
/// replaces all of that for the next subscription.
/// </summary>
internal sealed class TaskSocket(TimeProvider clock, Func<string, EmulatedTask?> findByToken, Func<Uri> serverAddress, FaultQueue faults)
{
    private const int EndlessFrameLength = 64 * 1024;

    /// <summary>
    /// How often a fake clock is read: the test advances it, not this wait. On the system clock the socket sleeps
    /// until the next status is due (as a real server pushes) or the task is stopped.
    /// </summary>
    private static readonly TimeSpan FakeClockPoll = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(1);

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Answer.ErrorAsync(context, StatusCodes.Status400BadRequest, 0, "A WebSocket request is expected.").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        try
        {
            var token = await ReadTaskTokenAsync(socket, context.RequestAborted).ConfigureAwait(false);
            if (faults.TakeForSocket() is { } fault)
            {
                await SendEndlessMessageAsync(socket, fault.Size, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            var task = token is null ? null : findByToken(token);
            if (task is null)
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "unknown task", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var watching = WatchForCloseAsync(socket, closed);
            await FollowAsync(socket, task, closed.Token).ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // Output only: the watcher owns receiving, and sees the client's answering close.
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "task ended", context.RequestAborted).ConfigureAwait(false);
                await Task.WhenAny(watching, Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted)).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; nothing is owed to it.
        }
    }

    private async Task FollowAsync(WebSocket socket, EmulatedTask task, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var statuses = task.StatusesUpTo(now);
            for (; sent < statuses.Count; sent++)
            {
                foreach (var frame in SocketFrames.For(task, statuses[sent], serverAddress()))
                {
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                }
            }

            if (task.IsEndedAt(now))
            {
                return;
            }

            await SleepAsync(task, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task SleepAsync(EmulatedTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (clock != TimeProvider.System)
        {
            return Task.Delay(FakeClockPoll, cancellationToken);
        }

        var sleep = task.NextStepAt(now) is { } due ? due - now : Timeout.InfiniteTimeSpan;
        return Task.WhenAny(Task.Delay(sleep == Timeout.InfiniteTimeSpan || sleep >= MinSleep ? sleep : MinSleep, cancellationToken), task.Stopped).Unwrap();
    }

    /// <summary>Frames of one message that never ends, then silence until the client leaves.</summary>
    private static async Task SendEndlessMessageAsync(WebSocket socket, long size, CancellationToken cancellationToken)
    {
        var frame = new byte[EndlessFrameLength];
        Array.Fill(frame, (byte)'x');
        var headLength = Encoding.UTF8.GetBytes("""{"type":"task_output","message":"x""", frame);
        for (var left = size; left > 0; left -= EndlessFrameLength)
        {
            var length = (int)Math.Min(left, EndlessFrameLength);
            await socket.SendAsync(frame.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: false, cancellationToken).ConfigureAwait(false);
            if (left == size)
            {
                // Only the first frame starts the JSON; the rest is the same string going on.
                frame.AsSpan(0, headLength).Fill((byte)'x');
            }
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadTaskTokenAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close || message.Length > 64 * 1024)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        try
        {
            using var request = JsonDocument.Parse(message.ToArray());
            return request.RootElement.ValueKind == JsonValueKind.Object
                && request.RootElement.TryGetProperty("tasktoken", out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads (and drops) what the client sends, so its close stops the frames at once.</summary>
    private static async Task WatchForCloseAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), closed.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        try
        {
            closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Follows one task to its end: over the WebSocket when one is configured, else (or when it fails) by polling
/// Task/Detail with growing intervals. The outcome is always confirmed by Task/Detail, which alone carries
/// <c>pexit</c>. A status no spec lists never ends the wait.
/// </summary>
internal sealed class TaskWaiter
{
    private readonly WiroClient _client;
    private readonly WiroRunResult _run;
    private readonly Action<WiroTaskUpdate> _report;
    private string? _lastReported;

    public TaskWaiter(WiroClient client, WiroRunResult run, Action<WiroTaskUpdate> report)
    {
        _client = client;
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _report = report;
    }

    public async Task<WiroTask> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_client.Options.EffectiveWebSocketAddress is { } socket)
            {
                try
                {
                    await FollowSocketAsync(socket, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is WebSocketException or IOException or JsonException
                                                  || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // The socket is an optimisation: polling below reaches the same end.
                }
            }

            return await PollAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _client.Options.KillTaskOnCancel)
        {
            await KillQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<WiroTask> PollAsync(CancellationToken cancellationToken)
    {
        var options = _client.Options;
        var delay = options.PollingInterval;
        while (true)
        {
            var task = await _client.GetTaskByTokenAsync(_run.SocketAccessToken, cancellationToken).ConfigureAwait(false);
            Report(task.Status, task.RawStatus, null, null, force: false);
            if (IsFinal(task.Status))
            {
                return task;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            var next = TimeSpan.FromMilliseconds(delay.TotalMilliseconds * options.PollingBackoffFactor);
            delay = next > options.MaxPollingInterval ? options.MaxPollingInterval : next;
        }
    }

    /// <summary>Reads socket frames until a terminal status arrives; the caller then confirms by polling.</summary>
    private async Task FollowSocketAsync(Uri address, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        var subscribe = JsonSerializerFree.TaskInfo(_run.SocketAccessToken);
        await socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State == WebSocketState.Open)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                buffer.Advance(received.Count);
            }
            while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (HandleFrame(buffer.WrittenMemory))
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>Reports one frame; true when it carries a terminal status.</summary>
    private bool HandleFrame(ReadOnlyMemory<byte> frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var type = WiroTask.Text(root, "type");
        if (type is null)
        {
            return false;
        }

        var status = WiroTaskStatusExtensions.FromWireName(type);
        double? percentage = null;
        string? message = null;
        if (root.TryGetProperty("message", out var body))
        {
            if (body.ValueKind == JsonValueKind.String)
            {
                message = body.GetString();
            }
            else if (body.ValueKind == JsonValueKind.Object)
            {
                percentage = WiroTask.Number(body, "percentage");
            }
        }

        Report(status, type, percentage, message, force: message is not null || percentage is not null);
        // On the socket task_error is a line of stderr, not the end; the outcome is confirmed by Task/Detail.
        return status.IsTerminal();
    }

    private void Report(WiroTaskStatus status, string rawStatus, double? percentage, string? message, bool force)
    {
        if (!force && rawStatus == _lastReported)
        {
            return;
        }

        _lastReported = rawStatus;
        _report(new WiroTaskUpdate(_run.TaskId, status, rawStatus, percentage, message));
    }

    /// <summary>From Task/Detail, task_error means the task failed before the model ran: that ends the wait too.</summary>
    private static bool IsFinal(WiroTaskStatus status)
        => status.IsTerminal() || status == WiroTaskStatus.TaskError;

    private async Task KillQuietlyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.KillTaskAsync(_run.TaskId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WiroApiException or OperationCanceledException)
        {
            // Best effort: the caller asked to stop, and the task may already have ended.
        }
    }

    /// <summary>The subscribe message, written without a serializer.</summary>
    private static class JsonSerializerFree
    {
        public static ReadOnlyMemory<byte> TaskInfo(string token)
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "task_info");
                writer.WriteString("tasktoken", token);
                writer.WriteEndObject();
            }

            return buffer.WrittenMemory;
        }
    }
}

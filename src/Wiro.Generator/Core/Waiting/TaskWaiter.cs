#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.IO;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Follows one task to its end: over the WebSocket when one is configured, else (or when it fails) by polling
/// Task/Detail with growing intervals. The outcome is always confirmed by Task/Detail, which alone carries
/// <c>pexit</c>. A status no spec lists never ends the wait. Killing on cancel is the caller's business.
/// </summary>
internal sealed class TaskWaiter
{
    private readonly WiroClient _client;
    private readonly WiroRunResult _run;
    private readonly ProgressGate? _progress;
    private readonly ITaskOutputReader? _outputMessage;

    /// <param name="client">The client whose options and calls the wait uses.</param>
    /// <param name="run">The task.</param>
    /// <param name="report">Receives the updates <see cref="ProgressGate"/> lets through; may be null.</param>
    /// <param name="outputMessage">
    /// Receives the <c>message</c> of every <c>task_output</c> frame about this task, as sent (an LLM's cumulative
    /// <c>thinking[]</c>/<c>answer[]</c>), on the socket only, in order and unthrottled; may be null. It must not throw.
    /// </param>
    public TaskWaiter(WiroClient client, WiroRunResult run, Action<WiroTaskUpdate>? report, ITaskOutputReader? outputMessage = null)
    {
        _client = client;
        _run = run;
        _outputMessage = outputMessage;
        _progress = report is null ? null : new ProgressGate(report, client.Options.Clock, client.Options.ProgressReportInterval);
    }

    /// <summary>Follows the task to its end; the last update reported carries the final status (see <see cref="ProgressGate"/>).</summary>
    public async Task<WiroTask> WaitAsync(CancellationToken cancellationToken)
    {
        var task = await FollowAsync(cancellationToken).ConfigureAwait(false);
        _progress?.Finish(new WiroTaskUpdate(_run.TaskId, task.Status, task.RawStatus, null, null));
        return task;
    }

    private async Task<WiroTask> FollowAsync(CancellationToken cancellationToken)
    {
        if (_client.WebSocketAddress is { } address && !string.IsNullOrEmpty(_run.SocketAccessToken))
        {
            try
            {
                var ended = await FollowSocketAsync(address, cancellationToken).ConfigureAwait(false);
                if (ended is not null)
                {
                    return ended;
                }
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or WiroMalformedResponseException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The socket is an optimisation: polling below reaches the same end.
                _client.Log?.FallingBackToPolling(_run.TaskId, exception.GetType().Name);
            }
        }

        return await PollAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WiroTask> PollAsync(CancellationToken cancellationToken)
    {
        var options = _client.Options;
        var delay = options.PollingInterval;
        while (true)
        {
            var task = await CheckAsync(cancellationToken).ConfigureAwait(false);
            if (IsFinal(task.Status))
            {
                return task;
            }

            await Task.Delay(delay, options.Clock, cancellationToken).ConfigureAwait(false);
            var next = TimeSpan.FromMilliseconds(delay.TotalMilliseconds * options.PollingBackoffFactor);
            delay = next > options.MaxPollingInterval ? options.MaxPollingInterval : next;
        }
    }

    /// <summary>
    /// One Task/Detail read, reported when the status changed. The lookup (by token, else by id) already refuses an
    /// answer about another task; the id is checked as well, so that an answer whose token matches but which names
    /// another task never ends this wait with that task's outcome (<see cref="WiroMalformedResponseException"/>).
    /// </summary>
    private async Task<WiroTask> CheckAsync(CancellationToken cancellationToken)
    {
        var task = string.IsNullOrEmpty(_run.SocketAccessToken)
            ? await _client.GetTaskByIdAsync(_run.TaskId, cancellationToken).ConfigureAwait(false)
            : await _client.GetTaskByTokenAsync(_run.SocketAccessToken, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_run.TaskId) && !string.Equals(task.Id, _run.TaskId, StringComparison.Ordinal))
        {
            throw new WiroMalformedResponseException(
                $"Wiro answered Task/Detail for task '{_run.TaskId}' with another task (its token matches, its id does not).", null, null);
        }

        Report(task.Status, task.RawStatus, null, null);
        return task;
    }

    /// <summary>
    /// Reads socket frames until a terminal status arrives, then returns the task as Task/Detail confirms it (null
    /// when the socket ends without one, or Task/Detail does not show the end yet: the caller polls). When the socket
    /// stays silent for <see cref="WiroClientOptions.WebSocketIdleTimeout"/>, Task/Detail is read once, so a lost
    /// frame or a mute server cannot hold the wait forever; the task returned then already ended. A message larger
    /// than <see cref="WiroClientOptions.MaxWebSocketMessageBytes"/> (or one that never ends) drops the socket.
    /// </summary>
    private async Task<WiroTask?> FollowSocketAsync(Uri address, CancellationToken cancellationToken)
    {
        var idle = _client.Options.WebSocketIdleTimeout;
        using var socket = new ClientWebSocket();
        // An unreachable socket host could hold the connect for minutes; polling takes over instead. The bound runs on
        // the client's clock, as every other wait of the client does.
        using (var connectTimeout = new CancellationTokenSource(_client.Options.WebSocketConnectTimeout, _client.Options.Clock))
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token))
        {
            await socket.ConnectAsync(address, _client.Options.WebSocketInvoker, connecting.Token).ConfigureAwait(false);
        }

        await socket.SendAsync(TaskInfoMessage(_run.SocketAccessToken), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);

        using var buffer = new CappedBuffer(_client.Options.MaxWebSocketMessageBytes, 4096);
        using var silence = new SilenceWatch(idle, _client.Options.Clock, cancellationToken);
        while (socket.State == WebSocketState.Open)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                var receiving = socket.ReceiveAsync(buffer.GetMemory(), cancellationToken);
                if (!receiving.IsCompleted)
                {
                    // A pending receive cannot be cancelled without aborting the socket, so silence is waited out beside it.
                    var pending = receiving.AsTask();
                    while (!await silence.WaitAsync(pending).ConfigureAwait(false))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var task = await CheckAsync(cancellationToken).ConfigureAwait(false);
                        if (IsFinal(task.Status))
                        {
                            return task;
                        }
                    }

                    receiving = new ValueTask<ValueWebSocketReceiveResult>(pending);
                }

                received = await receiving.ConfigureAwait(false);
                silence.Heard();
                buffer.Advance(received.Count);
                if (buffer.Overflowed)
                {
                    // Not worth a close handshake with a server that sends this; polling takes over.
                    socket.Abort();
                    return null;
                }
            }
            while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (HandleFrame(buffer.WrittenMemory))
            {
                return await ConfirmWhileClosingAsync(socket, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads Task/Detail for the outcome (the terminal frame carries no <c>pexit</c>) while the close handshake runs,
    /// so the caller does not wait for the close; null when Task/Detail does not show the end yet (polling goes on).
    /// </summary>
    private async Task<WiroTask?> ConfirmWhileClosingAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var confirming = CheckAsync(cancellationToken);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            // The server may close first or drop the connection; the outcome comes from Task/Detail either way.
        }

        var task = await confirming.ConfigureAwait(false);
        return IsFinal(task.Status) ? task : null;
    }

    /// <summary>Reports one frame; true when it carries a terminal status.</summary>
    private bool HandleFrame(ReadOnlyMemory<byte> frame)
    {
        // A frame that names another task (a server that mixes its subscribers up) is not this task's news.
        if (SocketMessage.Read(frame, _run, _outputMessage) is not { } message || !message.IsAbout(_run))
        {
            return false;
        }

        Report(message.Status, message.RawType, message.Percentage, message.Message);

        // On the socket task_error is a line of stderr, not the end; the outcome is confirmed by Task/Detail.
        return message.Status.IsTerminal();
    }

    /// <summary>Offers an update to the caller; <see cref="ProgressGate"/> decides whether it is a change worth a callback now.</summary>
    private void Report(WiroTaskStatus status, string rawStatus, double? percentage, string? message)
        => _progress?.Offer(new WiroTaskUpdate(_run.TaskId, status, rawStatus, percentage, message));

    /// <summary>From Task/Detail, task_error means the task failed before the model ran: that ends the wait too.</summary>
    internal static bool IsFinal(WiroTaskStatus status)
        => status.IsTerminal() || status == WiroTaskStatus.TaskError;

    /// <summary>The subscribe message, written without a serializer.</summary>
    private static ReadOnlyMemory<byte> TaskInfoMessage(string token)
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

using System.Globalization;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Wiro.Tool.Mcp;

/// <summary>
/// A tool call's progress, sent to the MCP client that asked for it (a call with a progress token): one notification
/// as the call starts, one per task update the client core reports (already only changes, at a bounded rate), and
/// the last news again every keep-alive interval while the task has none, so a client whose tool timeout is reset by
/// progress keeps waiting for a long task. Each notification's <c>progress</c> is one more than the last (MCP asks
/// for a value that always grows; a task's percentage does not, and is in the message instead). Progress is best
/// effort: a notification that cannot be sent never fails the call.
/// </summary>
internal sealed class McpProgress : IProgress<WiroTaskUpdate>, IServiceProvider, IAsyncDisposable
{
    /// <summary>The longest server message quoted in a notification.</summary>
    private const int MaxMessage = 200;

    private readonly McpServer _server;
    private readonly ProgressToken _token;
    private readonly TimeSpan _keepAlive;
    private readonly Channel<string> _news = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly CancellationTokenSource _stop;
    private readonly Task _pump;

    private McpProgress(McpServer server, ProgressToken token, TimeSpan keepAlive, CancellationToken cancellationToken)
    {
        _server = server;
        _token = token;
        _keepAlive = keepAlive;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pump = Task.Run(() => PumpAsync(_stop.Token));
    }

    /// <summary>The progress of a call, or null when its client sent no progress token.</summary>
    public static McpProgress? Start(McpServer server, ProgressToken? token, TimeSpan keepAlive, CancellationToken cancellationToken)
        => token is { } given ? new McpProgress(server, given, keepAlive, cancellationToken) : null;

    /// <inheritdoc/>
    public void Report(WiroTaskUpdate value) => _news.Writer.TryWrite(Describe(value));

    /// <summary>What <c>WiroToolFunction</c> looks for in its arguments' services: this, as its progress.</summary>
    public object? GetService(Type serviceType) => serviceType == typeof(IProgress<WiroTaskUpdate>) ? this : null;

    /// <summary>Sends the last news still waiting, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _news.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var message = "Sending the run to Wiro.";
        var step = 0;
        try
        {
            while (true)
            {
                await _server.NotifyProgressAsync(_token, new ProgressNotificationValue { Progress = ++step, Message = message },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(_keepAlive);
                try
                {
                    if (!await _news.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    _news.Reader.TryRead(out message!);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // No news within the keep-alive: the same message again.
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or McpException)
        {
            // The call was cancelled or the client is gone: nobody is left to tell.
        }
    }

    /// <summary>One line a person reads: the task, its status, its percentage and its message (escaped, cut).</summary>
    private static string Describe(WiroTaskUpdate update)
    {
        var line = "Task " + update.TaskId + ": " + update.RawStatus;
        if (update.Percentage is { } percentage)
        {
            line += " " + percentage.ToString("0", CultureInfo.InvariantCulture) + "%";
        }

        if (update.Message is { Length: > 0 } text)
        {
            line += " - " + (text.Length > MaxMessage ? text[..MaxMessage] + "…" : text);
        }

        return TerminalText.Escape(line);
    }
}

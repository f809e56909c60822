namespace Wiro.Benchmarks.Load;

/// <summary>
/// A wait's progress: calls back on its first update (the wait is then established: subscribed, or polled once)
/// and notes when the first terminal update arrived, which over the WebSocket is the frame, before the client
/// confirms it with Task/Detail.
/// </summary>
internal sealed class WaitProgress(Action onFirst) : IProgress<WiroTaskUpdate>
{
    private int _seen;

    public DateTimeOffset? TerminalAt { get; private set; }

    public void Report(WiroTaskUpdate value)
    {
        if (Interlocked.Exchange(ref _seen, 1) == 0)
        {
            onFirst();
        }

        if (TerminalAt is null && value.Status.IsTerminal())
        {
            TerminalAt = TimeProvider.System.GetUtcNow();
        }
    }
}

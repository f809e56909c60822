namespace Wiro.Benchmarks.Load;

/// <summary>Calls back once, on a wait's first update: the wait is then established (subscribed, or polled once).</summary>
internal sealed class FirstUpdate(Action onFirst) : IProgress<WiroTaskUpdate>
{
    private int _seen;

    public void Report(WiroTaskUpdate value)
    {
        if (Interlocked.Exchange(ref _seen, 1) == 0)
        {
            onFirst();
        }
    }
}

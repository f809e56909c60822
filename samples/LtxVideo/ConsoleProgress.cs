namespace LtxVideo;

/// <summary>
/// Reports progress on the caller's thread, in order. (<see cref="Progress{T}"/> posts each report to the thread
/// pool when there is no synchronization context, so a console app would print them out of order.)
/// </summary>
internal sealed class ConsoleProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

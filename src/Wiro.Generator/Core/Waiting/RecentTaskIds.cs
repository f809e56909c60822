#nullable enable
namespace Wiro;

using System.Collections.Concurrent;
using System.Threading;

/// <summary>
/// The ids of the tasks whose end a client recorded lately, so that two waits or watches on one task (two browser
/// tabs following the same clip) count its run and its cost once. Bounded: the oldest ids are forgotten first.
/// </summary>
internal sealed class RecentTaskIds
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, byte> _ids = new(System.StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    public RecentTaskIds(int capacity) => _capacity = capacity;

    /// <summary>True the first time <paramref name="taskId"/> is seen (within the last ids kept).</summary>
    public bool TryAdd(string taskId)
    {
        if (!_ids.TryAdd(taskId, 0))
        {
            return false;
        }

        _order.Enqueue(taskId);
        // One in, at most one out: every id in the queue is in the dictionary, so the count stays at the capacity.
        if (Interlocked.Increment(ref _count) > _capacity && _order.TryDequeue(out var oldest))
        {
            _ids.TryRemove(oldest, out _);
            Interlocked.Decrement(ref _count);
        }

        return true;
    }
}

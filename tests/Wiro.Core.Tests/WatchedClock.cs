using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Wiro.Core.Tests;

/// <summary>A fake clock that tells when the client set a timer of a given length, so the test moves time only while the client waits on it.</summary>
internal sealed class WatchedClock : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly ConcurrentQueue<TimeSpan> _timers = new();
    private readonly SemaphoreSlim _created = new(0);

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        _created.Release();
        return timer;
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Until <paramref name="count"/> timers of <paramref name="dueTime"/> were set (a minute of real time at most, against a hang).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, int count = 1)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (_timers.Count(t => t == dueTime) < count)
        {
            if (!await _created.WaitAsync(Timeout.InfiniteTimeSpan, limit.Token).ContinueWith(wait => wait.IsCompletedSuccessfully, TaskScheduler.Default))
            {
                throw new TimeoutException($"No {count} timers of {dueTime} in a minute; the timers set were: {string.Join(", ", _timers)}.");
            }
        }
    }
}

#nullable enable
namespace Wiro;

using System;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// Tells when a WebSocket has been silent for the idle timeout, beside a pending receive. One timer serves a whole
/// silent window and is kept across frames: a timer and a linked token per frame was a real share of a wait's cost
/// when a thousand sockets deliver at once. Time is the client's <see cref="WiroClientOptions.Clock"/>, as for every
/// other wait of the core.
/// </summary>
internal sealed class SilenceWatch : IDisposable
{
    private readonly TimeSpan _idle;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop;
    private long _heardAt;
    private Task? _timer;

    public SilenceWatch(TimeSpan idle, TimeProvider clock, CancellationToken cancellationToken)
    {
        _idle = idle;
        _clock = clock;
        _heardAt = clock.GetTimestamp();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Something arrived: the silent window starts again.</summary>
    public void Heard() => _heardAt = _clock.GetTimestamp();

    /// <summary>
    /// True when <paramref name="pending"/> completed first; false when the socket has been silent for the idle
    /// timeout (the next window starts now) or the caller's token was cancelled.
    /// </summary>
    public async Task<bool> WaitAsync(Task pending)
    {
        while (true)
        {
            var quiet = _clock.GetElapsedTime(_heardAt);
            if (quiet >= _idle || _stop.IsCancellationRequested)
            {
                _heardAt = _clock.GetTimestamp();
                return false;
            }

            _timer ??= Task.Delay(_idle - quiet, _clock, _stop.Token);
            if (await Task.WhenAny(pending, _timer).ConfigureAwait(false) == pending)
            {
                return true;
            }

            // The timer was set for the window as it stood; a frame heard since moves the window on.
            _timer = null;
        }
    }

    /// <summary>Releases the timer at once rather than when it would fire.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}

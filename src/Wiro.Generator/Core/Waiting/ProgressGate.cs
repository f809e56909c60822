#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>
/// What of a task's updates reaches the caller's <see cref="IProgress{T}"/> or watch: only changes, at a bounded rate.
/// <list type="bullet">
/// <item>The first update of each status the client knows (a <see cref="WiroTaskStatus"/> other than
/// <see cref="WiroTaskStatus.Unknown"/>) is always reported at once, after the update held back before it, if any.</item>
/// <item>Any other change (a new percentage, a new log line, a return to a status already reported, as when stdout
/// and stderr lines alternate, or a status no spec lists) is reported at most once per
/// <see cref="WiroClientOptions.ProgressReportInterval"/> of the core's clock; the latest one in between is held and
/// takes the place of those before it. An update that changes nothing is dropped.</item>
/// <item><see cref="Finish"/> makes the last report carry the final status.</item>
/// </list>
/// So however many frames a socket sends, the callbacks number at most about twice the statuses the client knows,
/// plus one per interval.
/// </summary>
internal sealed class ProgressGate
{
    private readonly Action<WiroTaskUpdate> _report;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly HashSet<WiroTaskStatus> _statusesSeen = [];
    private WiroTaskUpdate? _last;
    private WiroTaskUpdate? _lastReported;
    private long _reportedAt;
    private WiroTaskUpdate? _held;

    public ProgressGate(Action<WiroTaskUpdate> report, TimeProvider clock, TimeSpan interval)
    {
        _report = report;
        _clock = clock;
        _interval = interval;
    }

    /// <summary>Reports <paramref name="update"/> now, holds it for later, or drops it as no change.</summary>
    public void Offer(WiroTaskUpdate update)
    {
        if (update.Status != WiroTaskStatus.Unknown && _statusesSeen.Add(update.Status))
        {
            FlushHeld();
            Remember(update);
            Deliver(update);
            return;
        }

        if (!Changes(update))
        {
            return;
        }

        Remember(update);
        if (_clock.GetElapsedTime(_reportedAt) >= _interval)
        {
            Deliver(update);
        }
        else
        {
            _held = update;
        }
    }

    /// <summary>At the end of a wait: reports what is held, then <paramref name="final"/> unless the last report already carries its status.</summary>
    public void Finish(WiroTaskUpdate final)
    {
        FlushHeld();
        if (!string.Equals(_lastReported?.RawStatus, final.RawStatus, StringComparison.Ordinal))
        {
            Deliver(final);
        }
    }

    /// <summary>Whether an update brings something the last one did not: another status, or a percentage or log line of its own.</summary>
    private bool Changes(WiroTaskUpdate update)
        => _last is not { } last
           || !string.Equals(update.RawStatus, last.RawStatus, StringComparison.Ordinal)
           || (update.Percentage is { } percentage && percentage != last.Percentage)
           || (update.Message is { } message && !string.Equals(message, last.Message, StringComparison.Ordinal));

    /// <summary>The baseline for <see cref="Changes"/>: what an update leaves out, the one before it still says.</summary>
    private void Remember(WiroTaskUpdate update)
        => _last = _last is { } last && string.Equals(last.RawStatus, update.RawStatus, StringComparison.Ordinal)
            ? update with { Percentage = update.Percentage ?? last.Percentage, Message = update.Message ?? last.Message }
            : update;

    private void FlushHeld()
    {
        if (_held is { } held)
        {
            Deliver(held);
        }
    }

    private void Deliver(WiroTaskUpdate update)
    {
        _held = null;
        _lastReported = update;
        _reportedAt = _clock.GetTimestamp();
        _report(update);
    }
}

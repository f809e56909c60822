using System.Diagnostics;

namespace Wiro.Core.Tests;

/// <summary>
/// A listened activity made current for the rest of a test: the adapters put the options they ignore on the current
/// activity as events, which <see cref="Ignored"/> reads back.
/// </summary>
internal sealed class TracedCall : IDisposable
{
    private readonly ActivitySource _source = new("wiro-traced-call-" + Guid.NewGuid().ToString("N"));
    private readonly ActivityListener _listener;
    private readonly Activity _activity;

    public TracedCall()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source == _source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        _activity = _source.StartActivity("call")!;
    }

    /// <summary>Each event <paramref name="eventName"/> as its option and reason, in order.</summary>
    public List<(string Option, string Reason)> Ignored(string eventName)
        => _activity.Events.Where(e => e.Name == eventName)
            .Select(e => ((string)e.Tags.Single(t => t.Key == "wiro.option").Value!, (string)e.Tags.Single(t => t.Key == "wiro.reason").Value!))
            .ToList();

    public void Dispose()
    {
        _activity.Dispose();
        _listener.Dispose();
        _source.Dispose();
    }
}

using System.Diagnostics.Metrics;

namespace Wiro.WebApi.Tests;

/// <summary>One measurement of an instrument of the <c>Wiro</c> meter, with its tags.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyList<KeyValuePair<string, object?>> Tags);

/// <summary>Listens to the <c>Wiro</c> meter for as long as it lives.</summary>
public sealed class WiroMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly LockedCollection<Measurement> _measurements = new();

    public WiroMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Wiro")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All => _measurements.Snapshot();

    public double Sum(string instrument, string tag, string value)
        => All.Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        => _measurements.Add(new Measurement(instrument.Name, value, tags.ToArray()));
}

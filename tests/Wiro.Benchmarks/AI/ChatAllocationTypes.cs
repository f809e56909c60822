using System.Diagnostics.Tracing;
using System.Globalization;

namespace Wiro.Benchmarks.AI;

/// <summary>
/// Which types make the difference in bytes between one chat <c>GetResponseAsync</c> and one <c>RunAndWaitAsync</c>
/// (docs/benchmarks.md, section 9): the runtime's allocation samples (one event per about 100 KB allocated, naming the
/// type that crossed the mark) summed by type over many calls of each side, printed as bytes per call, largest
/// difference first. A sample, so types under about 20 bytes per call are noise; the <c>alloc</c> probe gives exact totals.
/// </summary>
internal sealed class ChatAllocationTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public static async Task PrintAsync(TextWriter output, int calls)
    {
        var benchmarks = new ChatResponseBenchmarks();
        benchmarks.Setup();
        for (var i = 0; i < 2_000; i++)
        {
            await benchmarks.RunAndWait();
            await benchmarks.GetResponse();
        }

        var typed = await SampleAsync(benchmarks.RunAndWait, calls);
        var chat = await SampleAsync(benchmarks.GetResponse, calls);
        benchmarks.Cleanup();
        output.WriteLine($"bytes per call by type, {calls} calls each (allocation samples): difference, RunAndWaitAsync, GetResponseAsync");
        foreach (var type in typed.Keys.Union(chat.Keys).OrderByDescending(type => chat.GetValueOrDefault(type) - typed.GetValueOrDefault(type)))
        {
            var difference = chat.GetValueOrDefault(type) - typed.GetValueOrDefault(type);
            if (Math.Abs(difference) >= 20)
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,8:+0;-0} {1,8:F0} {2,8:F0}  {3}", difference, typed.GetValueOrDefault(type), chat.GetValueOrDefault(type), type));
            }
        }
    }

    private static async Task<Dictionary<string, double>> SampleAsync<T>(Func<Task<T>> call, int calls)
    {
        using var listener = new ChatAllocationTypes();
        listener._recording = true;
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        listener._recording = false;
        lock (listener._bytes)
        {
            return listener._bytes.ToDictionary(entry => entry.Key, entry => entry.Value / (double)calls);
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs sample)
    {
        if (!_recording || sample.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || sample.Payload is null || sample.PayloadNames is null)
        {
            return;
        }

        var type = sample.Payload[sample.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(sample.Payload[sample.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}

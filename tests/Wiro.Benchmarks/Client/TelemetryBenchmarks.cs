using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Wiro.Benchmarks.Client;

/// <summary>
/// What tracing and metrics cost (issue 11): a Run, and a RunAndWait (Run, one Task/Detail, the outcome recorded),
/// with nobody listening (the baseline) and with an <see cref="ActivityListener"/> that records every activity of
/// the <c>Wiro</c> source plus a <see cref="MeterListener"/> on the <c>Wiro</c> meter. Listeners are process-wide,
/// so each benchmark sets up its own (BenchmarkDotNet runs each in its own process).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MinColumn, MedianColumn]
public class TelemetryBenchmarks
{
    private readonly LtxVideoText2VideoRequest _request = new();
    private HttpClient _http = null!;
    private WiroClient _wiro = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;
    private long _measured;

    [GlobalSetup(Targets = [nameof(Run), nameof(RunAndWait)])]
    public void SetupSilent() => CreateClient();

    [GlobalSetup(Targets = [nameof(RunListened), nameof(RunAndWaitListened)])]
    public void SetupListened()
    {
        ListenToActivities();
        ListenToMeters();
        CreateClient();
    }

    [GlobalSetup(Target = nameof(RunAndWaitTraced))]
    public void SetupTraced()
    {
        ListenToActivities();
        CreateClient();
    }

    [GlobalSetup(Target = nameof(RunAndWaitMetered))]
    public void SetupMetered()
    {
        ListenToMeters();
        CreateClient();
    }

    private void ListenToActivities()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Wiro",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _measured),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    private void ListenToMeters()
    {
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Wiro")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measured));
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measured));
        _meters.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _activities?.Dispose();
        _meters?.Dispose();
        _wiro.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Run")]
    public Task<WiroRunResult> Run() => _wiro.LtxVideoText2Video.RunAsync(_request);

    [Benchmark, BenchmarkCategory("Run")]
    public Task<WiroRunResult> RunListened() => _wiro.LtxVideoText2Video.RunAsync(_request);

    [Benchmark(Baseline = true), BenchmarkCategory("RunAndWait")]
    public Task<WiroTaskResult> RunAndWait() => _wiro.LtxVideoText2Video.RunAndWaitAsync(_request);

    [Benchmark, BenchmarkCategory("RunAndWait")]
    public Task<WiroTaskResult> RunAndWaitListened() => _wiro.LtxVideoText2Video.RunAndWaitAsync(_request);

    [Benchmark, BenchmarkCategory("RunAndWait")]
    public Task<WiroTaskResult> RunAndWaitTraced() => _wiro.LtxVideoText2Video.RunAndWaitAsync(_request);

    [Benchmark, BenchmarkCategory("RunAndWait")]
    public Task<WiroTaskResult> RunAndWaitMetered() => _wiro.LtxVideoText2Video.RunAndWaitAsync(_request);

    private void CreateClient()
    {
        _http = new HttpClient(new InProcessWiroHandler { UniqueTaskIds = true });
        // Polling: the canned Task/Detail has already ended, so a wait is one read; each names a new task, so each
        // end is recorded.
        _wiro = new WiroClient(_http, new WiroClientOptions { ApiKey = "key", ApiSecret = "secret", UseWebSocket = false });
    }
}

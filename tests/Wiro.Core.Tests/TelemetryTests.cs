using System.Diagnostics;
using System.Diagnostics.Metrics;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>Listeners are process-wide, so these tests run alone: every activity and measurement seen is theirs.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>The <c>Wiro</c> ActivitySource and Meter, without DI, against the emulator.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    private const string Tool = "wiroai/LTX-Video-Text2Video";

    [Fact]
    public async Task A_run_and_wait_is_one_activity_over_its_calls_with_its_outcome_and_measurements()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var telemetry = new Recorder();

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.True(result.IsSuccess, result.FailureReason);
        var root = Assert.Single(telemetry.Activities, a => a.DisplayName == "RunAndWait " + Tool);
        Assert.Equal(Tool, root.GetTagItem("wiro.tool"));
        Assert.Equal(result.Task.Id, root.GetTagItem("wiro.task.id"));
        Assert.Equal("task_postprocess_end", root.GetTagItem("wiro.task.status"));
        Assert.Null(root.GetTagItem("error.type"));
        var run = Assert.Single(telemetry.Activities, a => a.DisplayName == "Run " + Tool);
        Assert.Equal(root.SpanId, run.ParentSpanId);
        Assert.Equal(1, run.GetTagItem("wiro.attempts"));
        Assert.Equal(Tool, run.GetTagItem("wiro.tool"));
        Assert.Equal(result.Task.Id, run.GetTagItem("wiro.task.id"));
        Assert.Contains(telemetry.Activities, a => a.DisplayName == "Task/Detail" && a.ParentSpanId == root.SpanId);

        Assert.Equal(1, telemetry.Sum("wiro.runs", ("wiro.tool", Tool), ("wiro.outcome", "success")));
        Assert.Single(telemetry.Measurements, m => m.Instrument == "wiro.task.duration" && m.Value >= 0);
        Assert.Single(telemetry.Measurements, m => m.Instrument == "wiro.task.queue_time" && m.Value >= 0);
        Assert.Equal(0.00351, telemetry.Sum("wiro.cost", ("wiro.tool", Tool)), 9);
        foreach (var named in new[] { root, run })
        {
            Assert.Equal("wiro", named.GetTagItem("gen_ai.provider.name"));
            Assert.Equal("generate_content", named.GetTagItem("gen_ai.operation.name"));
            Assert.Equal(Tool, named.GetTagItem("gen_ai.request.model"));
        }
    }

    [Fact]
    public async Task A_task_followed_by_several_watches_and_a_wait_is_counted_once_under_the_tool_it_names()
    {
        await using var env = await TestEnvironment.StartAsync(webSocket: true);
        using var telemetry = new Recorder();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        async Task<WiroTaskStatus> WatchToTheEndAsync()
        {
            var last = WiroTaskStatus.TaskQueue;
            await foreach (var update in env.Client.WatchAsync(run))
            {
                last = update.Status;
            }

            return last;
        }

        var watched = await Task.WhenAll(WatchToTheEndAsync(), WatchToTheEndAsync());
        var waited = await env.Client.WaitForCompletionAsync(run);

        Assert.All(watched, status => Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, status));
        Assert.True(waited.IsSuccess, waited.FailureReason);
        Assert.Equal(Tool, waited.Task.Tool);
        Assert.Equal(1, telemetry.Sum("wiro.runs", ("wiro.tool", Tool), ("wiro.outcome", "success")));
        Assert.Equal(0.00351, telemetry.Sum("wiro.cost", ("wiro.tool", Tool)), 9);
        Assert.Single(telemetry.Measurements, m => m.Instrument == "wiro.task.duration");
    }

    [Fact]
    public async Task A_retried_call_is_counted_and_a_failed_run_carries_its_error_type()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var telemetry = new Recorder();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.ServerError("/Task/Detail"));
        await env.Client.GetTaskByIdAsync(run.TaskId);
        env.Emulator.EnqueueFault(WiroFault.ServerError("/Run"));

        await Assert.ThrowsAsync<WiroApiException>(() => env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(1, telemetry.Sum("wiro.retries", ("wiro.operation", "Task/Detail")));
        var detail = Assert.Single(telemetry.Activities, a => a.DisplayName == "Task/Detail");
        Assert.Equal(2, detail.GetTagItem("wiro.attempts"));
        var failed = Assert.Single(telemetry.Activities, a => a.DisplayName == "RunAndWait " + Tool);
        Assert.Equal(typeof(WiroApiException).FullName, failed.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(0, telemetry.Sum("wiro.runs", ("wiro.tool", Tool)));
    }

    [Theory]
    [InlineData(101, "model")]
    [InlineData(6, "mo\u202Edel")]
    public async Task A_tool_name_a_server_could_grow_or_hide_characters_in_is_never_a_tag(int ownerLength, string model)
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.StatusStepDuration = TimeSpan.Zero);
        using var telemetry = new Recorder();
        var run = await env.Client.RunAsync(new string('o', ownerLength), model, new LtxVideoText2VideoRequest());

        var result = await env.Client.WaitForCompletionAsync(run);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Null(result.Task.Tool);
        Assert.Equal(1, telemetry.Sum("wiro.runs", ("wiro.tool", "unknown")));
    }

    [Fact]
    public async Task A_tool_name_with_a_control_character_is_never_a_tag()
    {
        // A Run refuses a model holding a control character before sending it, so the server is the one to name one.
        const string task = """{"id":"2221","socketaccesstoken":"tok","status":"task_postprocess_end","pexit":"0","modelslugowner":"oooooo","modelslugproject":"mo\u0001del","outputs":[]}""";
        await using var server = HostileServer.Start((request, stream, _) => HostileServer.WriteJsonAsync(stream, request.Target.StartsWith("/v1/Run/", StringComparison.Ordinal)
            ? """{"result":true,"errors":[],"taskid":"2221","socketaccesstoken":"tok"}"""
            : """{"result":true,"errors":[],"tasklist":[""" + task + "]}"));
        using var client = new WiroClient(new WiroClientOptions { ApiKey = TestEnvironment.Key, ApiSecret = TestEnvironment.Secret, BaseAddress = new Uri(server.Address, "v1/") });
        using var telemetry = new Recorder();
        var run = await client.RunAsync("oooooo", "model", new LtxVideoText2VideoRequest());

        var result = await client.WaitForCompletionAsync(run);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Null(result.Task.Tool);
        Assert.Equal(1, telemetry.Sum("wiro.runs", ("wiro.tool", "unknown")));
    }

    [Fact]
    public async Task A_tool_name_that_is_not_valid_text_is_never_a_tag()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.StatusStepDuration = TimeSpan.Zero);
        using var telemetry = new Recorder();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8("modelslugowner", "/Task/Detail"));

        var result = await env.Client.WaitForCompletionAsync(run);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Null(result.Task.Tool);
        Assert.Equal(1, telemetry.Sum("wiro.runs", ("wiro.tool", "unknown")));
        Assert.Equal(0, telemetry.Sum("wiro.runs", ("wiro.tool", Tool)));
    }

    private sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);

    private sealed class Recorder : IDisposable
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private readonly List<Activity> _stopped = [];
        private readonly List<Measurement> _measurements = [];

        public Recorder()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Wiro",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => { lock (_stopped) { _stopped.Add(activity); } },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Wiro")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _meters.Start();
        }

        public IReadOnlyList<Activity> Activities { get { lock (_stopped) { return _stopped.ToArray(); } } }

        public IReadOnlyList<Measurement> Measurements { get { lock (_measurements) { return _measurements.ToArray(); } } }

        public double Sum(string instrument, params (string Key, string Value)[] tags)
            => Measurements.Where(m => m.Instrument == instrument
                                       && tags.All(t => m.Tags.Any(tag => tag.Key == t.Key && Equals(tag.Value, t.Value))))
                .Sum(m => m.Value);

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = tags.ToArray();
            lock (_measurements)
            {
                _measurements.Add(new Measurement(instrument.Name, value, copy));
            }
        }
    }
}

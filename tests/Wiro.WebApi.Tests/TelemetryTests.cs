using System.Diagnostics;
using System.Net;
using Wiro.Emulator;

namespace Wiro.WebApi.Tests;

/// <summary>What the sample's OpenTelemetry pipeline and the <c>Wiro</c> meter see of a clip.</summary>
public sealed class TelemetryTests
{
    private const string Tool = "wiroai/LTX-Video-Text2Video";

    [Fact]
    public async Task A_clip_is_traced_from_the_request_through_the_run_to_its_http_call()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        const string prompt = "a kingfisher-5d2e over a pond";

        var (taskId, _) = await ClipApi.RunClipAsync(client, prompt);

        var activities = app.Activities.Snapshot();
        var run = Assert.Single(activities, a => a.Source.Name == "Wiro" && a.DisplayName == "Run " + Tool);
        Assert.Equal(ActivityKind.Client, run.Kind);
        Assert.Equal(Tool, run.GetTagItem("wiro.tool"));
        Assert.Equal(taskId, run.GetTagItem("wiro.task.id"));
        Assert.Equal(1, run.GetTagItem("wiro.attempts"));
        var request = Assert.Single(activities, a => a.SpanId == run.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.StartsWith("POST /clips", request.DisplayName, StringComparison.Ordinal);
        var http = Assert.Single(activities, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == run.SpanId);
        Assert.Equal(ActivityKind.Client, http.Kind);
        Assert.Contains("/v1/Run/" + Tool, http.GetTagItem("url.full") as string, StringComparison.Ordinal);
        // The stream's own calls are traced under the events request, not under the start.
        Assert.Contains(activities, a => a.Source.Name == "Wiro" && a.DisplayName == "Task/Detail" && a.TraceId != run.TraceId);
        Assert.DoesNotContain(activities.SelectMany(a => a.TagObjects), tag => tag.Value?.ToString()?.Contains("kingfisher-5d2e", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_task_read_that_is_retried_is_measured_by_operation_and_never_by_task_id()
    {
        using var measurements = new WiroMeasurements();
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        var (taskId, _) = await ClipApi.RunClipAsync(client, "a red kite over the sea");
        app.Emulator.EnqueueFault(WiroFault.ServerError("/Task/Detail"));

        using var response = await client.GetAsync($"/clips/{taskId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, measurements.Sum("wiro.retries", "wiro.operation", "Task/Detail"));
        Assert.DoesNotContain(measurements.All, m => m.Tags.Any(tag => Equals(tag.Value, taskId)));
    }

    [Fact]
    public async Task A_clip_followed_by_two_event_streams_is_one_run_and_one_cost_of_its_tool()
    {
        using var measurements = new WiroMeasurements();
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        var taskId = await ClipApi.StartClipAsync(client, "a red kite over the sea");

        // Two browser tabs on the same clip: each stream watches the task to its end.
        var streams = await Task.WhenAll(ClipApi.ReadEventsAsync(client, taskId), ClipApi.ReadEventsAsync(client, taskId));

        Assert.All(streams, stream => Assert.Equal("done", stream.Events[^1].Type));
        Assert.Equal(1, measurements.Sum("wiro.runs", "wiro.tool", Tool));
        Assert.Single(measurements.All, m => m.Instrument == "wiro.runs" && m.Tags.Any(t => t.Key == "wiro.outcome" && Equals(t.Value, "success")));
        Assert.Equal(0.00351, measurements.Sum("wiro.cost", "wiro.tool", Tool), 9);
        Assert.Single(measurements.All, m => m.Instrument == "wiro.task.duration");
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wiro.Emulator;

namespace Wiro.WebApi.Tests;

/// <summary>Start a clip, follow it, fetch its output: the sample's endpoints against its emulator.</summary>
public sealed class ClipFlowTests
{
    private const string Tool = "/v1/Run/wiroai/LTX-Video-Text2Video";

    [Fact]
    public async Task Post_clips_answers_202_with_the_task_id_and_links_and_runs_the_given_inputs()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        var (response, body) = await ClipApi.StartAsync(client, new { prompt = "a red kite over the sea", frames = 121, seed = "7" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var taskId = body.GetProperty("taskId").GetString();
        Assert.False(string.IsNullOrEmpty(taskId));
        Assert.Equal($"/clips/{taskId}", response.Headers.Location?.OriginalString);
        Assert.Equal($"/clips/{taskId}/events", body.GetProperty("links").GetProperty("events").GetString());
        var run = Assert.Single(app.Emulator.Requests, r => r.Path == Tool);
        Assert.Equal(["a red kite over the sea"], run.Fields["prompt"]);
        Assert.Equal(["121"], run.Fields["numFrames"]);
        Assert.Equal(["7"], run.Fields["seed"]);
        Assert.Equal(["768"], run.Fields["width"]);
    }

    [Fact]
    public async Task A_clip_without_a_prompt_is_refused_with_400_and_never_sent()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        var (response, body) = await ClipApi.StartAsync(client, new { prompt = " ", frames = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("prompt", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("frames", out _));
        Assert.DoesNotContain(app.Emulator.Requests, r => r.Path == Tool);
    }

    [Fact]
    public async Task The_event_stream_reports_progress_then_one_final_success_with_output_links()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        var taskId = await ClipApi.StartClipAsync(client, "a red kite over the sea");

        var (response, events) = await ClipApi.ReadEventsAsync(client, taskId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("done", events[^1].Type);
        var progress = events.Take(events.Count - 1).ToList();
        Assert.All(progress, e => Assert.Equal("progress", e.Type));
        var statuses = progress.Select(e => e.Data.GetProperty("status").GetString()).ToList();
        Assert.Contains("task_start", statuses);
        Assert.Equal("task_postprocess_end", statuses[^1]);
        Assert.Contains(progress, e => e.Data.GetProperty("percentage").ValueKind == JsonValueKind.Number);
        var done = events[^1].Data;
        Assert.Equal(taskId, done.GetProperty("taskId").GetString());
        Assert.Equal("task_postprocess_end", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("succeeded").GetBoolean());
        var output = Assert.Single(done.GetProperty("outputs").EnumerateArray());
        Assert.Equal($"/clips/{taskId}/outputs/0", output.GetProperty("href").GetString());
        Assert.Equal("video/mp4", output.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_failed_clip_ends_its_stream_with_the_failure_and_has_no_output_to_serve()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        app.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure(exitCode: "1", debugError: "CUDA out of memory"));
        var taskId = await ClipApi.StartClipAsync(client, "a red kite over the sea");

        var (_, events) = await ClipApi.ReadEventsAsync(client, taskId);
        using var output = await client.GetAsync($"/clips/{taskId}/outputs/0");

        var done = events[^1];
        Assert.Equal("done", done.Type);
        Assert.False(done.Data.GetProperty("succeeded").GetBoolean());
        Assert.Equal("1", done.Data.GetProperty("exitCode").GetString());
        Assert.Empty(done.Data.GetProperty("outputs").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, output.StatusCode);
    }

    [Fact]
    public async Task The_output_endpoint_streams_the_mp4_the_emulator_made()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        var (taskId, done) = await ClipApi.RunClipAsync(client, "a red kite over the sea");

        using var response = await client.GetAsync(done.GetProperty("outputs")[0].GetProperty("href").GetString());
        var served = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.mp4", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var task = await app.Services.GetRequiredService<WiroClient>().GetTaskByIdAsync(taskId);
        using var direct = new HttpClient();
        Assert.Equal(await direct.GetByteArrayAsync(task.Outputs[0].Url), served);
        Assert.Equal(WiroOutputFile.Mp4().Content.ToArray(), served);
        Assert.Equal("ftyp"u8.ToArray(), served[4..8]);
    }

    [Fact]
    public async Task A_hostile_output_name_never_reaches_the_download_name()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        var (taskId, _) = await ClipApi.RunClipAsync(client, "a red kite over the sea");
        app.Emulator.EnqueueFault(WiroFault.HostileOutputName("../../etc/x.mp4"));

        using var response = await client.GetAsync($"/clips/{taskId}/outputs/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var name = response.Content.Headers.ContentDisposition?.FileName;
        Assert.False(string.IsNullOrEmpty(name));
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
        Assert.DoesNotContain("/", name, StringComparison.Ordinal);
        Assert.Equal(WiroOutputFile.Mp4().Content.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_output_that_calls_itself_html_is_served_as_opaque_bytes()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();
        app.Emulator.EnqueueOutcome(WiroTaskOutcome.Success(WiroOutputFile.Text("page.html", "<script>alert(1)</script>", "text/html")));
        var (_, done) = await ClipApi.RunClipAsync(client, "a red kite over the sea");

        using var response = await client.GetAsync(done.GetProperty("outputs")[0].GetProperty("href").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<script>alert(1)</script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_clip_is_404_for_its_state_and_its_events()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        using var state = await client.GetAsync("/clips/424242");
        var (events, _) = await ClipApi.ReadEventsAsync(client, "424242");

        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        Assert.Equal("application/problem+json", state.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
    }

    [Fact]
    public async Task The_index_page_starts_a_clip_and_listens_to_its_events()
    {
        await using var app = SampleApp.OnEmulator();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("fetch(\"/clips\"", html, StringComparison.Ordinal);
        Assert.Contains("new EventSource(", html, StringComparison.Ordinal);
    }
}

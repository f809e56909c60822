using Microsoft.Extensions.Time.Testing;

namespace Wiro.Core.Tests;

/// <summary>
/// A socket that floods a wait with progress frames gives a bounded number of reports: only changes are reported,
/// progress-only changes at most one per <see cref="WiroClientOptions.ProgressReportInterval"/> of the core's clock
/// (here a fake one that never moves, so the count does not depend on how fast the machine is), every status change
/// is reported, with the progress held back before it, and the last report is the final status.
/// </summary>
public sealed class ProgressFloodTests
{
    private const int Flood = 200_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_flood_of_progress_frames_gives_a_bounded_number_of_reports(bool watch)
    {
        using var socket = ScriptedSocketServer.Start(Frames);
        await using var server = HostileServer.Start((_, stream, _) => HostileServer.WriteJsonAsync(
            stream, """{"result":true,"errors":[],"tasklist":[{"id":"77","socketaccesstoken":"tok77","status":"task_postprocess_end","pexit":"0","outputs":[]}]}"""));
        using var client = new WiroClient(new WiroClientOptions
        {
            ApiKey = TestEnvironment.Key,
            ApiSecret = TestEnvironment.Secret,
            BaseAddress = new Uri(server.Address, "v1/"),
            WebSocketAddress = socket.Address,
            WebSocketIdleTimeout = TimeSpan.FromMinutes(10),
            Clock = new FakeTimeProvider(),
        });
        var run = new WiroRunResult("77", "tok77");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var updates = new List<WiroTaskUpdate>();
        if (watch)
        {
            await foreach (var update in client.WatchAsync(run, limit.Token))
            {
                updates.Add(update);
            }
        }
        else
        {
            var progress = new RecordingProgress();
            var result = await client.WaitForCompletionAsync(run, progress, limit.Token);
            Assert.True(result.IsSuccess, result.FailureReason);
            updates.AddRange(progress.Updates);
        }

        Assert.Equal(Flood + 6, await socket.Sent);
        // Each status once, in order; before a status, the last progress held back since the one reported.
        Assert.Equal(
            [("task_start", null, null), ("task_output", 0, null), ("task_output", 49.999, null),
             ("task_output_full", null, "Loading model weights"), ("task_output_full", null, "line 99999"),
             ("task_end", null, null), ("task_postprocess_end", null, null)],
            updates.Select(u => (u.RawStatus, u.Percentage, u.Message)));
        Assert.All(updates, u => Assert.Equal("77", u.TaskId));
    }

    [Fact]
    public async Task Stdout_and_stderr_lines_that_alternate_are_bounded_too()
    {
        using var socket = ScriptedSocketServer.Start(() => Alternating());
        await using var server = HostileServer.Start((_, stream, _) => HostileServer.WriteJsonAsync(
            stream, """{"result":true,"errors":[],"tasklist":[{"id":"77","socketaccesstoken":"tok77","status":"task_postprocess_end","pexit":"1","outputs":[]}]}"""));
        using var client = new WiroClient(new WiroClientOptions
        {
            ApiKey = TestEnvironment.Key,
            ApiSecret = TestEnvironment.Secret,
            BaseAddress = new Uri(server.Address, "v1/"),
            WebSocketAddress = socket.Address,
            WebSocketIdleTimeout = TimeSpan.FromMinutes(10),
            Clock = new FakeTimeProvider(),
        });
        var progress = new RecordingProgress();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var result = await client.WaitForCompletionAsync(new WiroRunResult("77", "tok77"), progress, limit.Token);

        Assert.False(result.IsSuccess);
        Assert.Equal(Flood + 2, await socket.Sent);
        Assert.Equal(
            [("task_start", null), ("task_output", "out 0"), ("task_error", "err 0"), ("task_error", "err 99999"), ("task_postprocess_end", null)],
            progress.Updates.Select(u => (u.RawStatus, u.Message)));
    }

    /// <summary>task_start, 100,000 pairs of a stdout and a stderr line, the end: 200,002 frames.</summary>
    private static IEnumerable<byte[]> Alternating()
    {
        yield return ScriptedSocketServer.Frame("task_start", "77", "tok77");
        for (var i = 0; i < Flood / 2; i++)
        {
            yield return ScriptedSocketServer.Frame("task_output", "77", "tok77", $"\"out {i}\"");
            yield return ScriptedSocketServer.Frame("task_error", "77", "tok77", $"\"err {i}\"");
        }

        yield return ScriptedSocketServer.Frame("task_postprocess_end", "77", "tok77");
    }

    /// <summary>
    /// task_start, then half the flood as progress (each percentage sent twice), a status change, the other half as
    /// log lines, two statuses, the end: 200,006 frames.
    /// </summary>
    private static IEnumerable<byte[]> Frames()
    {
        yield return ScriptedSocketServer.Frame("task_start", "77", "tok77");
        for (var i = 0; i < Flood / 2; i++)
        {
            yield return ScriptedSocketServer.Frame("task_output", "77", "tok77", ScriptedSocketServer.Progress((i / 2) / 1000.0));
        }

        yield return ScriptedSocketServer.Frame("task_output_full", "77", "tok77", "\"Loading model weights\"");
        for (var i = 0; i < Flood / 2; i++)
        {
            yield return ScriptedSocketServer.Frame("task_output_full", "77", "tok77", $"\"line {i}\"");
        }

        yield return ScriptedSocketServer.Frame("task_end", "77", "tok77");
        yield return ScriptedSocketServer.Frame("task_end", "77", "tok77");
        yield return ScriptedSocketServer.Frame("task_end", "77", "tok77");
        yield return ScriptedSocketServer.Frame("task_postprocess_end", "77", "tok77");
    }
}

/// <summary>The rule of <see cref="ProgressGate"/> on a fake clock the test moves.</summary>
public sealed class ProgressGateTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Progress_only_changes_are_reported_once_per_interval_the_latest_standing_for_the_rest()
    {
        var (gate, clock, reported) = Gate();

        gate.Offer(Update("task_output", percentage: 0));
        gate.Offer(Update("task_output", percentage: 10));
        gate.Offer(Update("task_output", percentage: 20));
        clock.Advance(Interval);
        gate.Offer(Update("task_output", percentage: 30));
        clock.Advance(Interval - TimeSpan.FromTicks(1));
        gate.Offer(Update("task_output", percentage: 40));
        gate.Offer(Update("task_output", message: "a line"));
        gate.Offer(Update("task_output_full"));

        Assert.Equal(
            [("task_output", 0, null), ("task_output", 30, null), ("task_output", null, "a line"), ("task_output_full", null, null)],
            reported.Select(u => (u.RawStatus, u.Percentage, u.Message)));
    }

    [Fact]
    public void An_update_that_changes_nothing_is_never_reported_however_late()
    {
        var (gate, clock, reported) = Gate();

        gate.Offer(Update("task_output", percentage: 50, message: "x"));
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            gate.Offer(Update("task_output", percentage: 50, message: "x"));
            gate.Offer(Update("task_output", percentage: 50));
            gate.Offer(Update("task_output", message: "x"));
            gate.Offer(Update("task_output"));
        }

        Assert.Single(reported);
    }

    [Fact]
    public void Each_known_status_is_reported_at_once_the_first_time_and_returns_and_unknown_statuses_are_rate_bounded()
    {
        var (gate, clock, reported) = Gate();

        gate.Offer(Update("task_output", message: "out 0"));
        gate.Offer(Update("task_error", message: "err 0"));
        for (var i = 1; i <= 1000; i++)
        {
            gate.Offer(Update("task_output", message: "out " + i));
            gate.Offer(Update("task_error", message: "err " + i));
            gate.Offer(Update("task_teleport_" + i, WiroTaskStatus.Unknown));
        }

        clock.Advance(Interval);
        gate.Offer(Update("task_output", message: "out after"));
        gate.Offer(Update("task_end"));
        gate.Offer(Update("task_postprocess_end"));

        Assert.Equal(
            [("task_output", "out 0"), ("task_error", "err 0"), ("task_output", "out after"), ("task_end", null), ("task_postprocess_end", null)],
            reported.Select(u => (u.RawStatus, u.Message)));
    }

    [Fact]
    public void The_last_report_is_the_final_status()
    {
        var (gate, _, reported) = Gate();

        gate.Offer(Update("task_postprocess_end"));
        gate.Offer(Update("task_output", message: "late line"));
        gate.Finish(Update("task_postprocess_end"));

        Assert.Equal(["task_postprocess_end", "task_output", "task_postprocess_end"], reported.Select(u => u.RawStatus));

        var (quiet, _, once) = Gate();
        quiet.Offer(Update("task_postprocess_end"));
        quiet.Finish(Update("task_postprocess_end"));
        Assert.Single(once);
    }

    [Fact]
    public void A_zero_interval_reports_every_change()
    {
        var (gate, _, reported) = Gate(TimeSpan.Zero);

        for (var i = 0; i < 100; i++)
        {
            gate.Offer(Update("task_output", percentage: i));
            gate.Offer(Update("task_output", percentage: i));
        }

        Assert.Equal(100, reported.Count);
    }

    private static (ProgressGate Gate, FakeTimeProvider Clock, List<WiroTaskUpdate> Reported) Gate(TimeSpan? interval = null)
    {
        var clock = new FakeTimeProvider();
        var reported = new List<WiroTaskUpdate>();
        return (new ProgressGate(reported.Add, clock, interval ?? Interval), clock, reported);
    }

    private static WiroTaskUpdate Update(string raw, WiroTaskStatus? status = null, double? percentage = null, string? message = null)
        => new("7", status ?? WiroTaskStatusExtensions.FromWireName(raw), raw, percentage, message);
}

using System.Net;
using Wiro.Emulator;

namespace Wiro.Core.Tests;

/// <summary>
/// A broken server, played by the emulator over real HTTP: every malformed answer ends as a value read leniently or
/// a typed Wiro exception, never a framework exception.
/// </summary>
public sealed class MalformedAnswerTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("id")]
    [InlineData("socketaccesstoken")]
    public async Task Task_detail_with_an_unreadable_identity_field_is_malformed(string field)
    {
        await using var env = await TestEnvironment.StartAsync();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8(field, "/Task/Detail"));

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => env.Client.GetTaskByIdAsync(run.TaskId));

        Assert.Contains($"'{field}'", error.Message);
        Assert.Equal(run.TaskId, (await env.Client.GetTaskByIdAsync(run.TaskId)).Id);
    }

    [Fact]
    public async Task A_wait_that_meets_an_unreadable_status_ends_with_a_wiro_exception()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8("status", "/Task/Detail"));

        await Assert.ThrowsAsync<WiroMalformedResponseException>(() => env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest()));
    }

    [Fact]
    public async Task Run_answer_with_an_unreadable_taskid_is_malformed()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8("taskid", "/Run"));

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Contains("'taskid'", error.Message);
    }

    [Fact]
    public async Task Unreadable_log_text_is_dropped_and_the_task_still_read()
    {
        await using var env = await TestEnvironment.StartAsync();
        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8("debugoutput", "/Task/Detail"));

        var task = await env.Client.GetTaskByIdAsync(result.Task.Id);

        Assert.False(string.IsNullOrEmpty(result.Task.DebugOutput));
        Assert.Null(task.DebugOutput);
        Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, task.Status);
        Assert.Single(task.Outputs);
    }

    [Theory]
    [InlineData("endtime", "99999999999999")]
    [InlineData("endtime", "-5")]
    [InlineData("endtime", "1e400")]
    [InlineData("elapsedseconds", "1e400")]
    [InlineData("elapsedseconds", "-1")]
    [InlineData("size", "-1")]
    [InlineData("size", "1e30")]
    [InlineData("size", "2.5")]
    public async Task Numbers_out_of_range_are_read_as_absent(string field, string number)
    {
        await using var env = await TestEnvironment.StartAsync();
        var done = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        // The first "size" of a Task/Detail answer is its first output's (the task's own comes after the outputs).
        env.Emulator.EnqueueFault(WiroFault.OutOfRangeNumber(field, number, "/Task/Detail"));

        var task = await env.Client.GetTaskByIdAsync(done.Task.Id);

        Assert.NotNull(done.Task.EndedAt);
        Assert.NotNull(done.Task.ElapsedSeconds);
        Assert.NotNull(done.Task.Outputs.Single().Size);
        Assert.Equal(field == "endtime", task.EndedAt is null);
        Assert.Equal(field == "elapsedseconds", task.ElapsedSeconds is null);
        Assert.Equal(field == "size", task.Outputs.Single().Size is null);
        Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, task.Status);
    }

    [Fact]
    public async Task Result_false_as_a_string_on_run_keeps_wiro_code_and_message()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ResultFalseAsString(97, "Insufficient balance", "/Run"));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest()));

        Assert.Equal(97, error.Code);
        Assert.Equal("Insufficient balance", error.WiroMessage);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    [Fact]
    public async Task Result_false_as_a_string_on_task_detail_is_not_ignored()
    {
        await using var env = await TestEnvironment.StartAsync();
        var run = await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.ResultFalseAsString(1, "Task not found.", "/Task/Detail"));

        var error = await Assert.ThrowsAsync<WiroApiException>(() => env.Client.GetTaskByIdAsync(run.TaskId));

        Assert.Equal((1, "Task not found."), (error.Code, error.WiroMessage));
    }

    [Fact]
    public async Task Result_true_as_a_string_is_success()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ResultTrueAsString("/Run"));
        env.Emulator.EnqueueFault(WiroFault.ResultTrueAsString("/Task/Detail"));

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Single(result.Outputs);
    }

    [Fact]
    public async Task An_output_url_that_is_not_http_is_never_fetched()
    {
        await using var env = await TestEnvironment.StartAsync();
        var done = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        env.Emulator.EnqueueFault(WiroFault.HostileOutputUrl("file:///etc/passwd"));
        var result = new WiroTaskResult(await env.Client.GetTaskByIdAsync(done.Task.Id));
        var output = result.Outputs.Single();
        var folder = TempFolder();
        using var destination = new MemoryStream();

        var toStream = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => output.DownloadToStreamAsync(destination));
        var toFolder = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => result.DownloadToDirectoryAsync(folder));

        Assert.Null(output.Url);
        Assert.Contains("file:///etc/passwd", toStream.Message);
        Assert.Equal(0, destination.Length);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
        Assert.DoesNotContain(env.Emulator.Requests, r => r.Method == "GET");
    }

    [Theory]
    [InlineData("../../x.txt", "x.txt")]
    [InlineData("..\\..\\x.txt", "x.txt")]
    [InlineData("/tmp/wiro-hostile-absolute.txt", "wiro-hostile-absolute.txt")]
    [InlineData("C:\\Windows\\x.dll", "x.dll")]
    [InlineData("..", "0.png")]
    [InlineData("CON", "_CON")]
    [InlineData("a:b|c?.png", "a_b_c_.png")]
    public async Task Hostile_output_names_stay_inside_the_folder(string hostile, string expected)
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.HostileOutputName(hostile));
        var root = TempFolder();
        var folder = Path.Combine(root, "a", "b", "out");

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        var output = result.Outputs.Single();
        var path = await output.DownloadToDirectoryAsync(folder);

        Assert.Equal(hostile, output.RawName);
        Assert.Equal(expected, output.Name);
        Assert.Equal(Path.Combine(Path.GetFullPath(folder), expected), path);
        Assert.Equal([path], Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.Equal(0x89, File.ReadAllBytes(path)[0]);
        Assert.False(File.Exists("/tmp/wiro-hostile-absolute.txt"));
    }

    [Fact]
    public async Task Result_download_gives_outputs_with_the_same_name_distinct_files()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Success(
            WiroOutputFile.Text("a.txt", "first"), WiroOutputFile.Text("A.txt", "second"), WiroOutputFile.Text("b.txt", "third")));
        var folder = TempFolder();

        var result = await env.Client.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest());
        var paths = await result.DownloadToDirectoryAsync(folder);

        Assert.Equal(["a.txt", "A (2).txt", "b.txt"], paths.Select(Path.GetFileName));
        Assert.Equal(["first", "second", "third"], paths.Select(File.ReadAllText));
        Assert.All(paths, path => Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(path)));
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "wiro-core-" + Guid.NewGuid().ToString("N"));
}

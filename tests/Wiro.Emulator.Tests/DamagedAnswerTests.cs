using System.Text;
using System.Text.Json;

namespace Wiro.Emulator.Tests;

/// <summary>
/// The faults that damage a real answer (bytes that are not UTF-8, numbers out of range, <c>result</c> as a string,
/// hostile output names and URLs), read as raw bytes over HTTP: each changes only its field, once, and only on an
/// answer that holds that field.
/// </summary>
public sealed class DamagedAnswerTests
{
    [Fact]
    public async Task Invalid_utf8_lands_inside_the_first_string_of_the_field_only()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8("status", "/Task/Detail"));

        var damaged = await DetailBytesAsync(env, taskId);
        var clean = await DetailBytesAsync(env, taskId);

        Assert.Contains("\"status\":\"task_queue\u00FF\"", Encoding.Latin1.GetString(damaged), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Task(damaged).GetProperty("status").GetString());
        Assert.Equal(taskId, Task(damaged).GetProperty("id").GetString());
        Assert.Equal("task_queue", Task(clean).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_fault_waits_for_an_answer_that_holds_its_field()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.InvalidUtf8("status"));

        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        var taskId = run.Root.GetProperty("taskid").GetString()!;
        var damaged = await DetailBytesAsync(env, taskId);

        Assert.True(run.Result);
        Assert.Throws<InvalidOperationException>(() => Task(damaged).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Out_of_range_number_replaces_the_field_with_a_raw_number()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Emulator.EnqueueFault(WiroFault.OutOfRangeNumber());
        env.Emulator.EnqueueFault(WiroFault.OutOfRangeNumber("elapsedseconds", "1e400"));

        var first = Task(await DetailBytesAsync(env, taskId));
        var second = Task(await DetailBytesAsync(env, taskId));

        Assert.Equal(JsonValueKind.Number, first.GetProperty("endtime").ValueKind);
        Assert.Equal(99999999999999L, first.GetProperty("endtime").GetInt64());
        Assert.Equal("1e400", second.GetProperty("elapsedseconds").GetRawText());
        Assert.Equal("0", second.GetProperty("endtime").GetString());
    }

    [Theory]
    [InlineData("12abc")]
    [InlineData("\"1\"")]
    [InlineData("1 2")]
    [InlineData("")]
    public void Out_of_range_number_must_be_a_json_number(string number)
        => Assert.Throws<ArgumentException>(() => WiroFault.OutOfRangeNumber("size", number));

    [Fact]
    public async Task Result_false_as_a_string_carries_code_and_message_as_strings()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ResultFalseAsString(97, "Insufficient balance", "/Run"));

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");

        Assert.Equal(200, answer.Status);
        Assert.Equal("false", answer.Root.GetProperty("result").GetString());
        var error = answer.Root.GetProperty("errors")[0];
        Assert.Equal(("97", "Insufficient balance"), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
        Assert.False(answer.Root.TryGetProperty("taskid", out _));
    }

    [Fact]
    public async Task Result_true_as_a_string_keeps_the_real_answer()
    {
        await using var env = await Emulated.StartAsync();
        env.Emulator.EnqueueFault(WiroFault.ResultTrueAsString("/Run"));

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{}");

        Assert.Equal("true", answer.Root.GetProperty("result").GetString());
        Assert.False(string.IsNullOrEmpty(answer.Root.GetProperty("taskid").GetString()));
    }

    [Theory]
    [InlineData("../../x.txt")]
    [InlineData("/tmp/x.txt")]
    [InlineData("C:\\Windows\\x.dll")]
    public async Task Hostile_output_name_changes_the_name_and_keeps_the_url(string name)
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Emulator.EnqueueFault(WiroFault.HostileOutputName(name));

        var before = Task(await DetailBytesAsync(env, taskId));
        env.Advance(20);
        var damaged = Task(await DetailBytesAsync(env, taskId)).GetProperty("outputs")[0];
        var clean = Task(await DetailBytesAsync(env, taskId)).GetProperty("outputs")[0];

        Assert.Equal(0, before.GetProperty("outputs").GetArrayLength());
        Assert.Equal(name, damaged.GetProperty("name").GetString());
        Assert.Equal(clean.GetProperty("url").GetString(), damaged.GetProperty("url").GetString());
        Assert.Equal("0.png", clean.GetProperty("name").GetString());
        Assert.Equal((8, 8), PngCheck.AssertValid(await env.Api.Http.GetByteArrayAsync(damaged.GetProperty("url").GetString())));
    }

    [Fact]
    public async Task Hostile_output_url_changes_only_the_url()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Advance(20);
        env.Emulator.EnqueueFault(WiroFault.HostileOutputUrl());

        var output = Task(await DetailBytesAsync(env, taskId)).GetProperty("outputs")[0];

        Assert.Equal("file:///etc/passwd", output.GetProperty("url").GetString());
        Assert.Equal("0.png", output.GetProperty("name").GetString());
    }

    private static async Task<byte[]> DetailBytesAsync(Emulated env, string taskId)
    {
        using var response = await env.Api.Http.SendAsync(env.Api.Request("Task/Detail", WiroApi.Json($$"""{"taskid":"{{taskId}}"}""")));
        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        return body;
    }

    private static JsonElement Task(byte[] answer) => JsonDocument.Parse(answer).RootElement.GetProperty("tasklist")[0];
}

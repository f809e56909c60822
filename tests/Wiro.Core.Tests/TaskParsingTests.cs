using System.Text.Json;

namespace Wiro.Core.Tests;

/// <summary>
/// Task/Detail answers read leniently (strings or numbers, nulls, unknown fields) and judged strictly: success is
/// task_postprocess_end with exit code 0 and nothing else.
/// </summary>
public sealed class TaskParsingTests
{
    [Fact]
    public void Strings_that_hold_numbers_and_times_are_read()
    {
        var task = Read("""
            {"id":"534574","socketaccesstoken":"eDcC","status":"task_postprocess_end","pexit":"0",
             "debugoutput":"done","debugerror":"","createtime":"1734513807","starttime":"1734513809","endtime":"1734513813",
             "elapsedseconds":"6.0000","totalcost":"0.003510000000","parameters":{"prompt":"Hello"},
             "outputs":[{"name":"0.png","contenttype":"image/png","size":"202472","url":"https://cdn1.wiro.ai/x/0.png"}]}
            """);

        Assert.Equal("534574", task.Id);
        Assert.Equal("eDcC", task.SocketAccessToken);
        Assert.Equal(WiroTaskStatus.TaskPostprocessEnd, task.Status);
        Assert.Equal("0", task.ExitCode);
        Assert.Equal("done", task.DebugOutput);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1734513807), task.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1734513813), task.EndedAt);
        Assert.Equal(6.0, task.ElapsedSeconds);
        Assert.Equal(0.00351m, task.TotalCost);
        Assert.Equal("""{"prompt":"Hello"}""", task.ParametersJson);
        var output = Assert.Single(task.Outputs);
        Assert.Equal(("0.png", "image/png", 202472L, new Uri("https://cdn1.wiro.ai/x/0.png")), (output.Name, output.ContentType, output.Size, output.Url));
        Assert.Null(output.ContentJson);
    }

    [Fact]
    public void Numbers_nulls_and_unknown_fields_are_tolerated()
    {
        var task = Read("""
            {"id":2221,"status":"task_queue","pexit":null,"debugerror":null,"starttime":"0","endtime":null,
             "elapsedseconds":6.5,"totalcost":0.0035,"ispublic":0,"categories":"[\"tool\"]","parameters":null,
             "newfield":{"nested":[1,2]},"outputs":[{"size":12,"url":"not a url"},"junk",null]}
            """);

        Assert.Equal("2221", task.Id);
        Assert.Equal("", task.SocketAccessToken);
        Assert.Equal(WiroTaskStatus.TaskQueue, task.Status);
        Assert.Null(task.ExitCode);
        Assert.Null(task.DebugError);
        Assert.Null(task.StartedAt);
        Assert.Null(task.EndedAt);
        Assert.Equal(6.5, task.ElapsedSeconds);
        Assert.Equal(0.0035m, task.TotalCost);
        Assert.Null(task.ParametersJson);
        var output = Assert.Single(task.Outputs);
        Assert.Equal(12L, output.Size);
        Assert.Null(output.Url);
    }

    [Fact]
    public void Unlisted_status_is_unknown_and_keeps_its_wire_name()
    {
        var task = Read("""{"id":"1","status":"task_teleport"}""");

        Assert.Equal(WiroTaskStatus.Unknown, task.Status);
        Assert.Equal("task_teleport", task.RawStatus);
        Assert.False(task.Status.IsTerminal());
    }

    [Fact]
    public void Llm_outputs_keep_their_inline_content()
    {
        var task = Read("""
            {"id":"1","status":"task_postprocess_end","pexit":"0","debugoutput":"Hello!",
             "outputs":[{"contenttype":"raw","content":{"prompt":"Hi","raw":"Hello!","thinking":[],"answer":["Hello!"]}}]}
            """);

        var output = Assert.Single(task.Outputs);
        Assert.Equal("raw", output.ContentType);
        Assert.Null(output.Url);
        using var content = JsonDocument.Parse(output.ContentJson!);
        Assert.Equal("Hello!", content.RootElement.GetProperty("answer")[0].GetString());
        Assert.Equal("Hello!", task.DebugOutput);
    }

    [Theory]
    [InlineData("task_postprocess_end", "0", true)]
    [InlineData("task_postprocess_end", "1", false)]
    [InlineData("task_postprocess_end", "", false)]
    [InlineData("task_postprocess_end", "00", false)]
    [InlineData("task_end", "0", false)]
    [InlineData("task_cancel", "", false)]
    [InlineData("task_error", "", false)]
    public void Success_is_postprocess_end_with_exit_code_zero_only(string status, string pexit, bool success)
    {
        var result = new WiroTaskResult(Read($$"""{"id":"1","status":"{{status}}","pexit":"{{pexit}}","outputs":[{"name":"0.png","url":"https://x.test/0.png"}]}"""));

        Assert.Equal(success, result.IsSuccess);
        Assert.Equal(success ? 1 : 0, result.Outputs.Count);
        Assert.Equal(success, result.FailureReason is null);
    }

    [Fact]
    public void Failure_reasons_say_what_happened()
    {
        Assert.Contains("cancelled", new WiroTaskResult(Read("""{"status":"task_cancel"}""")).FailureReason);
        Assert.True(new WiroTaskResult(Read("""{"status":"task_cancel"}""")).IsCancelled);
        Assert.Contains("before the model ran: no GPU", new WiroTaskResult(Read("""{"status":"task_error","debugerror":"no GPU\n"}""")).FailureReason);
        Assert.Contains("exited with code 137: OOM", new WiroTaskResult(Read("""{"status":"task_postprocess_end","pexit":"137","debugerror":"OOM"}""")).FailureReason);
    }

    private static WiroTask Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WiroTask.Read(document.RootElement, null);
    }
}

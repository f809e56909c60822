using System.Text;

namespace Wiro.Core.Tests;

/// <summary>
/// An answer is about the task that was asked for, as Wiro's lookups define it (Task/Detail by <c>tasktoken</c>
/// matches <c>socketaccesstoken</c>, by <c>taskid</c> matches <c>id</c>): a server that answers with another task,
/// over a real socket, never makes a wait succeed or a read return that task, and a WebSocket frame that names
/// another task is not reported and does not end the wait.
/// </summary>
public sealed class TaskIdentityTests
{
    private const string RunAnswer = """{"result":true,"errors":[],"taskid":"77","socketaccesstoken":"tok77"}""";

    private static string TaskAnswer(string? id, string? token, string status = "task_postprocess_end")
    {
        var idPart = id is null ? "" : $"\"id\":\"{id}\",";
        var tokenPart = token is null ? "" : $"\"socketaccesstoken\":\"{token}\",";
        return $$"""{"result":true,"errors":[],"total":"1","tasklist":[{{{idPart}}{{tokenPart}}"status":"{{status}}","pexit":"0","outputs":[{"name":"0.png","contenttype":"image/png","size":"3","url":"https://cdn.example.test/someone-else/0.png"}]}]}""";
    }

    [Theory]
    [InlineData("999", "tok999")]
    [InlineData("77", "tok999")]
    [InlineData("999", "tok77")]
    [InlineData(null, "tok999")]
    [InlineData("999", null)]
    public async Task A_wait_never_succeeds_with_another_tasks_answer(string? id, string? token)
    {
        await using var server = Server(TaskAnswer(id, token));
        using var client = new WiroClient(Options(server));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(
            () => client.RunAndWaitAsync("wiroai", "tool", new EnvelopeAndRetryTests.EmptyRequest(), cancellationToken: limit.Token));

        Assert.Contains("77", error.Message);
        Assert.Contains(server.Received, r => r.Target == "/v1/Task/Detail" && Encoding.UTF8.GetString(r.Body) == """{"tasktoken":"tok77"}""");
    }

    [Fact]
    public async Task A_task_read_by_token_is_the_task_with_that_token()
    {
        await using var server = Server(TaskAnswer("999", "tok999"));
        using var client = new WiroClient(Options(server));

        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => client.GetTaskByTokenAsync("tok77"));
        var run = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => client.GetTaskAsync(new WiroRunResult("77", "tok77")));

        Assert.Contains("tok77", error.Message);
        Assert.Contains("tok77", run.Message);
    }

    [Theory]
    [InlineData("999", "tok77")]
    [InlineData(null, "tok77")]
    public async Task A_task_read_by_id_is_the_task_with_that_id(string? id, string token)
    {
        await using var server = Server(TaskAnswer(id, token));
        using var client = new WiroClient(Options(server));

        var detail = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => client.GetTaskByIdAsync("77"));
        var cancel = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => client.CancelTaskAsync("77"));
        var kill = await Assert.ThrowsAsync<WiroMalformedResponseException>(() => client.KillTaskAsync("77"));

        Assert.All([detail, cancel, kill], error => Assert.Contains("'77'", error.Message));
    }

    [Fact]
    public async Task The_asked_task_is_found_in_a_list_that_also_holds_others()
    {
        const string answer = """{"result":true,"errors":[],"total":"2","tasklist":[{"id":"999","socketaccesstoken":"tok999","status":"task_postprocess_end","pexit":"0"},{"id":"77","socketaccesstoken":"tok77","status":"task_start","pexit":""}]}""";
        await using var server = Server(answer);
        using var client = new WiroClient(Options(server));

        var byId = await client.GetTaskByIdAsync("77");
        var byToken = await client.GetTaskByTokenAsync("tok77");

        Assert.Equal(("77", "tok77", WiroTaskStatus.TaskStart), (byId.Id, byId.SocketAccessToken, byId.Status));
        Assert.Equal(("77", "tok77", WiroTaskStatus.TaskStart), (byToken.Id, byToken.SocketAccessToken, byToken.Status));
    }

    [Fact]
    public async Task Frames_that_name_another_task_are_neither_reported_nor_the_end()
    {
        using var socket = ScriptedSocketServer.Start(() =>
        [
            ScriptedSocketServer.Frame("task_start", "999", "tok999"),
            ScriptedSocketServer.Frame("task_output", "999", "tok999", ScriptedSocketServer.Progress(50)),
            ScriptedSocketServer.Frame("task_cancel", "999", "tok999"),
            ScriptedSocketServer.Frame("task_postprocess_end", null, "tok999"),
            ScriptedSocketServer.Frame("task_postprocess_end", "999", null),
            ScriptedSocketServer.Frame("task_postprocess_end", "999", "tok77"),
            ScriptedSocketServer.Frame("task_postprocess_end", "77", "tok999"),
            ScriptedSocketServer.Frame("task_start", "77", "tok77"),
            ScriptedSocketServer.Frame("task_output", "77", "tok77", ScriptedSocketServer.Progress(30)),
            ScriptedSocketServer.Frame("task_postprocess_end", "77", "tok77"),
        ]);
        await using var server = Server(TaskAnswer("77", "tok77"));
        var options = Options(server);
        options.UseWebSocket = true;
        options.WebSocketAddress = socket.Address;
        options.WebSocketIdleTimeout = TimeSpan.FromMinutes(5);
        using var client = new WiroClient(options);
        var progress = new RecordingProgress();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await client.WaitForCompletionAsync(new WiroRunResult("77", "tok77"), progress, limit.Token);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(["task_start", "task_output", "task_postprocess_end"], progress.Updates.Select(u => u.RawStatus));
        Assert.Equal([null, 30, null], progress.Updates.Select(u => u.Percentage));
        Assert.Single(server.Received, r => r.Target == "/v1/Task/Detail");
        Assert.Equal(10, await socket.Sent);
    }

    private static HostileServer Server(string taskAnswer)
        => HostileServer.Start((request, stream, _) => HostileServer.WriteJsonAsync(
            stream, request.Target.StartsWith("/v1/Run/", StringComparison.Ordinal) ? RunAnswer : taskAnswer));

    private static WiroClientOptions Options(HostileServer server) => new()
    {
        ApiKey = TestEnvironment.Key,
        ApiSecret = TestEnvironment.Secret,
        BaseAddress = new Uri(server.Address, "v1/"),
        UseWebSocket = false,
        PollingInterval = TimeSpan.FromMilliseconds(1),
        MaxPollingInterval = TimeSpan.FromMilliseconds(2),
    };
}

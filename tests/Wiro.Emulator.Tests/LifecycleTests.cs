using System.Net.Http.Headers;
using System.Text.Json;

namespace Wiro.Emulator.Tests;

public sealed class LifecycleTests
{
    private static readonly string[] Statuses =
    [
        "task_queue", "task_accept", "task_preprocess_start", "task_preprocess_end", "task_assign", "task_start",
        "task_output", "task_output_full", "task_end", "task_postprocess_start", "task_postprocess_end",
    ];

    [Fact]
    public async Task A_run_walks_every_status_one_step_at_a_time_and_ends_with_pexit_0()
    {
        await using var env = await Emulated.StartAsync();
        var run = await env.Api.PostJsonAsync("Run/wiroai/LTX-Video-Text2Video", """{"prompt":"a red kite","fps":24}""");
        Assert.True(run.Result);
        Assert.Equal(JsonValueKind.Array, run.Root.GetProperty("errors").ValueKind);
        var taskId = run.Root.GetProperty("taskid").GetString()!;
        Assert.All(taskId, c => Assert.True(char.IsAsciiDigit(c)));
        Assert.Matches("^[A-Za-z]{30}$", run.Root.GetProperty("socketaccesstoken").GetString());

        var seen = new List<string>();
        for (var i = 0; i < Statuses.Length + 2; i++)
        {
            seen.Add((await env.Api.DetailAsync(taskId)).GetProperty("status").GetString()!);
            env.Advance(1);
        }

        Assert.Equal([.. Statuses, "task_postprocess_end", "task_postprocess_end"], seen);
        var task = await env.Api.DetailAsync(taskId);
        Assert.Equal("0", task.GetProperty("pexit").GetString());
        Assert.Equal("", task.GetProperty("debugerror").GetString());
        Assert.Equal("a red kite", task.GetProperty("parameters").GetProperty("prompt").GetString());
        Assert.Equal("wiroai", task.GetProperty("modelslugowner").GetString());
        Assert.Equal("LTX-Video-Text2Video", task.GetProperty("modelslugproject").GetString());
        var output = Assert.Single(task.GetProperty("outputs").EnumerateArray().ToList());
        Assert.Equal("0.png", output.GetProperty("name").GetString());
        Assert.Equal("image/png", output.GetProperty("contenttype").GetString());
    }

    [Fact]
    public async Task Task_objects_use_strings_for_scalars_as_wiro_does()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        env.Advance(20);

        var answer = await env.Api.PostJsonAsync("Task/Detail", $$"""{"taskid":"{{taskId}}"}""");

        Assert.Equal("1", answer.Root.GetProperty("total").GetString());
        var task = answer.Root.GetProperty("tasklist")[0];
        foreach (var name in new[] { "id", "uuid", "socketaccesstoken", "debugoutput", "debugerror", "starttime", "endtime", "elapsedseconds", "status", "pexit", "createtime", "canceltime", "assigntime", "accepttime", "totalcost", "size" })
        {
            Assert.Equal(JsonValueKind.String, task.GetProperty(name).ValueKind);
        }

        Assert.Equal(JsonValueKind.Number, task.GetProperty("ispublic").ValueKind);
        var created = env.Clock.GetUtcNow().AddSeconds(-20).ToUnixTimeSeconds();
        Assert.Equal(created.ToString(), task.GetProperty("createtime").GetString());
        Assert.Equal((created + 5).ToString(), task.GetProperty("starttime").GetString());
        Assert.Equal((created + 8).ToString(), task.GetProperty("endtime").GetString());
        Assert.Equal("3.0000", task.GetProperty("elapsedseconds").GetString());
        Assert.Equal("0", task.GetProperty("canceltime").GetString());
        var output = task.GetProperty("outputs")[0];
        Assert.Equal(JsonValueKind.String, output.GetProperty("size").ValueKind);
        Assert.Equal(task.GetProperty("size").GetString(), output.GetProperty("size").GetString());
    }

    [Fact]
    public async Task Times_not_reached_yet_are_zero()
    {
        await using var env = await Emulated.StartAsync();
        var task = await env.Api.DetailAsync(await env.Api.RunAsync());

        Assert.Equal("task_queue", task.GetProperty("status").GetString());
        Assert.Equal(("0", "0", "", "0.0000"), (task.GetProperty("starttime").GetString(), task.GetProperty("endtime").GetString(), task.GetProperty("pexit").GetString(), task.GetProperty("elapsedseconds").GetString()));
        Assert.Empty(task.GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task The_output_is_a_valid_png_served_without_auth_once_the_task_succeeded()
    {
        await using var env = await Emulated.StartAsync();
        var taskId = await env.Api.RunAsync();
        var url = new Uri(env.Emulator.BaseAddress, $"/files/{taskId}/0.png");
        using var plain = new HttpClient();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await plain.GetAsync(url)).StatusCode);
        env.Advance(Statuses.Length);
        var listed = (await env.Api.DetailAsync(taskId)).GetProperty("outputs")[0];
        Assert.Equal(url, new Uri(listed.GetProperty("url").GetString()!));

        using var response = await plain.GetAsync(url);
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(listed.GetProperty("size").GetString(), png.Length.ToString());
        Assert.Equal((8, 8), PngCheck.AssertValid(png));
        var download = env.Emulator.Requests[^1];
        Assert.Equal(("GET", $"/files/{taskId}/0.png", null, false), (download.Method, download.Path, download.ApiKey, download.HasSignature));
    }

    [Fact]
    public async Task Outputs_can_be_chosen_per_emulator_and_per_run()
    {
        await using var env = await Emulated.StartAsync(o => o.Outputs = [WiroOutputFile.Text("0.txt", "hello")]);
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Success(WiroOutputFile.Png("a.png"), WiroOutputFile.Json("b.json", """{"ok":true}""")));
        var custom = await env.Api.RunAsync();
        var byDefault = await env.Api.RunAsync();
        env.Advance(Statuses.Length);

        var customOutputs = (await env.Api.DetailAsync(custom)).GetProperty("outputs").EnumerateArray().ToList();
        var defaultOutput = Assert.Single((await env.Api.DetailAsync(byDefault)).GetProperty("outputs").EnumerateArray().ToList());

        Assert.Equal(["a.png", "b.json"], customOutputs.Select(o => o.GetProperty("name").GetString()));
        Assert.Equal("application/json", customOutputs[1].GetProperty("contenttype").GetString());
        var json = await env.Api.Http.GetStringAsync(customOutputs[1].GetProperty("url").GetString());
        Assert.True(JsonDocument.Parse(json).RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("hello", await env.Api.Http.GetStringAsync(defaultOutput.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task A_task_is_found_by_id_or_by_token_and_an_unknown_one_is_error_1()
    {
        await using var env = await Emulated.StartAsync();
        var run = await env.Api.PostJsonAsync("Run/a/b", "{}");
        var token = run.Root.GetProperty("socketaccesstoken").GetString();

        var byToken = await env.Api.PostJsonAsync("Task/Detail", $$"""{"tasktoken":"{{token}}"}""");
        var unknown = await env.Api.PostJsonAsync("Task/Detail", """{"taskid":"999999"}""");

        Assert.Equal(run.Root.GetProperty("taskid").GetString(), byToken.Root.GetProperty("tasklist")[0].GetProperty("id").GetString());
        Assert.Equal(token, byToken.Root.GetProperty("tasklist")[0].GetProperty("socketaccesstoken").GetString());
        Assert.False(unknown.Result);
        Assert.Equal(1, unknown.Error.Code);
    }

    [Fact]
    public async Task Models_with_a_dot_or_a_space_are_routed()
    {
        await using var env = await Emulated.StartAsync();

        var task = await env.Api.DetailAsync(await env.Api.RunAsync("JoeLink/Robot%20v4.0"));

        Assert.Equal("JoeLink", task.GetProperty("modelslugowner").GetString());
        Assert.Equal("Robot v4.0", task.GetProperty("modelslugproject").GetString());
    }

    [Fact]
    public async Task Multipart_runs_keep_string_parts_file_parts_and_repeated_fields()
    {
        await using var env = await Emulated.StartAsync();
        var png = new byte[] { 1, 2, 3, 4 };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a cat"), "prompt" },
            { new StringContent(""), "inputImageUrl" },
            { File(png, "image/png"), "inputImage", "cat.png" },
            { File([9], "image/png"), "inputImages", "a.png" },
            { File([8, 7], "image/png"), "inputImages", "b.png" },
        };

        var taskId = await RunFormAsync(env, form);

        var run = Assert.Single(env.Emulator.Requests);
        Assert.StartsWith("multipart/form-data", run.ContentType, StringComparison.Ordinal);
        Assert.Equal(["a cat"], run.Fields["prompt"]);
        Assert.Equal([""], run.Fields["inputImageUrl"]);
        Assert.Equal([new RecordedFile("inputImage", "cat.png", 4), new RecordedFile("inputImages", "a.png", 1), new RecordedFile("inputImages", "b.png", 2)], run.Files);
        var parameters = (await env.Api.DetailAsync(taskId)).GetProperty("parameters");
        Assert.Equal(["a.png", "b.png"], parameters.GetProperty("inputImages").EnumerateArray().Select(e => e.GetString()));

        static ByteArrayContent File(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            return content;
        }
    }

    [Fact]
    public async Task A_run_body_that_is_not_json_gets_400()
    {
        await using var env = await Emulated.StartAsync();

        var answer = await env.Api.PostJsonAsync("Run/a/b", "{\"prompt\":");

        Assert.Equal(400, answer.Status);
        Assert.False(answer.Result);
        Assert.Equal(0, answer.Error.Code);
    }

    [Fact]
    public async Task After_dispose_nothing_listens()
    {
        var env = await Emulated.StartAsync();
        var address = env.Emulator.BaseAddress;
        await env.DisposeAsync();
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri(address, "Task/Detail"), WiroApi.Json("{}")));
    }

    private static async Task<string> RunFormAsync(Emulated env, MultipartFormDataContent form)
    {
        var answer = await env.Api.SendAsync(env.Api.Request("Run/acme/files", form));
        Assert.Equal(200, answer.Status);
        return answer.Root.GetProperty("taskid").GetString()!;
    }
}

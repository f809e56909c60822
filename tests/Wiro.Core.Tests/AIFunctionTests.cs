using System.Text.Json;
using Microsoft.Extensions.AI;
using Wiro.Emulator;
using Wiro.Specs;

namespace Wiro.Core.Tests;

/// <summary>
/// The generated LTX-Video client's AI function in a real agent loop: <see cref="FunctionInvokingChatClient"/> over a
/// scripted model (a test double that is the model: it calls the function with JSON arguments, then answers from the
/// result), the run on the emulator over real sockets, validated there against the spec.
/// </summary>
public sealed class AIFunctionTests
{
    private static readonly string LtxSpec = Path.Combine(AppContext.BaseDirectory, "ltx-video-text2video.wiro.md");

    [Theory]
    [InlineData("video/mp4", "video/mp4")]
    [InlineData("image/png; charset=binary", "image/png")]
    [InlineData(" text/plain ", "text/plain")]
    [InlineData("application/vnd.api+json", "application/vnd.api+json")]
    [InlineData("raw", "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData("/mp4", "application/octet-stream")]
    [InlineData("video/", "application/octet-stream")]
    [InlineData("a/b/c", "application/octet-stream")]
    [InlineData("vid\u00e9o/mp4", "application/octet-stream")]
    [InlineData("video/mp4\r\nx: y", "application/octet-stream")]
    public void An_outputs_content_type_becomes_a_media_type_a_link_can_carry(string contentType, string expected)
    {
        var mediaType = MediaTypes.Of(contentType);

        Assert.Equal(expected, mediaType);
        Assert.Equal(expected, new UriContent("https://cdn.example/0.bin", mediaType).MediaType);
        if (contentType == expected)
        {
            Assert.Same(contentType, mediaType);
        }
    }

    [Fact]
    public async Task The_model_calls_the_function_the_task_runs_and_the_model_receives_the_output_link()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(LtxSpec));
        var function = env.Client.LtxVideoText2Video.AsAIFunction();
        var model = new ScriptedModel(function.Name, """{"prompt":"a red kite over the sea","numFrames":121,"seed":"7"}""");
        using var chat = new FunctionInvokingChatClient(model);

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Make a clip of a red kite.")], new ChatOptions { Tools = [function] });

        var result = Assert.IsType<List<AIContent>>(model.Result);
        var link = Assert.Single(result.OfType<UriContent>());
        Assert.Equal("video/mp4", link.MediaType);
        Assert.StartsWith(emulatorOrigin(env), link.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(link.Uri.AbsoluteUri, response.Text, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(result.OfType<TextContent>().First().Text);
        Assert.True(summary.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal("task_postprocess_end", summary.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(summary.RootElement.GetProperty("taskId").GetString()));
        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/wiroai/LTX-Video-Text2Video");
        Assert.Equal(["121"], run.Fields["numFrames"]);
        Assert.Equal(["a red kite over the sea"], run.Fields["prompt"]);
        Assert.Equal(["768"], run.Fields["width"]);   // not given: the page default, as a default typed request sends it

        static string emulatorOrigin(TestEnvironment env) => env.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
    }

    [Theory]
    [InlineData("""{"prompt":"a kite","numFramez":121}""", "'numFramez' is not an input")]
    [InlineData("""{"prompt":"a kite","numFrames":"lots"}""", "'numFrames' must be an integer")]
    [InlineData("""{"prompt":42}""", "'prompt' must be a string")]
    [InlineData("""{"prompt":"a kite","numFrames":12.5}""", "'numFrames' must be an integer")]
    public async Task A_wrong_argument_comes_back_to_the_model_as_an_error_naming_it_and_nothing_is_sent(string arguments, string expected)
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(LtxSpec));
        var function = env.Client.LtxVideoText2Video.AsAIFunction();
        var model = new ScriptedModel(function.Name, arguments);
        using var chat = new FunctionInvokingChatClient(model);   // IncludeDetailedErrors stays false: the error is a result, not an exception

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Make a clip.")], new ChatOptions { Tools = [function] });

        var error = Assert.IsType<ErrorContent>(model.Result);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_outside_a_selects_choices_is_refused_naming_it_and_an_allowed_one_is_sent_exactly()
    {
        // A descriptor built at run time from a page by the spec layer, as a `wiro mcp` would: no generated code.
        var spec = Path.Combine(Directory.CreateTempSubdirectory("wiro-ai").FullName, "acme__pick.wiro.md");
        await File.WriteAllTextAsync(spec, PickSpec);
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(spec));
        var function = WiroToolFunction.Create(env.Client, Descriptor(spec));

        var refused = await function.InvokeAsync(Arguments("""{"ratio":"4:3","prompt":"x"}"""));
        Assert.DoesNotContain(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        var ran = await function.InvokeAsync(Arguments("""{"ratio":"9:16","styles":["b","c"],"upscale":false}"""));

        var error = Assert.IsType<ErrorContent>(refused);
        Assert.Contains("'ratio' must be one of \"16:9\", \"9:16\"; got \"4:3\"", error.Message, StringComparison.Ordinal);
        Assert.IsType<List<AIContent>>(ran);
        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/pick");
        Assert.Equal(["9:16"], run.Fields["ratio"]);
        Assert.Equal(["b,c"], run.Fields["styles"]);
        Assert.Equal(["false"], run.Fields["upscale"]);
        Assert.Equal(["a lighthouse"], run.Fields["prompt"]);
    }

    [Fact]
    public async Task A_call_with_no_arguments_sends_exactly_what_a_default_typed_request_sends()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(LtxSpec));
        await env.Client.LtxVideoText2Video.RunAsync(new LtxVideoText2VideoRequest());

        await env.Client.LtxVideoText2Video.AsAIFunction().InvokeAsync(new AIFunctionArguments());

        var runs = env.Emulator.Requests.Where(r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(runs[0].ContentType, runs[1].ContentType);
        Assert.Equal(runs[0].Fields.OrderBy(f => f.Key).Select(f => (f.Key, string.Join("|", f.Value))),
            runs[1].Fields.OrderBy(f => f.Key).Select(f => (f.Key, string.Join("|", f.Value))));
    }

    [Fact]
    public async Task CLR_values_as_a_FunctionCallContent_built_in_code_holds_are_taken_too()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(LtxSpec));

        var result = await env.Client.LtxVideoText2Video.AsAIFunction().InvokeAsync(new AIFunctionArguments
        {
            ["prompt"] = "a kite",
            ["numFrames"] = 97,
            ["steps"] = 30L,
            ["seed"] = null,   // null: not given
        });

        Assert.IsType<List<AIContent>>(result);
        var run = Assert.Single(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Equal(["97"], run.Fields["numFrames"]);
        Assert.Equal(["30"], run.Fields["steps"]);
        Assert.Equal(["42"], run.Fields["seed"]);
    }

    [Fact]
    public async Task A_failed_task_and_a_refused_run_are_results_the_model_reads_and_the_loop_goes_on()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(LtxSpec));
        var function = env.Client.LtxVideoText2Video.AsAIFunction();
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure(exitCode: "1", debugError: "CUDA out of memory"));
        var failedModel = new ScriptedModel(function.Name, """{"prompt":"a kite"}""");
        using (var chat = new FunctionInvokingChatClient(failedModel))
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Make a clip.")], new ChatOptions { Tools = [function] });
            Assert.Contains("CUDA out of memory", response.Text, StringComparison.Ordinal);
        }

        env.Emulator.EnqueueFault(WiroFault.ResultFalse(97, "Insufficient balance", "/Run"));
        var refusedModel = new ScriptedModel(function.Name, """{"prompt":"a kite"}""");
        using (var chat = new FunctionInvokingChatClient(refusedModel))
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Make a clip.")], new ChatOptions { Tools = [function] });
            Assert.Contains("Insufficient balance", response.Text, StringComparison.Ordinal);
        }

        var failed = Assert.IsType<List<AIContent>>(failedModel.Result);
        Assert.Equal("task_postprocess_end", Assert.IsType<ErrorContent>(failed[0]).ErrorCode);
        Assert.Empty(failed.OfType<UriContent>());
        Assert.Equal("wiro_97", Assert.IsType<ErrorContent>(Assert.Single(Assert.IsType<List<AIContent>>(refusedModel.Result))).ErrorCode);
    }

    [Fact]
    public async Task With_requireApproval_nothing_runs_until_the_caller_approves()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options => options.SpecFiles.Add(LtxSpec));
        var functions = env.Client.AsAIFunctions(requireApproval: true);
        // The project's tools: LTX-Video, and the chat, image and speech tools the adapter tests use.
        Assert.Equal(6, functions.Count);
        Assert.All(functions, f => Assert.IsType<ApprovalRequiredAIFunction>(f));
        var function = Assert.Single(functions, f => f.Name == "wiroai__LTX-Video-Text2Video");
        var model = new ScriptedModel(function.Name, """{"prompt":"a kite"}""");
        using var chat = new FunctionInvokingChatClient(model);
        List<ChatMessage> messages = [new(ChatRole.User, "Make a clip.")];
        var options = new ChatOptions { Tools = [.. functions] };

        var asked = await chat.GetResponseAsync(messages, options);
        var request = Assert.Single(asked.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.DoesNotContain(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));

        messages.AddRange(asked.Messages);
        messages.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]));
        var answered = await chat.GetResponseAsync(messages, options);

        Assert.Single(env.Emulator.Requests, r => r.Path.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Contains(Assert.Single(Assert.IsType<List<AIContent>>(model.Result).OfType<UriContent>()).Uri.AbsoluteUri, answered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_call_stops_the_wait()
    {
        await using var env = await TestEnvironment.StartAsync(emulator: options =>
        {
            options.SpecFiles.Add(LtxSpec);
            options.StatusStepDuration = TimeSpan.FromHours(1);   // the task never ends by itself
        });
        var function = env.Client.LtxVideoText2Video.AsAIFunction();
        using var cancellation = new CancellationTokenSource();
        var call = function.InvokeAsync(Arguments("""{"prompt":"a kite"}"""), cancellation.Token).AsTask();
        // The wait has begun once the task is read; bounded, so a broken run fails the test instead of hanging it.
        for (var i = 0; i < 6000 && !env.Emulator.Requests.Any(r => r.Path == "/v1/Task/Detail"); i++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(env.Emulator.Requests, r => r.Path == "/v1/Task/Detail");

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public void The_function_has_the_descriptors_name_description_and_schema()
    {
        using var client = new WiroClient(new WiroClientOptions { ApiKey = "k" });

        var function = client.LtxVideoText2Video.AsAIFunction();

        Assert.Equal("wiroai__LTX-Video-Text2Video", function.Name);
        Assert.Contains("Makes: tool, text-to-video", function.Description, StringComparison.Ordinal);
        Assert.Equal("integer", function.JsonSchema.GetProperty("properties").GetProperty("numFrames").GetProperty("type").GetString());
        Assert.Equal(240, function.JsonSchema.GetProperty("properties").GetProperty("numFrames").GetProperty("default").GetInt32());
        Assert.False(function.JsonSchema.GetProperty("additionalProperties").GetBoolean());
    }

    private const string PickSpec = """
        ## Basic tool info

        Model name: acme/pick
        Model description: Picks things.
        Model cover: No cover
        Model categories:
          - text-to-image

        Run Task Endpoint (POST):
        https://api.wiro.ai/v1/Run/acme/pick

        Get Task Detail Endpoint (POST):
        https://api.wiro.ai/v1/Task/Detail

        ## Model Inputs: 

          - name: prompt
            label: Prompt
            help: What to show
            type: text
            default: a lighthouse

          - name: ratio
            label: Ratio
            help: 
            type: select
            default: 16:9
            options:
              - value: "16:9"
                label: Wide

              - value: "9:16"
                label: Tall

          - name: styles
            label: Styles
            help: 
            type: multiselect
            default: a
            options:
              - value: "a"
                label: A

              - value: "b"
                label: B

              - value: "c"
                label: C

          - name: upscale
            label: Upscale
            help: 
            type: select
            default: true
            options:
              - value: "true"
                label: Yes

              - value: "false"
                label: No

        """;

    /// <summary>The page's function, planned by the spec layer and made a core descriptor (what a `wiro mcp` does).</summary>
    private static WiroToolFunctionDescriptor Descriptor(string specPath)
    {
        var parsed = SpecParser.Parse(specPath, File.ReadAllText(specPath), CancellationToken.None);
        var (plan, _) = ToolPlanner.Plan(parsed.Spec!, null, [], CancellationToken.None);
        var function = FunctionPlanner.Plan(parsed.Spec!, plan);
        return new WiroToolFunctionDescriptor(function.Name, function.Description, function.JsonSchema, function.Owner, function.Model,
            function.Inputs.Select(input => new WiroToolFunctionInput(input.Key, (WiroToolInputKind)(int)input.Kind, input.Default,
                input.AllowedValues.Count > 0 ? input.AllowedValues.ToArray() : null)).ToArray());
    }

    private static AIFunctionArguments Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AIFunctionArguments(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()));
    }

    /// <summary>
    /// The model: with no function result in the conversation it calls the function with its JSON arguments (parsed
    /// into <see cref="JsonElement"/>s, as chat clients pass them); once it sees the result, it answers with the
    /// result's output links, or with the error it read.
    /// </summary>
    private sealed class ScriptedModel(string functionName, string argumentsJson) : IChatClient
    {
        public object? Result { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var result = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().LastOrDefault();
            if (result is null)
            {
                var call = new FunctionCallContent("call-1", functionName, Arguments(argumentsJson));
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
            }

            Result = result.Result;
            var text = result.Result switch
            {
                ErrorContent error => "I could not run it: " + error.Message,
                IEnumerable<AIContent> contents => string.Join(" ", contents.Select(content => content switch
                {
                    UriContent link => "Here it is: " + link.Uri.AbsoluteUri,
                    ErrorContent error => "It failed: " + error.Message,
                    _ => "",
                })),
                _ => "I got " + result.Result,
            };
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

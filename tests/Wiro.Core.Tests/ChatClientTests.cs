using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Wiro.Specs;

namespace Wiro.Core.Tests;

/// <summary>
/// <see cref="WiroChatClient"/> against the emulator's LLM tool over real sockets: the stream's deltas join to the
/// final answer, reasoning stays apart, a conversation continues by its id sending only the new turn, failures and
/// cancellation end the stream, and <c>UseOpenTelemetry()</c> sees provider <c>wiro</c> and the model.
/// </summary>
public sealed class ChatClientTests
{
    internal static readonly string ChatSpec = Path.Combine(AppContext.BaseDirectory, "acme-chat.wiro.md");

    internal const string Closing = " This answer comes from the Wiro emulator, served in a café.";

    internal const string FirstThoughts = "The user wrote \"hello\". This is the first turn.Is the reply complete?";

    [Fact]
    public async Task Streamed_deltas_join_to_the_final_answer_and_reasoning_stays_out_of_the_text()
    {
        await using var env = await StartAsync();
        using var chat = env.Client.Chat.AsIChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("hello", new ChatOptions { Instructions = "Be brief.", Temperature = 0.2f, MaxOutputTokens = 64 }))
        {
            updates.Add(update);
        }

        var expected = "You said \"hello\"." + Closing;
        var texts = updates.SelectMany(u => u.Contents.OfType<TextContent>()).Select(t => t.Text).ToList();
        Assert.True(texts.Count > 5, $"{texts.Count} text deltas: the answer streams");
        Assert.Equal(expected, string.Concat(texts));
        Assert.DoesNotContain(texts, t => t.Contains('\uFFFD'));
        Assert.Equal(FirstThoughts, string.Concat(updates.SelectMany(u => u.Contents.OfType<TextReasoningContent>()).Select(t => t.Text)));
        // Thinking first.
        Assert.IsType<TextReasoningContent>(updates.SelectMany(u => u.Contents).First());

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
        var taskId = (await env.Client.GetTaskByTokenAsync(SocketToken(env, updates))).Id;
        Assert.All(updates, u =>
        {
            Assert.Equal(taskId, u.ResponseId);
            Assert.Equal(taskId, u.MessageId);
            Assert.Equal(run.Fields["session_id"][0], u.ConversationId);
            Assert.Equal("acme/chat", u.ModelId);
            Assert.Equal(ChatRole.Assistant, u.Role);
        });
        Assert.True(Guid.TryParse(updates[0].ConversationId, out _));
        Assert.Equal(["hello"], run.Fields["prompt"]);
        Assert.Equal(["Be brief."], run.Fields["system_prompt"]);
        Assert.Equal(["0.2"], run.Fields["temperature"]);
        Assert.Equal(["64"], run.Fields["max_tokens"]);
        Assert.Equal(["0.95"], run.Fields["top_p"]);   // not given: the page default

        var last = updates[^1];
        Assert.Equal(ChatFinishReason.Stop, last.FinishReason);
        Assert.Equal(0.00351m, last.AdditionalProperties![WiroChatClient.CostKey]);
        Assert.IsType<WiroTaskResult>(last.RawRepresentation);
        Assert.Equal(1, updates.Count(u => u.FinishReason is not null));

        var response = updates.ToChatResponse();
        Assert.Equal(expected, response.Text);
        Assert.Equal(taskId, response.ResponseId);
        Assert.Contains(response.Messages.Single().Contents, c => c is TextReasoningContent);
    }

    [Fact]
    public async Task A_second_turn_with_the_returned_conversation_id_sends_only_the_new_turn_and_continues_the_session()
    {
        await using var env = await StartAsync();
        using var chat = env.Client.Chat.AsIChatClient();
        List<ChatMessage> history = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "hello")];

        var first = await chat.GetResponseAsync(history);
        history.AddMessages(first);
        history.Add(new ChatMessage(ChatRole.User, "and again"));
        var second = await chat.GetResponseAsync(history, new ChatOptions { ConversationId = first.ConversationId });

        Assert.Equal("You said \"hello\"." + Closing, first.Text);
        Assert.Equal("You said \"and again\" (turn 2); before that you said \"hello\"." + Closing, second.Text);
        Assert.False(string.IsNullOrEmpty(first.ConversationId));
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.ResponseId, second.ResponseId);
        Assert.Equal(0.00351m, second.AdditionalProperties![WiroChatClient.CostKey]);
        var runs = env.Emulator.Requests.Where(r => r.Path == "/v1/Run/acme/chat").ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(["and again"], runs[1].Fields["prompt"]);
        Assert.Equal([first.ConversationId!], runs[1].Fields["session_id"]);
        Assert.Equal(["Be brief."], runs[1].Fields["system_prompt"]);
    }

    [Fact]
    public async Task Earlier_turns_without_a_conversation_id_go_as_a_transcript_in_a_new_session()
    {
        await using var env = await StartAsync();
        using var chat = env.Client.Chat.AsIChatClient();

        var response = await chat.GetResponseAsync(
            [new(ChatRole.User, "hi"), new(ChatRole.Assistant, "hello there"), new(ChatRole.User, "and now?")],
            new ChatOptions { AdditionalProperties = new() { ["user_id"] = "u-1", ["top_p"] = 0.5, ["not_an_input"] = "x" } });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
        Assert.Equal(["user: hi\n\nassistant: hello there\n\nuser: and now?"], run.Fields["prompt"]);
        Assert.Equal(["u-1"], run.Fields["user_id"]);
        Assert.Equal(["0.5"], run.Fields["top_p"]);
        Assert.False(run.Fields.ContainsKey("not_an_input"));
        Assert.Equal([response.ConversationId!], run.Fields["session_id"]);
    }

    [Fact]
    public async Task A_tool_without_a_session_input_gets_the_transcript_even_with_a_conversation_id_and_returns_none()
    {
        await using var env = await StartAsync();
        var descriptor = ChatClient.ChatDescriptor;
        using var chat = new WiroChatClient(env.Client, new WiroChatDescriptor(descriptor.Tool, descriptor.PromptInput));

        var response = await chat.GetResponseAsync(
            [new(ChatRole.User, "hi"), new(ChatRole.Assistant, "hello there"), new(ChatRole.User, "and now?")],
            new ChatOptions { ConversationId = "c-1", Instructions = "ignored: no system-prompt input" });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
        Assert.Equal(["user: hi\n\nassistant: hello there\n\nuser: and now?"], run.Fields["prompt"]);
        Assert.Equal([""], run.Fields["session_id"]);
        Assert.Equal(["You are a helpful assistant."], run.Fields["system_prompt"]);   // the page default
        Assert.Null(response.ConversationId);
    }

    [Theory]
    [InlineData("microsoft/phi-4", ReasoningEffort.High, "686", "high")]           // a model by its label
    [InlineData("INTERNLM/internlm3-8b-instruct", ReasoningEffort.Low, "720", "low")]
    [InlineData("720", ReasoningEffort.ExtraHigh, "720", "medium")]                // by its value; an effort the select lacks is ignored
    [InlineData("gpt-9", null, "686", "medium")]                                   // a model the tool lacks is ignored
    public async Task ModelId_and_reasoning_go_to_the_tools_selects_when_they_name_one_of_its_choices(
        string modelId, ReasoningEffort? effort, string expectedModel, string expectedEffort)
    {
        await using var env = await StartAsync();
        using var chat = env.Client.Chat.AsIChatClient();

        await chat.GetResponseAsync("hello", new ChatOptions { ModelId = modelId, Reasoning = effort is { } e ? new ReasoningOptions { Effort = e } : null });

        var run = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/Run/acme/chat");
        Assert.Equal([expectedModel], run.Fields["selectedModel"]);
        Assert.Equal([expectedEffort], run.Fields["reasoning_effort"]);
    }

    [Fact]
    public async Task An_image_in_the_turn_goes_to_the_image_input_by_url_or_uploaded_when_it_is_bytes()
    {
        await using var env = await StartAsync();
        using var chat = env.Client.Chat.AsIChatClient();
        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3 };

        var byUrl = await chat.GetResponseAsync([new(ChatRole.User, [new TextContent("what is this?"), new UriContent("https://example.com/cat.png", "image/png")])]);
        await chat.GetResponseAsync(
            [new(ChatRole.User, [new TextContent("and this?"), new DataContent(png, "image/png")])],
            new ChatOptions { ConversationId = byUrl.ConversationId });

        var runs = env.Emulator.Requests.Where(r => r.Path == "/v1/Run/acme/chat").ToList();
        Assert.Equal(["https://example.com/cat.png"], runs[0].Fields["inputImageUrl"]);
        Assert.Equal(["what is this?"], runs[0].Fields["prompt"]);
        var upload = Assert.Single(env.Emulator.Requests, r => r.Path == "/v1/File/Upload");
        Assert.Equal(("image-1.png", (long)png.Length), (upload.Files.Single().FileName, upload.Files.Single().Length));
        var uploaded = runs[1].Fields["inputImageUrl"].Single();
        Assert.StartsWith(env.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority), uploaded, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(png, await http.GetByteArrayAsync(uploaded));
    }

    [Fact]
    public async Task Under_UseFunctionInvocation_the_answer_is_the_same()
    {
        await using var env = await StartAsync();
        using var chat = new ChatClientBuilder(env.Client.Chat.AsIChatClient()).UseFunctionInvocation().Build();

        var streamed = await chat.GetStreamingResponseAsync("hello").ToListAsync();
        var response = await chat.GetResponseAsync("hello");

        Assert.Equal("You said \"hello\"." + Closing, streamed.ToChatResponse().Text);
        Assert.Equal("You said \"hello\"." + Closing, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Without_the_socket_the_whole_answer_comes_from_task_detail()
    {
        await using var env = await StartAsync(webSocket: false);
        using var chat = env.Client.Chat.AsIChatClient();

        var updates = await chat.GetStreamingResponseAsync("hello").ToListAsync();

        Assert.Equal("You said \"hello\"." + Closing, updates.ToChatResponse().Text);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Fact]
    public async Task Without_the_socket_GetResponseAsync_gives_the_response_the_joined_stream_gives()
    {
        await using var env = await StartAsync(webSocket: false);
        using var chat = env.Client.Chat.AsIChatClient();

        var joined = (await chat.GetStreamingResponseAsync("hello").ToListAsync()).ToChatResponse();
        var direct = await chat.GetResponseAsync("hello");

        foreach (var response in new[] { joined, direct })
        {
            var message = Assert.Single(response.Messages);
            Assert.Equal(ChatRole.Assistant, message.Role);
            Assert.Equal(response.ResponseId, message.MessageId);
            Assert.True(Guid.TryParse(response.ConversationId, out _));
            Assert.Equal("acme/chat", response.ModelId);
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
            Assert.Equal(0.00351m, message.AdditionalProperties![WiroChatClient.CostKey]);
        }

        Assert.Equal(joined.Text, direct.Text);
        Assert.Equal("You said \"hello\"." + Closing, direct.Text);
        Assert.Equal(joined.Messages[0].Contents.Select(c => (c.GetType(), (c as TextReasoningContent)?.Text ?? ((TextContent)c).Text)),
            direct.Messages[0].Contents.Select(c => (c.GetType(), (c as TextReasoningContent)?.Text ?? ((TextContent)c).Text)));
        Assert.Equal(joined.Messages[0].AdditionalProperties!.Keys.Order(), direct.Messages[0].AdditionalProperties!.Keys.Order());
        Assert.Equal(0.00351m, direct.AdditionalProperties![WiroChatClient.CostKey]);
        Assert.Same(direct.Messages[0].AdditionalProperties, direct.AdditionalProperties);
        Assert.NotEqual(joined.ResponseId, direct.ResponseId);   // two runs
    }

    [Fact]
    public async Task A_failed_task_is_a_typed_exception_with_wiros_reason()
    {
        await using var env = await StartAsync();
        env.Emulator.EnqueueOutcome(Wiro.Emulator.WiroTaskOutcome.Failure("1", "CUDA out of memory"));
        using var chat = env.Client.Chat.AsIChatClient();

        var failed = await Assert.ThrowsAsync<WiroTaskFailedException>(() => chat.GetResponseAsync("hello"));

        Assert.Contains("CUDA out of memory", failed.Message, StringComparison.Ordinal);
        Assert.Equal("1", failed.Result.ExitCode);
    }

    [Fact]
    public async Task Cancelling_ends_the_stream_and_kills_the_task_with_KillTaskOnCancel()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = await StartAsync(emulatorClock: clock, killOnCancel: true);
        using var chat = env.Client.Chat.AsIChatClient();
        using var cancel = new CancellationTokenSource();

        using var run = new RunAnswered("Run acme/chat");

        await using var stream = chat.GetStreamingResponseAsync("hello", cancellationToken: cancel.Token).GetAsyncEnumerator();
        var first = stream.MoveNextAsync().AsTask();
        // Once Run has answered, the task exists and its time runs from the clock's reading: one move puts it in
        // task_output (the seventh status, a second each), where the LLM frames are sent, and there it stays while the
        // clock stands still, however long the client takes to hear them. Bounded: a broken stream fails the test.
        await run.Answered.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(6.5));
        await first.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(await first);
        Assert.IsType<TextReasoningContent>(stream.Current.Contents[0]);
        var taskId = stream.Current.ResponseId!;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.MoveNextAsync());
        Assert.Contains(env.Emulator.Requests, r => r.Path == "/v1/Task/Kill");
        var task = await env.Client.GetTaskByIdAsync(taskId);
        Assert.Equal(WiroTaskStatus.TaskCancel, task.Status);
    }

    [Fact]
    public async Task Through_UseOpenTelemetry_the_activity_carries_provider_wiro_and_the_model()
    {
        await using var env = await StartAsync();
        var source = "wiro-chat-test-" + Guid.NewGuid().ToString("N");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var chat = new ChatClientBuilder(env.Client.Chat.AsIChatClient()).UseOpenTelemetry(sourceName: source).Build();

        var updates = await chat.GetStreamingResponseAsync("hello").ToListAsync();
        var response = await chat.GetResponseAsync("hello", new ChatOptions
        {
            TopK = 5,
            StopSequences = ["."],
            Temperature = 0.5f,
            AdditionalProperties = new() { ["not_an_input"] = 1, ["top_p"] = "high" },
        });

        Assert.Equal("You said \"hello\"." + Closing, updates.ToChatResponse().Text);
        Assert.Equal("You said \"hello\"." + Closing, response.Text);
        lock (activities)
        {
            // What the tool cannot take is traced on the chat span; what it takes is not.
            Assert.Empty(activities[0].Events);
            Assert.Equal(
                [("not_an_input", "the tool has no input for it"), ("top_p", "the tool's input cannot take the value"),
                 ("TopK", "the tool has no input for it"), ("StopSequences", "the tool has no input for it")],
                activities[1].Events.Where(e => e.Name == WiroChatClient.IgnoredOptionEvent)
                    .Select(e => ((string)e.Tags.Single(t => t.Key == "wiro.option").Value!, (string)e.Tags.Single(t => t.Key == "wiro.reason").Value!)));
            Assert.Equal(2, activities.Count);
            Assert.All(activities, a =>
            {
                Assert.Equal("wiro", a.GetTagItem("gen_ai.provider.name"));
                Assert.Equal("acme/chat", a.GetTagItem("gen_ai.request.model"));
                Assert.Equal("acme/chat", a.GetTagItem("gen_ai.response.model"));
            });
            Assert.Equal(response.ResponseId, activities[1].GetTagItem("gen_ai.response.id"));
        }

        var metadata = chat.GetService<ChatClientMetadata>()!;
        Assert.Equal(("wiro", env.Emulator.BaseAddress, "acme/chat"), (metadata.ProviderName, metadata.ProviderUri, metadata.DefaultModelId));
    }

    /// <summary>The emulator with the LLM tool (its statuses a second each on <paramref name="emulatorClock"/> when given) and a client of it.</summary>
    internal static Task<TestEnvironment> StartAsync(bool webSocket = true, TimeProvider? emulatorClock = null, bool killOnCancel = false)
        => TestEnvironment.StartAsync(
            emulator: options =>
            {
                options.SpecFiles.Add(ChatSpec);
                if (emulatorClock is not null)
                {
                    options.Clock = emulatorClock;
                    options.StatusStepDuration = TimeSpan.FromSeconds(1);
                }
            },
            client: options => options.KillTaskOnCancel = killOnCancel,
            webSocket: webSocket);

    [Fact]
    public void The_generated_descriptor_is_what_the_spec_layer_plans_from_the_page()
    {
        var parsed = SpecParser.Parse(ChatSpec, File.ReadAllText(ChatSpec), CancellationToken.None);
        var (plan, _) = ToolPlanner.Plan(parsed.Spec!, null, [], CancellationToken.None);
        var chat = ChatPlanner.Plan(parsed.Spec!, FunctionPlanner.Plan(parsed.Spec!, plan))!;
        var generated = ChatClient.ChatDescriptor;

        Assert.Equal(
            new ChatPlan("prompt", "session_id", "system_prompt", "user_id", "temperature", "top_p", null, "max_tokens", null, "selectedModel",
                new[] { new InputChoice("686", "microsoft/phi-4"), new InputChoice("720", "internlm/internlm3-8b-instruct") }.ToEquatableArray(),
                "reasoning_effort", "inputImageUrl"),
            chat);
        Assert.Equal(
            (chat.PromptInput, chat.SessionIdInput, chat.SystemPromptInput, chat.UserIdInput, chat.TemperatureInput, chat.TopPInput, chat.TopKInput, chat.MaxOutputTokensInput, chat.SeedInput),
            (generated.PromptInput, generated.SessionIdInput, generated.SystemPromptInput, generated.UserIdInput, generated.TemperatureInput, generated.TopPInput, generated.TopKInput, generated.MaxOutputTokensInput, generated.SeedInput));
        Assert.Equal((chat.ModelInput, chat.ReasoningInput, chat.ImageInput), (generated.ModelInput, generated.ReasoningInput, generated.ImageInput));
        Assert.Equal(chat.ModelChoices.Select(c => KeyValuePair.Create(c.Label, c.Value)), generated.ModelChoices);
        Assert.Same(ChatClient.FunctionDescriptor, generated.Tool);
        Assert.Equal("acme/chat", generated.ModelId);
    }

    private static string SocketToken(TestEnvironment env, List<ChatResponseUpdate> updates)
        => ((WiroTaskResult)updates[^1].RawRepresentation!).Task.SocketAccessToken;

    /// <summary>
    /// Completes when the client's call of the given operation, made under this object's activity, has been
    /// answered (its span stopped). Only spans of this object's trace count, not those of tests running beside it.
    /// </summary>
    private sealed class RunAnswered : IDisposable
    {
        private readonly ActivitySource _source = new("wiro-run-answered-" + Guid.NewGuid().ToString("N"));
        private readonly ActivityListener _listener;
        /// <summary>Null until the listener that lets it be made is added; read by that listener's callback meanwhile.</summary>
        private readonly Activity? _activity;
        private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RunAnswered(string operation)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source == _source || source.Name == WiroTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = stopped =>
                {
                    // Other tests' Wiro spans stop here too, from the moment the listener is added: before this
                    // object's activity exists, none can be its call.
                    if (_activity is { } mine && stopped.TraceId == mine.TraceId && stopped.DisplayName == operation)
                    {
                        _answered.TrySetResult();
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
            _activity = _source.StartActivity("test") ?? throw new InvalidOperationException("The test's activity was not sampled.");
        }

        public Task Answered => _answered.Task;

        public void Dispose()
        {
            _activity?.Dispose();
            _listener.Dispose();
            _source.Dispose();
        }
    }
}

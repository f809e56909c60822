#pragma warning disable MEAI001 // Background responses are experimental before Microsoft.Extensions.AI 11 (stable in the 11.0.0 used here).
using Microsoft.Extensions.AI;

namespace Wiro.Core.Tests;

/// <summary>
/// <see cref="WiroChatClient"/> in front of a server that breaks the LLM answer: an output content that is not
/// <c>{"answer":[strings]}</c> gives the task's <c>debugoutput</c> as the answer, one nested past the parser's depth is
/// <see cref="WiroMalformedResponseException"/>; over the WebSocket, frames that shrink or rewrite the answer add
/// nothing, a final answer that does not continue what was streamed is malformed, and frames about another task never
/// reach the stream. Streaming and <c>GetResponseAsync</c> alike, never a framework exception.
/// </summary>
public sealed class ChatHostileAnswerTests
{
    private const string Log = "Answer from the log.";

    public static TheoryData<string, bool> UnreadableContents
    {
        get
        {
            string[] contents =
            [
                """{"answer":"not an array"}""",
                """{"answer":["a",1,null]}""",
                """{"answer":[{"text":"an object"}]}""",
                """{"thinking":["thoughts, and no answer"]}""",
                """{"answer":["half a pair \ud800"]}""",
                """{"answer":["read"],"answer":5}""",
                """ "{\"answer\":[\"cut off" """,
                """ "{\"answer\":[\"an object in a string\"]}" """,
                """["answer"]""",
                "12",
                """{"answer":""" + new string('[', 40) + new string(']', 40) + "}",
            ];
            var data = new TheoryData<string, bool>();
            foreach (var content in contents)
            {
                data.Add(content, false);
                data.Add(content, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(UnreadableContents))]
    public async Task An_llm_output_that_cannot_be_read_gives_the_answer_from_debugoutput(string content, bool streaming)
    {
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Inline(content)}]", debugOutput: Log));
        using var client = HostileApi.Client(api);

        var response = await ChatAsync(client, streaming);

        Assert.Equal(Log, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_task_that_answers_only_in_its_debugoutput_answers_with_it(bool streaming)
    {
        await using var api = HostileApi.Start(HostileApi.Task(debugOutput: Log));
        using var client = HostileApi.Client(api);

        Assert.Equal(Log, (await ChatAsync(client, streaming)).Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_task_with_no_answer_anywhere_ends_with_an_empty_answer(bool streaming)
    {
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Inline("""{"answer":5}""")}]"));
        using var client = HostileApi.Client(api);

        var response = await ChatAsync(client, streaming);

        Assert.Equal("", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_llm_output_nested_past_the_parsers_depth_is_malformed(bool streaming)
    {
        var nested = """{"answer":""" + new string('[', 5000) + new string(']', 5000) + "}";
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Inline(nested)}]", debugOutput: Log));
        using var client = HostileApi.Client(api);

        await Assert.ThrowsAsync<WiroMalformedResponseException>(() => ChatAsync(client, streaming));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Frames_that_shrink_the_answer_add_nothing_and_the_final_answer_completes_it(bool streaming)
    {
        var (response, texts) = await OverSocketAsync(
            [Answer("1", "Hello wor"), Answer("1", "Hello"), Answer("1", ""), Answer("1", "Hello world")],
            final: "Hello world.",
            streaming);

        Assert.Equal("Hello world.", response.Text);
        Assert.Equal(streaming ? ["Hello wor", "ld", "."] : ["Hello world."], texts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_frame_that_rewrites_the_answer_adds_nothing_when_the_final_answer_continues_the_first(bool streaming)
    {
        var (response, texts) = await OverSocketAsync(
            [Answer("1", "Hello world"), Answer("1", "Goodbye, all of you"), Answer("1", "Hello world and")],
            final: "Hello world and more.",
            streaming);

        Assert.Equal("Hello world and more.", response.Text);
        Assert.Equal(streaming ? ["Hello world", " and", " more."] : ["Hello world and more."], texts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_final_answer_that_rewrites_what_was_streamed_is_malformed(bool streaming)
    {
        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(
            () => OverSocketAsync([Answer("1", "Hello world"), Answer("1", "Goodbye, all of you")], final: "Goodbye, all of you.", streaming));

        Assert.Contains("does not continue", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_debugoutput_that_does_not_continue_the_stream_leaves_the_answer_as_streamed(bool streaming)
    {
        // With no readable LLM content the log stands in for the answer, unconfirmed: it may only complete the stream.
        var (response, texts) = await OverSocketAsync(
            [Answer("1", "Hello"), Answer("1", "Hello world")],
            final: "Something else entirely.",
            streaming,
            content: """{"answer":"not an array"}""");

        Assert.Equal("Hello world", response.Text);
        Assert.Equal(streaming ? ["Hello", " world"] : ["Hello world"], texts);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_text_of_another_task_reaches_the_stream(bool streaming)
    {
        var (response, texts) = await OverSocketAsync(
            [
                Answer("2", "Another user's secret", "tok2"),
                Answer("1", "Hello"),
                Answer("2", "Another user's secret, longer", "tok2"),
                Answer("2", "Hello and another user's secret", HostileApi.Token),
                Answer("1", "Hello and another user's secret", "tok2"),
                Answer(null, "Hello and another user's secret", "tok2"),
                Answer("2", "Hello and another user's secret", null),
                Answer("1", "Hello world"),
            ],
            final: "Hello world.",
            streaming);

        Assert.Equal("Hello world.", response.Text);
        Assert.Equal(streaming ? ["Hello", " world", "."] : ["Hello world."], texts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Frames_whose_llm_message_cannot_be_read_are_passed_over(bool streaming)
    {
        var (response, texts) = await OverSocketAsync(
            [
                Frame("""{"answer":"not an array"}"""),
                Answer("1", "Hello"),
                Frame("""{"answer":["Hello",1]}"""),
                Frame("""{"answer":["Hello \ud800"]}"""),
                Frame("""{"answer":""" + new string('[', 50) + new string(']', 50) + "}"),
                Frame("\"{\\\"answer\\\":[\\\"cut off\""),
                Frame("\"{" + new string('[', 500) + "\""),
                Frame("[\"Hello, and more\"]"),
                Answer("1", "Hello world"),
            ],
            final: "Hello world.",
            streaming);

        Assert.Equal("Hello world.", response.Text);
        Assert.Equal(streaming ? ["Hello", " world", "."] : ["Hello world."], texts);
    }

    [Fact]
    public async Task A_resumed_stream_passes_over_frames_shorter_than_what_was_handed_out_and_gives_only_the_rest()
    {
        // The caller had "Hello" (5 characters of the answer) when the first stream broke off.
        var (response, texts) = await OverSocketAsync(
            [Answer("1", "Hel"), Answer("1", ""), Answer("2", "Another user's secret, long", "tok2"), Answer("1", "Hello wor")],
            final: "Hello world.",
            streaming: true,
            resumeAfter: 5);

        Assert.Equal(" world.", response.Text);
        Assert.Equal([" wor", "ld."], texts);
    }

    [Fact]
    public async Task A_final_answer_shorter_than_what_a_resumed_stream_handed_out_is_malformed()
    {
        var error = await Assert.ThrowsAsync<WiroMalformedResponseException>(
            () => OverSocketAsync([Answer("1", "Hel")], final: "Hel.", streaming: true, resumeAfter: 5));

        Assert.Contains("does not continue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_a_background_token_answered_with_another_task_is_malformed()
    {
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Inline("""{"answer":["Hello"]}""")}]"));
        using var client = HostileApi.Client(api);
        using var chat = client.Chat.AsIChatClient();
        var token = new WiroChatContinuationToken(ChatClient.ChatDescriptor.ModelId, "another-" + HostileApi.TaskId, HostileApi.Token, null, 0, 0);

        await Assert.ThrowsAsync<WiroMalformedResponseException>(
            () => chat.GetResponseAsync([], new ChatOptions { AllowBackgroundResponses = true, ContinuationToken = token }).WaitAsync(DownloadingAdapters.Bound));
    }

    /// <summary>One chat turn, joined from the stream or from <c>GetResponseAsync</c>; bounded.</summary>
    private static async Task<ChatResponse> ChatAsync(WiroClient client, bool streaming)
    {
        using var chat = client.Chat.AsIChatClient();
        return streaming
            ? (await chat.GetStreamingResponseAsync("hello").ToListAsync().AsTask().WaitAsync(DownloadingAdapters.Bound)).ToChatResponse()
            : await chat.GetResponseAsync("hello").WaitAsync(DownloadingAdapters.Bound);
    }

    /// <summary>
    /// One chat turn followed over a socket that sends <paramref name="frames"/>, then the end; Task/Detail answers
    /// <paramref name="final"/>, in an LLM output and the log, or only in the log beside <paramref name="content"/>.
    /// The response, and every text the updates carried, in order.
    /// </summary>
    /// <remarks>With <paramref name="resumeAfter"/>, the stream is a resumed one whose caller had that many characters of the answer.</remarks>
    private static async Task<(ChatResponse Response, List<string> Texts)> OverSocketAsync(
        byte[][] frames, string final, bool streaming, string? content = null, int? resumeAfter = null)
    {
        using var socket = ScriptedSocketServer.Start(() => [.. frames, ScriptedSocketServer.Frame("task_postprocess_end", HostileApi.TaskId, HostileApi.Token)]);
        content ??= $$"""{"prompt":"hello","raw":"","thinking":[],"answer":[{{System.Text.Json.JsonSerializer.Serialize(final)}}]}""";
        await using var api = HostileApi.Start(HostileApi.Task($"[{HostileApi.Inline(content)}]", debugOutput: final));
        using var client = HostileApi.Client(api, options =>
        {
            options.UseWebSocket = true;
            options.WebSocketAddress = socket.Address;
            // Far away: only the frames can end this wait before the bound.
            options.WebSocketIdleTimeout = TimeSpan.FromMinutes(5);
        });
        using var chat = client.Chat.AsIChatClient();

        // The stream's texts as each update carried them; a response's as its message holds them.
        ChatResponse response;
        IEnumerable<AIContent> contents;
        if (streaming)
        {
            var updates = await (resumeAfter is { } had
                    ? chat.GetStreamingResponseAsync([], new ChatOptions
                    {
                        ContinuationToken = new WiroChatContinuationToken(ChatClient.ChatDescriptor.ModelId, HostileApi.TaskId, HostileApi.Token, null, 0, had),
                    })
                    : chat.GetStreamingResponseAsync("hello"))
                .ToListAsync().AsTask().WaitAsync(DownloadingAdapters.Bound);
            response = updates.ToChatResponse();
            contents = updates.SelectMany(u => u.Contents);
        }
        else
        {
            response = await chat.GetResponseAsync("hello").WaitAsync(DownloadingAdapters.Bound);
            contents = response.Messages.SelectMany(m => m.Contents);
        }

        Assert.Equal(frames.Length + 1, await socket.Sent.WaitAsync(DownloadingAdapters.Bound));
        return (response, contents.OfType<TextContent>().Select(t => t.Text).ToList());
    }

    /// <summary>A <c>task_output</c> frame whose LLM message holds <paramref name="answer"/>, naming the task by id and token.</summary>
    private static byte[] Answer(string? id, string answer, string? token = HostileApi.Token)
        => ScriptedSocketServer.Frame("task_output", id, token, $$"""{"thinking":[],"answer":[{{System.Text.Json.JsonSerializer.Serialize(answer)}}]}""");

    /// <summary>A <c>task_output</c> frame of this task with the raw JSON <paramref name="message"/>.</summary>
    private static byte[] Frame(string message) => ScriptedSocketServer.Frame("task_output", HostileApi.TaskId, HostileApi.Token, message);
}

using System.Text.Json;

namespace Wiro.Emulator.Tests;

/// <summary>
/// An LLM or chat tool (by its spec's categories) streams as Wiro's do: cumulative <c>thinking[]</c>/<c>answer[]</c> in
/// each <c>task_output</c>, thinking first, <c>message</c> sometimes a JSON string, and a final raw output whose joined
/// answer is the last one streamed; a conversation is kept per <c>session_id</c>.
/// </summary>
public sealed class LlmStreamingTests
{
    private static readonly string Chat = Path.Combine(AppContext.BaseDirectory, "Specs", "acme-chat.wiro.md");

    private const string Closing = " This answer comes from the Wiro emulator, served in a café.";

    [Fact]
    public async Task Task_output_frames_carry_the_whole_thinking_and_answer_so_far_thinking_first()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Chat]);
        var (taskId, token) = await RunAsync(env, "hello");
        env.Advance(20);

        var (frames, _) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, token);

        var outputs = frames.Where(f => SocketReader.Type(f) == "task_output").Select(f => f.GetProperty("message")).ToList();
        Assert.Contains(outputs, m => m.ValueKind == JsonValueKind.String);
        Assert.Contains(outputs, m => m.ValueKind == JsonValueKind.Object);
        var messages = outputs.Select(Llm).ToList();
        Assert.True(messages.Count >= 10, $"{messages.Count} frames");
        Assert.All(messages, m =>
        {
            Assert.Equal(m.GetProperty("isThinking").GetBoolean() ? "thinking" : "answer", m.GetProperty("type").GetString());
            Assert.Equal("t/s", m.GetProperty("speedType").GetString());
            Assert.EndsWith("s", m.GetProperty("elapsedTime").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(m.GetProperty("speed").GetString()));
            Assert.Equal(m.GetProperty("thinking").GetArrayLength(), m.GetProperty("answer").GetArrayLength());
        });
        // Thinking, answering, thinking again, answering on.
        var phases = messages.Select(m => m.GetProperty("isThinking").GetBoolean()).Aggregate(new List<bool>(), (list, t) =>
        {
            if (list.Count == 0 || list[^1] != t)
            {
                list.Add(t);
            }

            return list;
        });
        Assert.Equal([true, false, true, false], phases);
        Assert.Equal("", Joined(messages[0], "answer"));

        // Cumulative: each thought and answer so far grows; one frame holds half a character, the next completes it.
        var answers = messages.Select(m => Joined(m, "answer")).ToList();
        var thoughts = messages.Select(m => Joined(m, "thinking")).ToList();
        for (var i = 1; i < messages.Count; i++)
        {
            Assert.StartsWith(thoughts[i - 1], thoughts[i], StringComparison.Ordinal);
            Assert.True(answers[i].StartsWith(answers[i - 1], StringComparison.Ordinal) || answers[i - 1].EndsWith('\uFFFD'), $"frame {i}");
        }

        Assert.Single(answers, a => a.EndsWith('\uFFFD'));
        var expected = "You said \"hello\"." + Closing;
        Assert.Equal(expected, answers[^1]);
        Assert.Equal("The user wrote \"hello\". This is the first turn.Is the reply complete?", thoughts[^1]);

        // The final output, on the socket and from Task/Detail: raw content whose joined answer is the last one streamed.
        var ended = frames[^1];
        Assert.Equal("task_postprocess_end", SocketReader.Type(ended));
        var fromSocket = Assert.Single(ended.GetProperty("message").EnumerateArray().ToList());
        var fromDetail = Assert.Single((await env.Api.DetailAsync(taskId)).GetProperty("outputs").EnumerateArray().ToList());
        foreach (var output in new[] { fromSocket, fromDetail })
        {
            Assert.Equal("raw", output.GetProperty("contenttype").GetString());
            var content = output.GetProperty("content");
            Assert.Equal("hello", content.GetProperty("prompt").GetString());
            Assert.Equal(expected, Joined(content, "answer"));
            Assert.Equal(thoughts[^1], Joined(content, "thinking"));
            Assert.Equal(messages[^1].GetProperty("raw").GetString(), content.GetProperty("raw").GetString());
        }
    }

    [Fact]
    public async Task A_second_run_with_the_same_session_id_knows_the_first_and_another_session_does_not()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Chat]);
        var (first, _) = await RunAsync(env, "hello", "s-1");
        var (second, _) = await RunAsync(env, "and again", "s-1");
        var (other, _) = await RunAsync(env, "elsewhere", "s-2");
        var (alone, _) = await RunAsync(env, "no session");
        env.Advance(20);

        Assert.Equal("You said \"hello\"." + Closing, await AnswerAsync(env, first));
        Assert.Equal("You said \"and again\" (turn 2); before that you said \"hello\"." + Closing, await AnswerAsync(env, second));
        Assert.Equal("You said \"elsewhere\"." + Closing, await AnswerAsync(env, other));
        Assert.Equal("You said \"no session\"." + Closing, await AnswerAsync(env, alone));
    }

    [Fact]
    public async Task A_failing_llm_task_streams_then_ends_with_no_output()
    {
        await using var env = await Emulated.StartAsync(o => o.SpecFiles = [Chat]);
        env.Emulator.EnqueueOutcome(WiroTaskOutcome.Failure("1", "CUDA out of memory"));
        var (taskId, token) = await RunAsync(env, "hello");
        env.Advance(20);

        var (frames, _) = await SocketReader.ReadAllAsync(env.Emulator.WebSocketAddress, token);

        Assert.Contains(frames, f => SocketReader.Type(f) == "task_output");
        Assert.Contains(frames, f => SocketReader.Type(f) == "task_error" && f.GetProperty("message").GetString() == "CUDA out of memory");
        Assert.Empty(frames[^1].GetProperty("message").EnumerateArray());
        Assert.Empty((await env.Api.DetailAsync(taskId)).GetProperty("outputs").EnumerateArray());
    }

    private static async Task<(string TaskId, string Token)> RunAsync(Emulated env, string prompt, string session = "")
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["prompt"] = prompt, ["system_prompt"] = "", ["temperature"] = "", ["top_p"] = "", ["max_tokens"] = "", ["selectedModel"] = "686", ["reasoning_effort"] = "low", ["inputImageUrl"] = "", ["session_id"] = session, ["user_id"] = "",
        });
        var run = await env.Api.PostJsonAsync("Run/acme/chat", body);
        Assert.Equal(200, run.Status);
        return (run.Root.GetProperty("taskid").GetString()!, run.Root.GetProperty("socketaccesstoken").GetString()!);
    }

    private static async Task<string> AnswerAsync(Emulated env, string taskId)
        => Joined(Assert.Single((await env.Api.DetailAsync(taskId)).GetProperty("outputs").EnumerateArray().ToList()).GetProperty("content"), "answer");

    /// <summary>The LLM object of a message, parsed again when it came as a JSON string.</summary>
    private static JsonElement Llm(JsonElement message)
        => message.ValueKind == JsonValueKind.String ? JsonDocument.Parse(message.GetString()!).RootElement.Clone() : message;

    private static string Joined(JsonElement llm, string name) => string.Concat(llm.GetProperty(name).EnumerateArray().Select(e => e.GetString()));
}

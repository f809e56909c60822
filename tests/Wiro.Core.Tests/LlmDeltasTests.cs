using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Wiro.Core.Tests;

/// <summary>How cumulative LLM frames become deltas whose join is exactly the final answer, whatever the frames do.</summary>
public sealed class LlmDeltasTests
{
    [Fact]
    public void A_frame_that_does_not_extend_what_was_yielded_yields_nothing_and_the_final_answer_completes_the_text()
    {
        var deltas = new LlmDeltas();
        string[] frames =
        [
            """{"thinking":["Hm"],"answer":[""]}""",
            """{"thinking":["Hmm, "],"answer":["Hello "]}""",            // trailing space held back
            """{"thinking":["Hmm, ok"],"answer":["Help"]}""",             // rewritten: does not extend "Hello"
            """{"thinking":["Hmm, ok"],"answer":["Hello wor"]}""",
            "\"{\\\"answer\\\":[\\\"Hello world\\\",\\\" caf\\uFFFD\\\"]}\"",  // a JSON string holding the object; half a character
            "\"Loading weights\"",                                          // a log line
            """{"type":"progressGenerate","percentage":"10"}""",
        ];
        var yielded = new List<AIContent>();
        foreach (var frame in frames)
        {
            using var document = JsonDocument.Parse(frame);
            yielded.AddRange(deltas.Read(document.RootElement) ?? []);
        }

        yielded.AddRange(deltas.Finish("Hmm, ok", "Hello world café"));

        Assert.Equal("Hello world café", string.Concat(yielded.OfType<TextContent>().Select(t => t.Text)));
        Assert.Equal("Hmm, ok", string.Concat(yielded.OfType<TextReasoningContent>().Select(t => t.Text)));
        Assert.Equal(["Hello", " wor", "ld caf", "é"], yielded.OfType<TextContent>().Select(t => t.Text));
    }

    [Fact]
    public void A_final_answer_that_does_not_continue_the_streamed_one_is_malformed()
    {
        var deltas = new LlmDeltas();
        using var document = JsonDocument.Parse("""{"answer":["Hello world"]}""");
        Assert.NotNull(deltas.Read(document.RootElement));

        Assert.Empty(deltas.Finish("", "Goodbye", confirmed: false));   // a debugoutput fallback leaves the streamed answer
        Assert.Throws<WiroMalformedResponseException>(() => deltas.Finish("", "Goodbye"));
    }

    [Fact]
    public void The_final_content_is_read_joined_and_anything_else_is_not_an_llm_answer()
    {
        Assert.True(LlmDeltas.TryReadFinal("""{"prompt":"p","raw":"r","thinking":["a","b"],"answer":["c","d"]}""", out var thinking, out var answer));
        Assert.Equal(("ab", "cd"), (thinking, answer));
        Assert.False(LlmDeltas.TryReadFinal("""{"prompt":"p"}""", out _, out _));
        Assert.False(LlmDeltas.TryReadFinal("not json", out _, out _));
        Assert.False(LlmDeltas.TryReadFinal("""{"answer":[1]}""", out _, out _));
    }
}

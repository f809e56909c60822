using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
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
    public void Deltas_after_what_a_caller_has_start_there_whatever_those_characters_say()
    {
        // A resumed stream: the caller had 4 characters of thinking and 5 of the answer.
        var deltas = LlmDeltas.After(thinking: 4, answer: 5);
        string[] frames =
        [
            """{"thinking":["Hm"],"answer":["Hel"]}""",                      // shorter than what the caller has: nothing
            """{"thinking":["Hmm, ok"],"answer":["Hello wor"]}""",
            """{"thinking":["Hmm, ok"],"answer":["Hello world "]}""",        // trailing space held back
        ];
        var yielded = new List<AIContent>();
        var counts = new List<(int, int)>();
        foreach (var frame in frames)
        {
            using var document = JsonDocument.Parse(frame);
            yielded.AddRange(deltas.Read(document.RootElement) ?? []);
            counts.Add((deltas.ThinkingLength, deltas.AnswerLength));
        }

        yielded.AddRange(deltas.Finish("Hmm, ok.", "Hello world!"));

        Assert.Equal([(4, 5), (7, 9), (7, 11)], counts);
        Assert.Equal([" ok", "."], yielded.OfType<TextReasoningContent>().Select(t => t.Text));
        Assert.Equal([" wor", "ld", "!"], yielded.OfType<TextContent>().Select(t => t.Text));
    }

    [Fact]
    public void A_final_answer_shorter_than_what_a_resumed_caller_has_is_malformed_and_no_frame_is_needed_to_finish()
    {
        Assert.Throws<WiroMalformedResponseException>(() => LlmDeltas.After(0, 5).Finish("", "Hell"));
        Assert.Empty(LlmDeltas.After(0, 5).Finish("", "Hell", confirmed: false));
        var rest = LlmDeltas.After(2, 5).Finish("Hmm", "Hello world");
        Assert.Equal(["m", " world"], rest.Select(c => c switch { TextContent t => t.Text, TextReasoningContent r => r.Text, _ => "?" }));
    }

    [Fact]
    public void The_final_content_is_read_joined_and_anything_else_is_not_an_llm_answer()
    {
        Assert.True(LlmDeltas.TryReadFinal("""{"prompt":"p","raw":"r","thinking":["a","b"],"answer":["c","d"]}""", knownAnswer: null, out var thinking, out var answer));
        Assert.Equal(("ab", "cd"), (thinking, answer));
        Assert.False(LlmDeltas.TryReadFinal("""{"prompt":"p"}""", knownAnswer: null, out _, out _));
        Assert.False(LlmDeltas.TryReadFinal("not json", knownAnswer: null, out _, out _));
        Assert.False(LlmDeltas.TryReadFinal("""{"answer":[1]}""", knownAnswer: null, out _, out _));
    }

    [Theory]
    [InlineData("""{"answer":["Say \"hi\" \u00e9t\u00e9"]}""", "Say \"hi\" été", true)]
    [InlineData("""{"answer":["Say hi"]}""", "Say hi!", false)]
    [InlineData("""{"answer":["Say ","hi"]}""", "Say hi", false)]
    [InlineData("""{"answer":["Say hi"],"answer":["Bye"]}""", "Say hi", false)]
    public void An_answer_equal_to_the_known_text_is_that_text_and_any_other_is_read_as_sent(string content, string known, bool same)
    {
        // A copy of the known text, so that "the same instance" can only come from the reuse.
        var debugOutput = new string(known.AsSpan());
        Assert.True(LlmDeltas.TryReadFinal(content, debugOutput, out _, out var answer));
        Assert.Equal(same, ReferenceEquals(debugOutput, answer));
        using var document = JsonDocument.Parse(content);
        var last = document.RootElement.EnumerateObject().Last(property => property.Name == "answer").Value;
        Assert.Equal(string.Concat(last.EnumerateArray().Select(text => text.GetString())), answer);
    }

    [Fact]
    public void Frames_compared_as_json_bytes_give_the_deltas_of_frames_read_as_text_whatever_the_escaping()
    {
        // The same text written with its non-ASCII characters as UTF-8, then as \u escapes, then as UTF-8 again; line
        // breaks and quotes escaped; a surrogate pair; the second frame cut right after an escape.
        string[] frames =
        [
            """{"answer":["Un café \"noir\"\n"]}""",
            """{"answer":["Un caf\u00e9 \"noir\"\net un th\u00e9"]}""",
            """{"answer":["Un café \"noir\"\net un thé 😀 ", "fin"]}""",
            """{"answer":["Un café \"noir\"\net un thé 😀 fin\t"]}""",
        ];

        var byJson = Deltas(new LlmDeltas(), frames, "Un café \"noir\"\net un thé 😀 fin.");
        var byText = Deltas(new LlmDeltas(compareJson: false), frames, "Un café \"noir\"\net un thé 😀 fin.");

        Assert.Equal(["Un café \"noir\"", "\net un thé", " 😀 fin", "."], byJson);
        Assert.Equal(byText, byJson);
    }

    [Fact]
    public void Any_stream_of_cumulative_frames_gives_the_same_deltas_compared_as_json_bytes_as_read_as_text()
    {
        // Units of every UTF-8 width, the characters JSON escapes, whitespace held back, U+FFFD, a surrogate pair and
        // half of one; each frame cuts the text anywhere, splits it into one to three strings, picks an escaping (UTF-8 or,
        // one time in ten, \u escapes for non-ASCII), and now and then rewrites it or comes as a JSON string holding the object.
        var unit = Gen.OneOf("a", "Z", " ", "\n", "\t", "\"", "\\", "/", "\u0001", "\u00E9", "\u20AC", "\uFFFD", "\uD83D\uDE00", "\uD83D");
        var frame = Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, 9], Gen.Int[0, 9]);
        var streams = Gen.Select(unit.Array[0, 40], frame.Array[1, 12], (units, frames) => (Text: string.Concat(units), Frames: frames));

        streams.Sample(stream =>
        {
            var text = stream.Text;
            var cut = 0;
            var frames = new List<string>();
            foreach (var (step, split, split2, escaping, shape) in stream.Frames)
            {
                cut = Math.Min(text.Length, cut + (step % 8));
                var shown = shape == 0 ? "rewritten " + text[..cut] : text[..cut];
                var a = Math.Min(split % (shown.Length + 1), shown.Length);
                var b = a + Math.Min(split2 % (shown.Length - a + 1), shown.Length - a);
                var parts = (split & 3) switch
                {
                    0 => new[] { shown },
                    1 => new[] { shown[..a], shown[a..] },
                    _ => new[] { shown[..a], shown[a..b], shown[b..] },
                };
                var style = escaping == 9 ? 1 : 0;   // one frame in ten escapes its non-ASCII characters
                var json = "{\"thinking\":[" + Json("Hm " + text[..Math.Min(cut, 3)], style) + "],\"answer\":[" + string.Join(",", parts.Select(p => Json(p, style))) + "]}";
                frames.Add(shape == 1 ? Json(json, 0) : json);
            }

            var byJson = Deltas(new LlmDeltas(), frames, text, reasoningToo: true);
            var byText = Deltas(new LlmDeltas(compareJson: false), frames, text, reasoningToo: true);
            Assert.Equal(byText, byJson);

            // Resumed after part of the answer (a length taken from the stream itself), the two readings agree too.
            var handedOut = stream.Frames[0].Item1 % (text.Length + 1);
            Assert.Equal(
                Deltas(LlmDeltas.After(0, handedOut, compareJson: false), frames, text, reasoningToo: true),
                Deltas(LlmDeltas.After(0, handedOut), frames, text, reasoningToo: true));
        }, iter: 3_000, print: stream => JsonSerializer.Serialize(stream.Text) + " " + string.Join(" ", stream.Frames));
    }

    [Fact]
    public void A_stream_cut_anywhere_and_resumed_after_what_was_handed_out_joins_to_the_final_texts()
    {
        // Cumulative frames of a thinking and an answer (any units, split into strings, either escaping), cut after any
        // frame; the rest read by deltas that start after the characters handed out before the cut, as a resumed stream.
        var unit = Gen.OneOf("a", " ", "\n", "\"", "\u00E9", "\uFFFD", "\uD83D\uDE00", "\uD83D");
        var frame = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], Gen.Int[0, 1 << 20], Gen.Int[0, 9]);
        var streams = Gen.Select(unit.Array[0, 30], unit.Array[0, 30], frame.Array[1, 10], Gen.Int[0, 10]);

        streams.Sample((thoughtUnits, answerUnits, steps, cutAt) =>
        {
            var (thought, answer) = (string.Concat(thoughtUnits), string.Concat(answerUnits));
            var (t, a) = (0, 0);
            var frames = new List<string>();
            foreach (var (thoughtStep, answerStep, split, escaping) in steps)
            {
                (t, a) = (Math.Min(thought.Length, t + thoughtStep), Math.Min(answer.Length, a + answerStep));
                var at = split % (a + 1);
                var style = escaping == 9 ? 1 : 0;
                frames.Add("{\"thinking\":[" + Json(thought[..t], style) + "],\"answer\":[" + Json(answer[..a][..at], style) + "," + Json(answer[..a][at..], style) + "]}");
            }

            var cut = Math.Min(cutAt, frames.Count);
            var before = new LlmDeltas();
            var handedOut = Read(before, frames.Take(cut));
            var after = LlmDeltas.After(before.ThinkingLength, before.AnswerLength);
            var rest = Read(after, frames.Skip(cut));
            rest.AddRange(after.Finish(thought, answer));

            var joined = handedOut.Concat(rest).ToList();
            Assert.Equal(answer, string.Concat(joined.OfType<TextContent>().Select(c => c.Text)));
            Assert.Equal(thought, string.Concat(joined.OfType<TextReasoningContent>().Select(c => c.Text)));
        }, iter: 3_000);

        static List<AIContent> Read(LlmDeltas deltas, IEnumerable<string> frames)
        {
            var contents = new List<AIContent>();
            foreach (var frame in frames)
            {
                using var document = JsonDocument.Parse(frame);
                contents.AddRange(deltas.Read(document.RootElement) ?? []);
            }

            return contents;
        }
    }

    [Fact]
    public void A_long_answer_compared_as_json_bytes_allocates_its_deltas_not_a_string_of_the_whole_answer_per_frame()
    {
        // 400 frames of a 20,000-character answer: read as text, every frame makes a string of the answer so far
        // (about 8 MB in all); compared as JSON bytes, only the new characters are decoded.
        var answer = string.Concat(Enumerable.Range(0, 2_500).Select(i => i % 7 == 6 ? "café \"x\"\n" : "word word "))[..20_000];
        var frames = Enumerable.Range(1, 400).Select(k => "{\"answer\":[" + Json(answer[..(k * 50)], 0) + "]}").ToList();
        var documents = frames.Select(frame => JsonDocument.Parse(frame)).ToList();
        try
        {
            long Allocated(LlmDeltas deltas)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var length = 0;
                foreach (var document in documents)
                {
                    length += deltas.Read(document.RootElement)?.OfType<TextContent>().Sum(t => t.Text.Length) ?? 0;
                }

                Assert.Equal(answer.TrimEnd().Length, length);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Allocated(new LlmDeltas());   // JIT and first-call allocations out of the way
            var byText = Allocated(new LlmDeltas(compareJson: false));
            var byJson = Allocated(new LlmDeltas());
            Assert.True(byText > 8_000_000, $"read as text: {byText:N0} bytes");
            Assert.True(byJson < byText / 10, $"compared as JSON bytes: {byJson:N0} bytes, read as text: {byText:N0}");
        }
        finally
        {
            documents.ForEach(document => document.Dispose());
        }
    }

    /// <summary>The texts the frames yield (reasoning prefixed with "~" when asked), then what the final answer adds (none when null).</summary>
    private static List<string> Deltas(LlmDeltas deltas, IEnumerable<string> frames, string? final, bool reasoningToo = false)
    {
        var yielded = new List<string>();
        void Add(IEnumerable<AIContent>? contents)
        {
            foreach (var content in contents ?? [])
            {
                if (content is TextContent text)
                {
                    yielded.Add(text.Text);
                }
                else if (reasoningToo && content is TextReasoningContent thought)
                {
                    yielded.Add("~" + thought.Text);
                }
            }
        }

        foreach (var frame in frames)
        {
            using var document = JsonDocument.Parse(frame);
            Add(deltas.Read(document.RootElement));
        }

        if (final is not null)
        {
            try
            {
                Add(deltas.Finish("", final));
            }
            catch (WiroMalformedResponseException)
            {
                yielded.Add("(malformed)");
            }
        }

        return yielded;
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped; other non-ASCII characters as UTF-8 (<paramref name="escaping"/> 0) or \u escapes (1); a lone surrogate always escaped.</summary>
    private static string Json(string text, int escaping)
    {
        var json = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (c == '"' || c == '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c == '\n')
            {
                json.Append("\\n");
            }
            else if (c < 0x20 || (c >= 0x80 && escaping == 1) || (char.IsSurrogate(c) && !pair && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))))
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }
}

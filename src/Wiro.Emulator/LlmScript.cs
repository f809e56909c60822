using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Wiro.Emulator;

/// <summary>
/// What an emulated LLM or chat tool says to one prompt, and how it streams it, as Wiro's LLM tools do: each
/// <c>task_output</c> message carries the WHOLE <c>thinking[]</c> and <c>answer[]</c> so far (a client replaces, it
/// does not append), with <c>type</c>, <c>isThinking</c>, <c>raw</c>, <c>speed</c>, <c>speedType</c> and
/// <c>elapsedTime</c>. The model thinks, answers, thinks again and answers on (<c>thinking[i]</c> pairs with
/// <c>answer[i]</c>); one frame shows a character cut in half (U+FFFD), which the next frame completes, as a streaming
/// decoder does. Every third message is sent as a JSON string holding the object, as Wiro sometimes does. The texts
/// are fixed by the prompt and the session's earlier turns, so tests can compare them.
/// </summary>
internal sealed class LlmScript
{
    /// <summary>The answer's second part, streamed after the model thinks again; its last word is cut in half once.</summary>
    internal const string Closing = " This answer comes from the Wiro emulator, served in a café.";

    internal const string SecondThought = "Is the reply complete?";

    private const string CutWord = "café.";

    private LlmScript(string prompt, string[] thinking, string[] answer, List<(byte[] Json, bool AsString)> messages)
    {
        Prompt = prompt;
        Thinking = thinking;
        Answer = answer;
        Messages = messages;
    }

    public string Prompt { get; }

    /// <summary>The final <c>thinking[]</c>.</summary>
    public IReadOnlyList<string> Thinking { get; }

    /// <summary>The final <c>answer[]</c>; joined, the answer a client shows.</summary>
    public IReadOnlyList<string> Answer { get; }

    /// <summary>The <c>task_output</c> messages in order: the object's JSON, and whether it goes as a JSON string.</summary>
    public IReadOnlyList<(byte[] Json, bool AsString)> Messages { get; }

    /// <summary>The final output: <c>{"prompt","raw","thinking":[],"answer":[]}</c>, inline.</summary>
    public WiroOutputFile Output => WiroOutputFile.LlmAnswer(Prompt, Raw(Thinking, Answer), Thinking, Answer);

    /// <summary>
    /// The script for <paramref name="prompt"/> as turn <paramref name="turn"/> (1 for a new session) of a session whose
    /// previous prompt was <paramref name="previousPrompt"/>.
    /// </summary>
    public static LlmScript For(string prompt, int turn, string? previousPrompt)
    {
        var firstThought = turn <= 1 || previousPrompt is null
            ? $"The user wrote \"{prompt}\". This is the first turn."
            : $"The user wrote \"{prompt}\". This is turn {turn.ToString(CultureInfo.InvariantCulture)}; before it they wrote \"{previousPrompt}\".";
        var firstAnswer = turn <= 1 || previousPrompt is null
            ? $"You said \"{prompt}\"."
            : $"You said \"{prompt}\" (turn {turn.ToString(CultureInfo.InvariantCulture)}); before that you said \"{previousPrompt}\".";
        string[] thinking = [firstThought, SecondThought];
        string[] answer = [firstAnswer, Closing];

        // Cumulative states: segment 0 thinks then answers, segment 1 thinks then answers.
        var states = new List<(string[] Thinking, string[] Answer, bool IsThinking)>();
        foreach (var part in Growing(firstThought))
        {
            states.Add(([part], [""], true));
        }

        foreach (var part in Growing(firstAnswer))
        {
            states.Add(([firstThought], [part], false));
        }

        foreach (var part in Growing(SecondThought))
        {
            states.Add(([firstThought, part], [firstAnswer, ""], true));
        }

        foreach (var part in Growing(Closing))
        {
            if (part.EndsWith(CutWord, StringComparison.Ordinal))
            {
                // The decoder has only the first byte of "é" yet.
                states.Add(([firstThought, SecondThought], [firstAnswer, part[..^2] + "\uFFFD"], false));
            }

            states.Add(([firstThought, SecondThought], [firstAnswer, part], false));
        }

        var messages = new List<(byte[] Json, bool AsString)>(states.Count);
        for (var i = 0; i < states.Count; i++)
        {
            var (t, a, isThinking) = states[i];
            var index = i;
            messages.Add((WiroJson.Write(w =>
            {
                w.WriteString("type", isThinking ? "thinking" : "answer");
                WriteArray(w, "thinking", t);
                WriteArray(w, "answer", a);
                w.WriteString("raw", Raw(t, a));
                w.WriteBoolean("isThinking", isThinking);
                w.WriteString("speed", (12 + (index % 5)).ToString(CultureInfo.InvariantCulture) + ".5");
                w.WriteString("speedType", "t/s");
                w.WriteString("elapsedTime", (1 + (index / 4)).ToString(CultureInfo.InvariantCulture) + "s");
            }), i % 3 == 2));
        }

        return new LlmScript(prompt, thinking, answer, messages);
    }

    /// <summary>Thinking and answer merged, each thought in <c>&lt;think&gt;</c> tags, as Wiro's <c>raw</c>.</summary>
    public static string Raw(IReadOnlyList<string> thinking, IReadOnlyList<string> answer)
    {
        var raw = new StringBuilder();
        for (var i = 0; i < Math.Max(thinking.Count, answer.Count); i++)
        {
            if (i < thinking.Count && thinking[i].Length > 0)
            {
                raw.Append("<think>").Append(thinking[i]).Append("</think>");
            }

            if (i < answer.Count)
            {
                raw.Append(answer[i]);
            }
        }

        return raw.ToString();
    }

    public static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>The text as it grows, three words at a time; the last is the whole text.</summary>
    private static IEnumerable<string> Growing(string text)
    {
        var words = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && ++words % 3 == 0)
            {
                yield return text[..i];
            }
        }

        yield return text;
    }
}

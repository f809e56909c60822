#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

/// <summary>
/// Turns an LLM task's cumulative frames into deltas. Wiro sends the WHOLE <c>thinking[]</c> and <c>answer[]</c> so far
/// in every <c>task_output</c> (its <c>message</c> an object, or a JSON string holding one); each frame's joined text is
/// compared with what was already yielded, and only what extends it is yielded (reasoning as
/// <see cref="TextReasoningContent"/>, the answer as <see cref="TextContent"/>), so a frame costs time in its own size.
/// A text's trailing whitespace, U+FFFD and unpaired high surrogate are held back until more text follows them (a
/// streaming decoder's half character, or spaces the final answer trims), and a frame whose text does not extend
/// what was yielded yields nothing. The final answer (from Task/Detail) then yields the rest, so the deltas joined are
/// exactly the final answer; a final answer that does not extend what was yielded is a
/// <see cref="WiroMalformedResponseException"/>.
/// </summary>
internal sealed class LlmDeltas
{
    private readonly Yielded _thinking = new();
    private readonly Yielded _answer = new();

    /// <summary>The last frame's <c>speed</c> with its <c>speedType</c> (<c>12.5 t/s</c>); null before one arrived.</summary>
    public string? Speed { get; private set; }

    /// <summary>The last frame's <c>elapsedTime</c> (<c>3s</c>); null before one arrived.</summary>
    public string? ElapsedTime { get; private set; }

    /// <summary>The contents one <c>task_output</c> message adds; null when it adds none or is not an LLM frame.</summary>
    public List<AIContent>? Read(JsonElement message)
    {
        if (message.ValueKind == JsonValueKind.Object)
        {
            return ReadObject(message);
        }

        if (message.ValueKind != JsonValueKind.String || LenientString(message) is not { } text || !LooksLikeObject(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? ReadObject(document.RootElement) : null;
        }
        catch (JsonException)
        {
            // A log line that happens to start with '{': not an LLM frame.
            return null;
        }
    }

    /// <summary>
    /// The contents the final thinking and answer add to what was yielded. With <paramref name="confirmed"/> (the
    /// answer read from the task's LLM output) the answer must extend what was yielded, else
    /// <see cref="WiroMalformedResponseException"/>; without (a fallback such as <c>debugoutput</c>) an answer that does
    /// not is left as yielded. Thinking that does not extend what was yielded is left as yielded.
    /// </summary>
    public List<AIContent> Finish(string thinking, string answer, bool confirmed = true)
    {
        var contents = new List<AIContent>(2);
        if (_thinking.Rest(thinking) is { } thought)
        {
            contents.Add(new TextReasoningContent(thought));
        }

        if (!_answer.IsPrefixOf(answer))
        {
            if (!confirmed)
            {
                return contents;
            }

            throw new WiroMalformedResponseException(
                "Wiro's final answer does not continue the answer it streamed, so the streamed text cannot be completed to it.", null, null);
        }

        if (_answer.Rest(answer) is { } text)
        {
            contents.Add(new TextContent(text));
        }

        return contents;
    }

    /// <summary>
    /// The final thinking and answer of an LLM task's output content (<c>{"prompt","raw","thinking":[],"answer":[]}</c>),
    /// each array joined; false when <paramref name="contentJson"/> is not such an object.
    /// </summary>
    public static bool TryReadFinal(string? contentJson, out string thinking, out string answer)
    {
        thinking = "";
        answer = "";
        if (contentJson is null || !LooksLikeObject(contentJson))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(contentJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Joined(root, "answer") is not { } joined)
            {
                return false;
            }

            answer = joined;
            thinking = Joined(root, "thinking") ?? "";
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private List<AIContent>? ReadObject(JsonElement llm)
    {
        var thinking = Joined(llm, "thinking");
        var answer = Joined(llm, "answer");
        if (thinking is null && answer is null)
        {
            return null;
        }

        if (LenientJson.Text(llm, "speed") is { } speed)
        {
            Speed = LenientJson.Text(llm, "speedType") is { } unit ? speed + " " + unit : speed;
        }

        ElapsedTime = LenientJson.Text(llm, "elapsedTime") ?? ElapsedTime;
        List<AIContent>? contents = null;
        if (thinking is not null && _thinking.Extend(thinking) is { } thought)
        {
            (contents ??= new List<AIContent>(2)).Add(new TextReasoningContent(thought));
        }

        if (answer is not null && _answer.Extend(answer) is { } text)
        {
            (contents ??= new List<AIContent>(1)).Add(new TextContent(text));
        }

        return contents;
    }

    /// <summary>A character the next frame may still change or the final answer drop: whitespace, U+FFFD, half a surrogate pair.</summary>
    internal static bool IsUnsettled(char c) => char.IsWhiteSpace(c) || c == '\uFFFD' || char.IsHighSurrogate(c);

    /// <summary>The array's strings joined; null when it is absent, not an array, or holds anything but valid text.</summary>
    private static string? Joined(JsonElement llm, string name)
    {
        if (!LenientJson.TryGet(llm, name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var length = array.GetArrayLength();
        if (length == 1)
        {
            return array[0].ValueKind == JsonValueKind.String ? LenientString(array[0]) : null;
        }

        var joined = new StringBuilder();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || LenientString(item) is not { } text)
            {
                return null;
            }

            joined.Append(text);
        }

        return joined.ToString();
    }

    private static string? LenientString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool LooksLikeObject(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i] == '{';
            }
        }

        return false;
    }

    /// <summary>
    /// The text yielded so far, kept as the first <c>Length</c> characters of the last text it came from, so a frame
    /// costs a comparison and its delta, not a copy of the whole text.
    /// </summary>
    private sealed class Yielded
    {
        private string _text = "";
        private int _length;

        /// <summary>What <paramref name="current"/> adds, holding back its unsettled end; null when it adds nothing or does not extend the text yielded.</summary>
        public string? Extend(string current)
        {
            var settled = current.Length;
            while (settled > 0 && IsUnsettled(current[settled - 1]))
            {
                settled--;
            }

            if (settled <= _length || !IsPrefixOf(current))
            {
                return null;
            }

            var delta = current.Substring(_length, settled - _length);
            _text = current;
            _length = settled;
            return delta;
        }

        /// <summary>All of <paramref name="final"/> past the text yielded, when it extends it; null otherwise.</summary>
        public string? Rest(string final)
        {
            if (final.Length <= _length || !IsPrefixOf(final))
            {
                return null;
            }

            var rest = final.Substring(_length);
            _text = final;
            _length = final.Length;
            return rest;
        }

        public bool IsPrefixOf(string text) => text.Length >= _length && string.CompareOrdinal(text, 0, _text, 0, _length) == 0;
    }
}

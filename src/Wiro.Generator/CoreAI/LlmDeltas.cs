#nullable enable
namespace Wiro;

using System;
using System.Buffers;
using System.Collections.Generic;
#if NET9_0_OR_GREATER
using System.Runtime.InteropServices;
#endif
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
/// <para>A long answer makes every frame long (a 100,000-character answer over 2,000 frames is 200 MB of JSON). On .NET 9
/// and later a frame's text is not read whole: the JSON bytes of its strings (<c>JsonMarshal.GetRawUtf8Value</c>) are
/// compared with those of the text yielded, and only the bytes past them are decoded, so a frame costs its parse, a
/// byte comparison and its delta, not a string of the whole answer. A frame whose bytes differ (another escaping of
/// the same text, or a rewrite) is read as text, as on .NET 8.</para>
/// </summary>
internal sealed class LlmDeltas
{
    private readonly Yielded _thinking;
    private readonly Yielded _answer;

    /// <param name="compareJson">
    /// Whether frames are compared as JSON bytes where the runtime allows it (.NET 9 and later); false reads every frame
    /// as text (the tests compare the two).
    /// </param>
    public LlmDeltas(bool compareJson = true)
        : this(compareJson, 0, 0)
    {
    }

    private LlmDeltas(bool compareJson, int thinkingHandedOut, int answerHandedOut)
    {
        _thinking = new Yielded(compareJson, thinkingHandedOut);
        _answer = new Yielded(compareJson, answerHandedOut);
    }

    /// <summary>
    /// Deltas that start after what a caller already has (a resumed stream): the first <paramref name="thinking"/>
    /// characters of the thinking and <paramref name="answer"/> of the answer count as yielded, whatever they say, and
    /// a text shorter than that adds nothing.
    /// </summary>
    /// <param name="thinking">The characters of the thinking the caller has.</param>
    /// <param name="answer">The characters of the answer the caller has.</param>
    /// <param name="compareJson">As for the constructor (the tests compare the two).</param>
    public static LlmDeltas After(int thinking, int answer, bool compareJson = true) => new(compareJson, thinking, answer);

    /// <summary>How many characters of the thinking were yielded (or handed out before, see <see cref="After"/>).</summary>
    public int ThinkingLength => _thinking.Length;

    /// <summary>How many characters of the answer were yielded (or handed out before, see <see cref="After"/>).</summary>
    public int AnswerLength => _answer.Length;

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
    /// The contents the final thinking and answer add to what was yielded (the last call: the deltas end here). With <paramref name="confirmed"/> (the
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

    /// <summary>The contents of a final thinking and answer when no frame was read: what <see cref="Finish"/> gives on a new instance.</summary>
    public static List<AIContent> Whole(string thinking, string answer)
    {
        var contents = new List<AIContent>(2);
        if (thinking.Length > 0)
        {
            contents.Add(new TextReasoningContent(thinking));
        }

        if (answer.Length > 0)
        {
            contents.Add(new TextContent(answer));
        }

        return contents;
    }

    /// <summary>
    /// The final thinking and answer of an LLM task's output content (<c>{"prompt","raw","thinking":[],"answer":[]}</c>),
    /// each array joined; false when <paramref name="contentJson"/> is not such an object. An answer equal to
    /// <paramref name="knownAnswer"/> (the task's <c>debugoutput</c>, where Wiro puts the merged answer) is returned as
    /// that string, so a long answer is not held twice.
    /// </summary>
    public static bool TryReadFinal(string? contentJson, string? knownAnswer, out string thinking, out string answer)
    {
        thinking = "";
        answer = "";
        if (contentJson is null || !LooksLikeObject(contentJson))
        {
            return false;
        }

        // Read once with a reader over the UTF-8 (no document): an LLM answer is read on every chat call.
        // A rented buffer, not a stack one: stack memory is zeroed first, which cost more than the rent.
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(contentJson.Length));
        try
        {
            var reader = new Utf8JsonReader(rented.AsSpan(0, StrictUtf8.GetBytes(contentJson.AsSpan(), rented)));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            // As JsonElement.TryGetProperty does, the last of two properties of the same name counts.
            string? thought = null;
            string? said = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAnswer = reader.ValueTextEquals("answer"u8);
                var isThinking = !isAnswer && reader.ValueTextEquals("thinking"u8);
                reader.Read();
                if (isAnswer)
                {
                    said = JoinedArray(ref reader, knownAnswer);
                }
                else if (isThinking)
                {
                    thought = JoinedArray(ref reader, known: null);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.Read() || said is null)
            {
                return false;
            }

            answer = said;
            thinking = thought ?? "";
            return true;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            // Not JSON, or text that is not valid UTF-16 (ArgumentException from the strict encoding).
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The strings of the array the reader is on, joined (the reader left on its end); null when it is not an array of
    /// valid text. A first string equal to <paramref name="known"/> is that instance, not a copy.
    /// </summary>
    private static string? JoinedArray(ref Utf8JsonReader reader, string? known)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? first = null;
        StringBuilder? joined = null;
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                valid = false;
                continue;
            }

            string text;
            try
            {
                text = first is null && known is not null && reader.ValueTextEquals(known) ? known : reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                valid = false;
                continue;
            }

            if (first is null)
            {
                first = text;
            }
            else
            {
                (joined ??= new StringBuilder(first)).Append(text);
            }
        }

        return !valid ? null : joined?.ToString() ?? first ?? "";
    }

    private List<AIContent>? ReadObject(JsonElement llm)
    {
        var thinking = _thinking.Extend(llm, "thinking", out var thought);
        var answer = _answer.Extend(llm, "answer", out var text);
        if (!thinking && !answer)
        {
            return null;
        }

        if (LenientJson.Text(llm, "speed") is { } speed)
        {
            Speed = LenientJson.Text(llm, "speedType") is { } unit ? speed + " " + unit : speed;
        }

        ElapsedTime = LenientJson.Text(llm, "elapsedTime") ?? ElapsedTime;
        List<AIContent>? contents = null;
        if (thought is not null)
        {
            (contents ??= new List<AIContent>(2)).Add(new TextReasoningContent(thought));
        }

        if (text is not null)
        {
            (contents ??= new List<AIContent>(1)).Add(new TextContent(text));
        }

        return contents;
    }

    /// <summary>A character the next frame may still change or the final answer drop: whitespace, U+FFFD, half a surrogate pair.</summary>
    internal static bool IsUnsettled(char c) => char.IsWhiteSpace(c) || c == '\uFFFD' || char.IsHighSurrogate(c);

    /// <summary>The array's strings joined; null when it is absent, not an array, or holds anything but valid text.</summary>
    private static string? Joined(JsonElement llm, string name)
        => LenientJson.TryGet(llm, name, out var array) && array.ValueKind == JsonValueKind.Array ? Joined(array) : null;

    /// <summary>The strings of <paramref name="array"/> joined; null when it holds anything but valid text.</summary>
    private static string? Joined(JsonElement array)
    {
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
    /// The text yielded so far (the deltas appended, so a frame costs its delta, not a copy of the whole text) and, on
    /// .NET 9 and later, its JSON bytes as the frames wrote them (escaped UTF-8), to compare the next frame's bytes with.
    /// </summary>
    private sealed class Yielded
    {
        private char[] _text = [];
        private int _length;

        /// <summary>Characters the caller had before (a resumed stream), not yet matched with a text: the first text supplies them.</summary>
        private int _handedOut;
#if NET9_0_OR_GREATER
        private readonly bool _compareJson;
        private byte[] _json = [];

        /// <summary>The length of the JSON bytes of the text yielded; -1 when not known (the next frame is read as text).</summary>
        private int _jsonLength;

        public Yielded(bool compareJson, int handedOut)
        {
            _compareJson = compareJson;
            _handedOut = handedOut;
            _jsonLength = handedOut > 0 ? -1 : 0;
        }
#else
        public Yielded(bool compareJson, int handedOut) => _handedOut = handedOut;
#endif

        /// <summary>How many characters the caller has: those yielded and those it had before.</summary>
        public int Length => _length + _handedOut;

        /// <summary>
        /// Reads the array <paramref name="name"/> of a frame: false when it is absent or holds anything but valid text
        /// (as <see cref="Joined(JsonElement, string)"/> is null); else <paramref name="delta"/> is what its joined text
        /// adds, as <see cref="Extend(string)"/> gives it.
        /// </summary>
        public bool Extend(JsonElement llm, string name, out string? delta)
        {
            delta = null;
            if (!LenientJson.TryGet(llm, name, out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

#if NET9_0_OR_GREATER
            if (_compareJson && _jsonLength >= 0)
            {
                var compared = ExtendByJson(array, out delta);
                if (compared is not null)
                {
                    return compared.Value;
                }
            }
#endif
            if (Joined(array) is not { } text)
            {
                return false;
            }

            delta = Extend(text);
#if NET9_0_OR_GREATER
            if (_compareJson && (delta is not null || _jsonLength < 0) && IsPrefixOf(text))
            {
                RememberJson(array);
            }
#endif
            return true;
        }

        /// <summary>What <paramref name="current"/> adds, holding back its unsettled end; null when it adds nothing or does not extend the text yielded.</summary>
        public string? Extend(string current)
        {
            if (!Settle(current))
            {
                return null;
            }

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
            Append(delta);
            return delta;
        }

        /// <summary>All of <paramref name="final"/> past the text yielded, when it extends it; null otherwise. The last call: it keeps nothing.</summary>
        public string? Rest(string final)
            => !Settle(final) || final.Length <= _length || !IsPrefixOf(final) ? null : final.Substring(_length);

        /// <summary>Whether <paramref name="text"/> starts with what the caller has (for characters handed out before, only that it is as long).</summary>
        public bool IsPrefixOf(string text)
            => _handedOut > 0 ? text.Length >= _length + _handedOut : text.Length >= _length && text.AsSpan(0, _length).SequenceEqual(_text.AsSpan(0, _length));

        /// <summary>
        /// Takes the characters handed out before from the first text long enough to hold them, as yielded; false while
        /// a text is shorter than they are (it adds nothing).
        /// </summary>
        private bool Settle(string text)
        {
            if (_handedOut == 0)
            {
                return true;
            }

            if (text.Length < _handedOut)
            {
                return false;
            }

            var handedOut = _handedOut;
            _handedOut = 0;
            Append(text.Substring(0, handedOut));
            return true;
        }

        private void Append(string delta)
        {
            if (_length + delta.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_length + delta.Length, Math.Max(256, _text.Length * 2)));
            }

            delta.AsSpan().CopyTo(_text.AsSpan(_length));
            _length += delta.Length;
#if NET9_0_OR_GREATER
            // Set again by the caller when the frame's bytes are known.
            _jsonLength = -1;
#endif
        }

#if NET9_0_OR_GREATER
        /// <summary>
        /// The frame compared by its JSON bytes: null when it cannot be (its bytes do not start with those of the text
        /// yielded, or its new part is not valid text: the caller reads it as text); else whether it is text, with
        /// <paramref name="delta"/> what it adds.
        /// </summary>
        private bool? ExtendByJson(JsonElement array, out string? delta)
        {
            delta = null;
            var total = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                var json = Content(item);
                var shared = Math.Min(json.Length, _jsonLength - total);
                if (shared > 0 && (!json.Slice(0, shared).SequenceEqual(_json.AsSpan(total, shared)) || (total > 0 && StartsInsideCharacter(json))))
                {
                    return null;
                }

                total += json.Length;
            }

            if (total < _jsonLength)
            {
                return null;
            }

            if (total == _jsonLength)
            {
                return true;
            }

            // The bytes past the text yielded (they start on a character and escape boundary), and their text: each
            // string's part decoded on its own, as Joined reads each string on its own.
            var body = new byte[total - _jsonLength];
            var at = 0;
            var offset = 0;
            string? added = null;
            StringBuilder? joined = null;
            foreach (var item in array.EnumerateArray())
            {
                var json = Content(item);
                var skip = Math.Clamp(_jsonLength - offset, 0, json.Length);
                offset += json.Length;
                if (skip == json.Length)
                {
                    continue;
                }

                json.Slice(skip).CopyTo(body.AsSpan(at));
                if (Decode(json.Slice(skip)) is not { } part)
                {
                    return null;
                }

                at += json.Length - skip;
                if (added is null)
                {
                    added = part;
                }
                else
                {
                    (joined ??= new StringBuilder(added)).Append(part);
                }
            }

            added = joined?.ToString() ?? added ?? "";
            var settled = added.Length;
            while (settled > 0 && IsUnsettled(added[settled - 1]))
            {
                settled--;
            }

            if (settled == 0)
            {
                return true;
            }

            var settledBytes = settled == added.Length ? body.Length : JsonBytesOf(body, settled);
            if (settledBytes < 0)
            {
                return null;
            }

            delta = settled == added.Length ? added : added.Substring(0, settled);
            var jsonLength = _jsonLength;
            Append(delta);
            EnsureJson(jsonLength + settledBytes);
            body.AsSpan(0, settledBytes).CopyTo(_json.AsSpan(jsonLength));
            _jsonLength = jsonLength + settledBytes;
            return true;
        }

        /// <summary>
        /// Whether a string that starts inside the text yielded starts inside a character of it (a UTF-8 continuation
        /// byte, or the escaped low half of a surrogate pair): then it is not valid text on its own, and the frame is
        /// read as text to say so, as <see cref="Joined(JsonElement)"/> reads each string on its own.
        /// </summary>
        private static bool StartsInsideCharacter(ReadOnlySpan<byte> json)
            => (json[0] & 0xC0) == 0x80
               || (json.Length >= 4 && json[0] == (byte)'\\' && json[1] == (byte)'u' && (json[2] | 0x20) == (byte)'d' && (json[3] | 0x20) is >= (byte)'c' and <= (byte)'f');

        /// <summary>The text of a JSON string's content (a whole number of characters and escapes); null when it is not valid text.</summary>
        private static string? Decode(ReadOnlySpan<byte> json)
        {
            var quoted = new byte[json.Length + 2];
            quoted[0] = (byte)'"';
            json.CopyTo(quoted.AsSpan(1));
            quoted[quoted.Length - 1] = (byte)'"';
            try
            {
                var reader = new Utf8JsonReader(quoted);
                return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            catch (Exception exception) when (exception is InvalidOperationException or JsonException)
            {
                return null;
            }
        }

        /// <summary>Keeps the JSON bytes of the text yielded as this frame (read as text) wrote them; unknown when they cannot be told.</summary>
        private void RememberJson(JsonElement array)
        {
            _jsonLength = -1;
            var chars = 0;
            var length = 0;
            if (_length == 0)
            {
                _jsonLength = 0;
                return;
            }

            foreach (var item in array.EnumerateArray())
            {
                var json = Content(item);
                var bytes = JsonBytesOf(json, _length - chars, out var read);
                if (bytes < 0)
                {
                    return;
                }

                EnsureJson(length + bytes);
                json.Slice(0, bytes).CopyTo(_json.AsSpan(length));
                length += bytes;
                chars += read;
                if (chars == _length)
                {
                    _jsonLength = length;
                    return;
                }
            }
        }

        private void EnsureJson(int length)
        {
            if (length > _json.Length)
            {
                Array.Resize(ref _json, Math.Max(length, Math.Max(256, _json.Length * 2)));
            }
        }

        /// <summary>A string's JSON bytes without its quotes.</summary>
        private static ReadOnlySpan<byte> Content(JsonElement item)
        {
            var raw = JsonMarshal.GetRawUtf8Value(item);
            return raw.Length >= 2 && raw[0] == (byte)'"' && raw[raw.Length - 1] == (byte)'"' ? raw.Slice(1, raw.Length - 2) : raw;
        }

        /// <summary>How many bytes of the JSON string content <paramref name="json"/> hold its first <paramref name="chars"/> UTF-16 characters; -1 when that falls inside one.</summary>
        private static int JsonBytesOf(ReadOnlySpan<byte> json, int chars)
        {
            var bytes = JsonBytesOf(json, chars, out var read);
            return read == chars ? bytes : -1;
        }

        /// <summary>
        /// The bytes of the first characters of <paramref name="json"/>, up to <paramref name="chars"/> of them (fewer
        /// when it is shorter: <paramref name="read"/> says how many); -1 when the count falls inside a character.
        /// </summary>
        private static int JsonBytesOf(ReadOnlySpan<byte> json, int chars, out int read)
        {
            read = 0;
            var at = 0;
            while (read < chars && at < json.Length)
            {
                var b = json[at];
                int length, units;
                if (b == (byte)'\\')
                {
                    (length, units) = at + 1 < json.Length && json[at + 1] == (byte)'u' ? (6, 1) : (2, 1);
                }
                else if (b < 0x80)
                {
                    (length, units) = (1, 1);
                }
                else if ((b & 0xE0) == 0xC0)
                {
                    (length, units) = (2, 1);
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    (length, units) = (3, 1);
                }
                else if ((b & 0xF8) == 0xF0)
                {
                    (length, units) = (4, 2);
                }
                else
                {
                    return -1;
                }

                if (read + units > chars || at + length > json.Length)
                {
                    return -1;
                }

                read += units;
                at += length;
            }

            return at;
        }
#endif
    }
}

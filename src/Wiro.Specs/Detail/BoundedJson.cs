using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Wiro.Specs;

/// <summary>The kinds of <see cref="JsonValue"/>.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One value of a document read by <see cref="BoundedJson"/>, with the offsets it spans in the text (for located
/// diagnostics). Objects keep their members in order, duplicates included, so a reader can see them.
/// </summary>
internal sealed class JsonValue
{
    public JsonValue(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int End { get; set; }

    /// <summary>A string's value, or a number's text exactly as written.</summary>
    public string Text { get; set; } = "";

    private List<JsonValue>? _items;
    private List<(string Name, int Start)>? _keys;

    /// <summary>An array's items, or an object's member values (parallel to <see cref="Keys"/>); made on first use, so a scalar costs no list.</summary>
    public List<JsonValue> Items => _items ??= new List<JsonValue>();

    /// <summary>An object's member names and where each name starts.</summary>
    public List<(string Name, int Start)> Keys => _keys ??= new List<(string Name, int Start)>();

    /// <summary>How many members of this object are named <paramref name="name"/>.</summary>
    public int Count(string name)
    {
        var count = 0;
        foreach (var key in Keys)
        {
            count += key.Name == name ? 1 : 0;
        }

        return count;
    }

    /// <summary>The first member named <paramref name="name"/>, or null.</summary>
    public JsonValue? Get(string name)
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            if (Keys[i].Name == name)
            {
                return Items[i];
            }
        }

        return null;
    }
}

/// <summary>Why a text is not a document <see cref="BoundedJson"/> accepts, and where.</summary>
internal sealed class JsonReadException : Exception
{
    public JsonReadException(int offset, string reason)
        : base(reason)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>
/// A small JSON reader (RFC 8259) for files a build reads and anyone may have written: the spec layer cannot use
/// System.Text.Json (it is compiled into the netstandard2.0 generator, which ships as one assembly). Bounded in every
/// way a hostile file could push: its length (<see cref="MaxLength"/>, checked before anything is read), its nesting
/// (<see cref="MaxDepth"/>, so the recursion is shallow), and its number of values (<see cref="MaxValues"/>, so the
/// tree it builds stays small). One pass, linear in the text. Every refusal is a <see cref="JsonReadException"/> with
/// the offset it is about; a lone surrogate written as <c>\uD800</c> is read as U+FFFD, as a decoder reads invalid UTF-8.
/// </summary>
internal sealed class BoundedJson
{
    public const int MaxLength = 4 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxValues = 50_000;

    private readonly string _text;
    private readonly CancellationToken _cancellationToken;
    private int _position;
    private int _values;

    private BoundedJson(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The document in <paramref name="text"/>; a leading byte-order mark is skipped.</summary>
    /// <exception cref="JsonReadException">The text is not one JSON value, or passes a bound.</exception>
    public static JsonValue Parse(string text, CancellationToken cancellationToken)
    {
        if (text.Length > MaxLength)
        {
            throw new JsonReadException(0, "it is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; at most "
                + MaxLength.ToString(CultureInfo.InvariantCulture) + " are read");
        }

        var reader = new BoundedJson(text, cancellationToken);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._position = 1;
        }

        reader.SkipSpace();
        var root = reader.ReadValue(1);
        reader.SkipSpace();
        if (reader._position < text.Length)
        {
            throw new JsonReadException(reader._position, "there is more after the JSON value ends");
        }

        return root;
    }

    private JsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonReadException(_position, "it nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
        }

        if (++_values > MaxValues)
        {
            throw new JsonReadException(_position, "it holds more than " + MaxValues.ToString(CultureInfo.InvariantCulture) + " values");
        }

        if ((_values & 0x3FF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        if (_position >= _text.Length)
        {
            throw new JsonReadException(_position, "it ends where a value should be");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"':
                var start = _position;
                var text = ReadString();
                return new JsonValue(JsonKind.String, start) { Text = text, End = _position };
            case 't': return ReadLiteral("true", JsonKind.True);
            case 'f': return ReadLiteral("false", JsonKind.False);
            case 'n': return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsonReadException(_position, "'" + Show(c) + "' cannot start a JSON value");
        }
    }

    private JsonValue ReadObject(int depth)
    {
        var value = new JsonValue(JsonKind.Object, _position);
        _position++;
        SkipSpace();
        if (Peek() == '}')
        {
            _position++;
            value.End = _position;
            return value;
        }

        while (true)
        {
            if (Peek() != '"')
            {
                throw new JsonReadException(_position, "an object member must start with a quoted name");
            }

            var nameStart = _position;
            var name = ReadString();
            SkipSpace();
            Expect(':', "a ':' must follow a member name");
            SkipSpace();
            value.Keys.Add((name, nameStart));
            value.Items.Add(ReadValue(depth + 1));
            SkipSpace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                value.End = _position;
                return value;
            }

            if (next != ',')
            {
                throw new JsonReadException(_position - 1, "a ',' or '}' must follow a member's value");
            }

            SkipSpace();
        }
    }

    private JsonValue ReadArray(int depth)
    {
        var value = new JsonValue(JsonKind.Array, _position);
        _position++;
        SkipSpace();
        if (Peek() == ']')
        {
            _position++;
            value.End = _position;
            return value;
        }

        while (true)
        {
            value.Items.Add(ReadValue(depth + 1));
            SkipSpace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                value.End = _position;
                return value;
            }

            if (next != ',')
            {
                throw new JsonReadException(_position - 1, "a ',' or ']' must follow an array item");
            }

            SkipSpace();
        }
    }

    private string ReadString()
    {
        var start = _position;
        _position++;
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonReadException(start, "a string is not closed");
            }

            var c = _text[_position];
            if (c == '"')
            {
                var text = builder is null
                    ? _text.Substring(runStart, _position - runStart)
                    : builder.Append(_text, runStart, _position - runStart).ToString();
                _position++;
                return ReplaceLoneSurrogates(text);
            }

            if (c < ' ')
            {
                throw new JsonReadException(_position, "a string holds a raw control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ")");
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            if (_position + 1 >= _text.Length)
            {
                throw new JsonReadException(start, "a string is not closed");
            }

            var escape = _text[_position + 1];
            _position += 2;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    builder.Append((char)Hex4(_position));
                    _position += 4;
                    break;
                default:
                    throw new JsonReadException(_position - 2, "'\\" + Show(escape) + "' is not a JSON escape");
            }

            runStart = _position;
        }
    }

    private int Hex4(int at)
    {
        if (at + 4 > _text.Length)
        {
            throw new JsonReadException(at - 2, "a \\u escape needs four hex digits");
        }

        var value = 0;
        for (var i = at; i < at + 4; i++)
        {
            var c = _text[i];
            var digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
            if (digit < 0)
            {
                throw new JsonReadException(at - 2, "a \\u escape needs four hex digits");
            }

            value = value * 16 + digit;
        }

        return value;
    }

    private JsonValue ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw new JsonReadException(start, "a number needs a digit after its sign");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek()))
            {
                throw new JsonReadException(start, "a number needs a digit after its decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!IsDigit(Peek()))
            {
                throw new JsonReadException(start, "a number needs a digit in its exponent");
            }

            SkipDigits();
        }

        return new JsonValue(JsonKind.Number, start) { Text = _text.Substring(start, _position - start), End = _position };
    }

    private JsonValue ReadLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonReadException(_position, "'" + Show(_text[_position]) + "' cannot start a JSON value");
        }

        var value = new JsonValue(kind, _position);
        _position += literal.Length;
        value.End = _position;
        return value;
    }

    private void Expect(char c, string reason)
    {
        if (Peek() != c)
        {
            throw new JsonReadException(_position, reason);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>A character as a message shows it: printable ASCII as itself, anything else as <c>U+XXXX</c>.</summary>
    private static string Show(char c)
        => c > ' ' && c < '\u007F' ? c.ToString() : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static string ReplaceLoneSurrogates(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                chars ??= text.ToCharArray();
                chars[i] = '\uFFFD';
            }
        }

        return chars is null ? text : new string(chars);
    }
}

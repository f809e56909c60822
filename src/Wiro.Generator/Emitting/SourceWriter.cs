using System.Text;

namespace Wiro.Generator.Emitting;

/// <summary>
/// An indented text writer for generated C#, after System.Text.Json's generator's: <see cref="WriteLine(string)"/>
/// takes a multi-line raw-string template and writes each of its lines at the current indentation, so an emitter's
/// templates show the code they write, shape and all, and the writer only adds the nesting around them.
/// </summary>
/// <remarks>
/// Lines end in <c>\n</c> whatever the template's file uses (a raw string holds the line breaks of the file it is
/// in, <c>\r\n</c> on a Windows checkout), so the output does not depend on how the generator's sources were checked
/// out. Empty lines get no indentation, as an editor writes them.
/// </remarks>
public sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();

    /// <summary>The nesting depth each line is written at, in units of four spaces.</summary>
    public int Indentation { get; set; }

    /// <summary>Writes every line of <paramref name="text"/> at the current indentation.</summary>
    public SourceWriter WriteLine(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var lineEnd = end < 0 ? text.Length : end;
            var length = lineEnd - start;
            if (length > 0 && text[lineEnd - 1] == '\r')
            {
                length--;
            }

            AppendLine(text, start, length);
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    public override string ToString() => _builder.ToString();

    private void AppendLine(string text, int start, int length)
    {
        if (length > 0)
        {
            for (var i = 0; i < Indentation; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text, start, length);
        }

        _builder.Append('\n');
    }
}

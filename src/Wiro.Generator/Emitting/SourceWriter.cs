using System.Text;

namespace Wiro.Generator.Emitting;

/// <summary>A small indented text writer for generated C#.</summary>
public sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents until the matching <see cref="CloseBlock"/>.</summary>
    public SourceWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A <c>&lt;summary&gt;</c> doc comment; <paramref name="xmlText"/> must already be escaped.</summary>
    public SourceWriter Summary(string xmlText)
        => Line("/// <summary>" + xmlText + "</summary>");

    public override string ToString() => _builder.ToString();
}

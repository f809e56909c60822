using Wiro.Generator.Emitting;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>The writer keeps a template's shape: each line at the current indentation, blank lines bare, <c>\n</c> only.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void A_multi_line_template_is_indented_line_by_line_and_its_blank_lines_stay_empty()
    {
        var writer = new SourceWriter { Indentation = 1 };

        writer.WriteLine("""
            if (x)
            {
                y();
            }

            z();
            """);

        Assert.Equal("    if (x)\n    {\n        y();\n    }\n\n    z();\n", writer.ToString());
    }

    [Fact]
    public void Windows_line_breaks_in_a_template_come_out_as_line_feeds()
    {
        var writer = new SourceWriter { Indentation = 2 };

        writer.WriteLine("a\r\nb\r\n\r\nc");

        Assert.Equal("        a\n        b\n\n        c\n", writer.ToString());
    }

    [Fact]
    public void A_template_ending_in_a_line_break_ends_in_a_blank_line()
    {
        var writer = new SourceWriter();

        writer.WriteLine("a\n").WriteLine().WriteLine("b");

        Assert.Equal("a\n\n\nb\n", writer.ToString());
    }
}

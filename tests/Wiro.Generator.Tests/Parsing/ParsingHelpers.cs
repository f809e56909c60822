using System.Text.RegularExpressions;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>Reads fixtures, collapses pages the way the seed was collapsed, and compares models without locations.</summary>
public static class ParsingHelpers
{
    /// <summary>A page with every whitespace run turned into one space, like the seed and the excerpts.</summary>
    public static string Collapse(string text) => Regex.Replace(text, "[ \t\r\n\f\v]+", " ").Trim();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string RepoSpec(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", name));

    public static SpecParseResult Parse(string text, string path = "/specs/test.wiro.md")
        => SpecParser.Parse(path, text, CancellationToken.None);

    /// <summary>The spec with every input location removed, so two layouts of one page compare equal.</summary>
    public static ToolSpec WithoutLocations(ToolSpec spec)
        => spec with { Inputs = spec.Inputs.Select(input => input with { Location = null }).ToEquatableArray() };

    /// <summary>The 0-based line of the first occurrence of <paramref name="needle"/>.</summary>
    public static int LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, "'" + needle + "' is not in the text");
        return text[..index].Count(c => c == '\n');
    }

    public static DiagnosticInfo Single(SpecParseResult result, string id)
        => Assert.Single(result.Diagnostics, d => d.Id == id);
}

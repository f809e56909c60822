using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Wiro.Generator.Diagnostics;
using Wiro.Specs;

namespace Wiro.Corpus.Tests;

/// <summary>The real pages in ../shared/specs, found from the repository root (the folder holding Generator.sln).</summary>
public static class Corpus
{
    public static readonly string SpecsRoot = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "specs"));

    public static IEnumerable<object[]> Pages => Files("pages");

    public static IEnumerable<object[]> Seeds => Files("seed");

    public static IEnumerable<object[]> Excerpts => Files("excerpts");

    public static string Read(string folder, string name) => File.ReadAllText(Path.Combine(SpecsRoot, folder, name));

    public static SpecParseResult Parse(string folder, string name)
        => SpecParser.Parse(Path.Combine(SpecsRoot, folder, name), Read(folder, name), CancellationToken.None);

    /// <summary>Whitespace runs turned into one space, the way the seed and the excerpts were collapsed.</summary>
    public static string Collapse(string text) => Regex.Replace(text, "[ \t\r\n\f\v]+", " ").Trim();

    public static ToolSpec WithoutLocations(ToolSpec spec)
        => spec with { Inputs = spec.Inputs.Select(input => input with { Location = null }).ToEquatableArray() };

    public static bool IsError(DiagnosticInfo diagnostic)
        => DiagnosticDescriptors.For(diagnostic.Code).DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>Files are named owner__slug.md after their Run endpoint (the slug's case may differ).</summary>
    public static string OwnerAndSlug(string fileName) => Path.GetFileNameWithoutExtension(fileName);

    private static IEnumerable<object[]> Files(string folder)
    {
        var directory = Path.Combine(SpecsRoot, folder);
        Assert.True(Directory.Exists(directory), "The shared specs are expected at " + directory);
        return Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).Select(path => new object[] { Path.GetFileName(path) });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Generator.sln above " + AppContext.BaseDirectory);
    }
}

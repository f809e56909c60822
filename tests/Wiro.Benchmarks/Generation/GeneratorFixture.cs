using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Benchmarks.Corpus;
using Wiro.Generator;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Benchmarks.Generation;

/// <summary>
/// A consumer compilation and generator drivers over spec files, set up the way the compiler runs the generator in a
/// build: spec texts as AdditionalFiles, .NET 10 references, XML doc comments parsed (GenerateDocumentationFile).
/// </summary>
public static class GeneratorFixture
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The user's own code, in two versions, for the "unrelated C# edit" case.</summary>
    public static readonly string[] UserCode =
    [
        "namespace App;\n\n/// <summary>The app.</summary>\npublic static class Program\n{\n    /// <summary>Entry.</summary>\n    public static int Main() => 0;\n}\n",
        "namespace App;\n\n/// <summary>The app.</summary>\npublic static class Program\n{\n    /// <summary>Entry.</summary>\n    public static int Main() => 1;\n}\n",
    ];

    public static CSharpCompilation CreateCompilation(string userCode)
        => CreateCompilation(CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "Program.cs"));

    public static CSharpCompilation CreateCompilation(SyntaxTree userCode)
        => CSharpCompilation.Create(
            "Consumer",
            [userCode],
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The compilation with Microsoft.Extensions.AI.Abstractions referenced, so every tool also gets its AI function.</summary>
    public static CSharpCompilation WithAIFunctions(CSharpCompilation compilation)
        => compilation.AddReferences(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location));

    public static AdditionalText[] ToAdditionalTexts(IEnumerable<SpecFile> specs)
        => specs.Select(spec => (AdditionalText)new InMemoryAdditionalText(spec.Path, spec.Text)).ToArray();

    /// <summary>
    /// A new driver. Step tracking costs time and memory the compiler does not spend, so the timed benchmarks leave it
    /// off; the sanity checks turn it on to see which steps ran.
    /// </summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, bool trackSteps = false)
        => CreateDriver(new WiroGenerator(), texts, trackSteps);

    /// <summary>A new driver over another generator (the pass-through floor), set up the same way.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, IEnumerable<AdditionalText> texts, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            generators: [generator.AsSourceGenerator()],
            additionalTexts: texts,
            parseOptions: ParseOptions,
            optionsProvider: new TestOptionsProvider(
                new Dictionary<string, string>(),
                new Dictionary<string, IReadOnlyDictionary<string, string>>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>
    /// Runs the generators and parses what they produced. The driver parses generated sources lazily; a compile parses
    /// all of them, and so does the floor, so the timed runs force it (a no-op for trees kept from an earlier run).
    /// </summary>
    public static GeneratorDriver RunAndParse(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGenerators(compilation);
        foreach (var tree in driver.GetRunResult().GeneratedTrees)
        {
            tree.GetRoot();
        }

        return driver;
    }

    /// <summary>Every source the generator produced in its last run, by hint name.</summary>
    public static IReadOnlyList<GeneratedSourceResult> Sources(GeneratorDriver driver)
        => driver.GetRunResult().Results.SelectMany(result => result.GeneratedSources).ToList();

    /// <summary>Core files carry the ".Core." hint-name prefix the core emitter gives them.</summary>
    public static bool IsCore(GeneratedSourceResult source) => source.HintName.Contains(".Core.", StringComparison.Ordinal);

    /// <summary>Per-spec files carry the ".Tools." hint-name segment; everything else is emitted once.</summary>
    public static bool IsToolFile(GeneratedSourceResult source) => source.HintName.Contains(".Tools.", StringComparison.Ordinal);

    /// <summary>
    /// The same spec with one visible change: its description line gets a marker, which lands in the generated XML
    /// docs, so the spec's outputs must be regenerated (and only them).
    /// </summary>
    public static string Edit(string specText, int version)
    {
        foreach (var key in new[] { "Tool description:", "Model description:" })
        {
            var at = specText.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0)
            {
                var insertAt = at + key.Length;
                return specText[..insertAt] + " (edit " + version + ")" + specText[insertAt..];
            }
        }

        throw new InvalidOperationException("The spec has no description line to edit.");
    }
}

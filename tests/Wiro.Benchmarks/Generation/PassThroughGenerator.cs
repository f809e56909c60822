using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Wiro.Benchmarks.Generation;

/// <summary>
/// The floor for the incremental benchmarks: a generator that does nothing but hand Roslyn what the Wiro generator
/// produced for the same corpus (the same files, sizes and diagnostics), one pipeline node per spec. Its cost after an
/// edit is what Roslyn's driver charges any generator with that many outputs, whatever the generator does.
/// </summary>
public sealed class PassThroughGenerator : IIncrementalGenerator
{
    private readonly ImmutableArray<(string HintName, SourceText Text)> _perSpecFiles;
    private readonly ImmutableArray<(string HintName, SourceText Text)> _sharedFiles;
    private readonly ImmutableDictionary<string, ImmutableArray<Diagnostic>> _diagnosticsByPath;
    private readonly ImmutableDictionary<string, int> _indexByPath;

    /// <param name="specPaths">The corpus paths; the n-th path (by ordinal order) gets the n-th per-spec file.</param>
    /// <param name="perSpecFiles">One generated file per spec.</param>
    /// <param name="sharedFiles">The files generated once (core, status enum).</param>
    /// <param name="diagnostics">The diagnostics to report, each at its spec's path.</param>
    public PassThroughGenerator(
        IEnumerable<string> specPaths,
        IEnumerable<GeneratedSourceResult> perSpecFiles,
        IEnumerable<GeneratedSourceResult> sharedFiles,
        IEnumerable<Diagnostic> diagnostics)
    {
        _indexByPath = specPaths.Order(StringComparer.Ordinal).Select((path, index) => (path, index))
            .ToImmutableDictionary(pair => pair.path, pair => pair.index);
        _perSpecFiles = perSpecFiles.OrderBy(file => file.HintName, StringComparer.Ordinal)
            .Select(file => (file.HintName, file.SourceText)).ToImmutableArray();
        _sharedFiles = sharedFiles.Select(file => (file.HintName, file.SourceText)).ToImmutableArray();
        _diagnosticsByPath = diagnostics.GroupBy(d => d.Location.GetLineSpan().Path)
            .ToImmutableDictionary(group => group.Key, group => group.ToImmutableArray());
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Reading the text is the least any spec generator does; its length stands in for "the spec changed".
        var files = context.AdditionalTextsProvider
            .Select((text, ct) => (text.Path, Length: text.GetText(ct)?.Length ?? 0));

        context.RegisterSourceOutput(files, (production, file) =>
        {
            if (!_indexByPath.TryGetValue(file.Path, out var index))
            {
                return;
            }

            var (hintName, text) = _perSpecFiles[index % _perSpecFiles.Length];
            production.AddSource(hintName, text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "// " + file.Length + "\n")));
            foreach (var diagnostic in _diagnosticsByPath.GetValueOrDefault(file.Path, ImmutableArray<Diagnostic>.Empty))
            {
                production.ReportDiagnostic(diagnostic);
            }
        });

        // Like the core, emitted once from a compilation-wide input that an edit leaves cached.
        context.RegisterSourceOutput(context.ParseOptionsProvider, (production, _) =>
        {
            foreach (var (hintName, text) in _sharedFiles)
            {
                production.AddSource(hintName, text);
            }
        });
    }
}

using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Wiro.Specs;

namespace Wiro.Generator.Pipeline;

/// <summary>One spec file's text and per-file options: the value-equal input of everything per spec.</summary>
/// <param name="TypeNameOverride">The file's <c>WiroTypeName</c> metadata, if any.</param>
public sealed record SpecSource(string FilePath, string Text, string? TypeNameOverride)
{
    /// <summary>The Tool/Detail file beside the spec (<see cref="SpecFiles.DetailPathFor"/>), read; null when there is none.</summary>
    public ToolDetail? Detail { get; init; }

    /// <summary>True to plan the tool as an AI function too (the compilation references the AI abstractions).</summary>
    public bool PlanFunction { get; init; }

    /// <summary>A Tool/Detail file (<c>*.wiro.json</c>), read with the spec layer's bounded reader; null for any other file.</summary>
    public static ToolDetail? DetailFrom(AdditionalText file, CancellationToken cancellationToken)
        => SpecFiles.IsDetailFile(file.Path)
            ? DetailReader.Read(file.Path, file.GetText(cancellationToken)?.ToString() ?? "", cancellationToken)
            : null;

    /// <summary>
    /// The spec behind an additional file, or null when the file is not a spec. Specs are files named
    /// <c>*.wiro.md</c> or items with <c>WiroSpec="true"</c> metadata (what the <c>WiroSpec</c> item sets).
    /// </summary>
    public static SpecSource? From(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        var isSpec = (file.Path.EndsWith(SpecFiles.Suffix, StringComparison.OrdinalIgnoreCase)
                     || (options.TryGetValue("build_metadata.AdditionalFiles.WiroSpec", out var flag)
                         && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)))
                     && !SpecFiles.IsDetailFile(file.Path);
        if (!isSpec)
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? "";
        options.TryGetValue("build_metadata.AdditionalFiles.WiroTypeName", out var typeName);
        return new SpecSource(file.Path, text, string.IsNullOrWhiteSpace(typeName) ? null : typeName!.Trim());
    }
}

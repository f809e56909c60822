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
    /// <summary>
    /// The spec behind an additional file, or null when the file is not a spec. Specs are files named
    /// <c>*.wiro.md</c> or items with <c>WiroSpec="true"</c> metadata (what the <c>WiroSpec</c> item sets).
    /// </summary>
    public static SpecSource? From(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        var isSpec = file.Path.EndsWith(SpecFiles.Suffix, StringComparison.OrdinalIgnoreCase)
                     || (options.TryGetValue("build_metadata.AdditionalFiles.WiroSpec", out var flag)
                         && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase));
        if (!isSpec)
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? "";
        options.TryGetValue("build_metadata.AdditionalFiles.WiroTypeName", out var typeName);
        return new SpecSource(file.Path, text, string.IsNullOrWhiteSpace(typeName) ? null : typeName!.Trim());
    }
}

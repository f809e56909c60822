using System;
using System.Linq;
using System.Threading;

namespace Wiro.Specs;

/// <summary>
/// A spec file outside a build (the emulator's specs, <c>wiro mcp</c>'s tools) read as the build reads it: the page
/// parsed, and the Tool/Detail file beside it (<see cref="SpecFiles.DetailPathFor"/>) applied, so a server agrees with
/// the generated client about what the tool takes. The caller reads the files: the spec layer does no I/O.
/// </summary>
public static class LocalSpecReader
{
    /// <summary>Reads the spec at <paramref name="specPath"/>.</summary>
    /// <param name="specPath">The page's path, which names the detail file beside it.</param>
    /// <param name="text">The page's text.</param>
    /// <param name="readFile">The text of a file, or null when there is none.</param>
    /// <returns>
    /// The spec; or null and a one-line reason when the build would make no tool of it, or when its detail file cannot
    /// be read (WIRO019). A detail value that cannot be used (WIRO020, WIRO021) is left out, as in the build.
    /// </returns>
    public static (ToolSpec? Spec, string? Problem) Read(string specPath, string text, Func<string, string?> readFile)
    {
        var parsed = SpecParser.Parse(specPath, text, CancellationToken.None);
        if (parsed.Spec is not { } spec)
        {
            return (null, $"'{specPath}' is not a usable Wiro spec ({string.Join(", ", parsed.Diagnostics.Select(d => d.Id))}).");
        }

        var detailPath = SpecFiles.DetailPathFor(specPath);
        if (readFile(detailPath) is not { } detailText)
        {
            return (spec, null);
        }

        var detail = DetailReader.Read(detailPath, detailText, CancellationToken.None);
        if (detail.Diagnostics.FirstOrDefault(d => d.Code is DiagnosticId.UnreadableDetail or DiagnosticId.InternalError) is { } unreadable)
        {
            var at = unreadable.Location is { } location ? $" at line {location.LineSpan.Start.Line + 1}" : "";
            return (null, $"'{detailPath}' is not a usable Tool/Detail file ({unreadable.Id}{at}: {string.Join(", ", unreadable.MessageArgs)}).");
        }

        return (DetailReader.Apply(spec, detail).Spec, null);
    }
}

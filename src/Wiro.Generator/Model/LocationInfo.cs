using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Wiro.Generator.Model;

/// <summary>
/// A place in a spec file, kept as plain values so it can cross the pipeline;
/// it becomes a Roslyn <see cref="Location"/> only when a diagnostic is reported.
/// </summary>
public sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Wiro.Specs;

namespace Wiro.Generator.Diagnostics;

/// <summary>Turns the model's plain diagnostics into Roslyn ones, at the spec file and line they point to.</summary>
public static class DiagnosticReporting
{
    public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
        => Diagnostic.Create(
            DiagnosticDescriptors.For(info.Code),
            info.Location?.ToLocation() ?? Location.None,
            info.MessageArgs.Cast<object?>().ToArray());

    public static Location ToLocation(this LocationInfo info)
        => Location.Create(
            info.FilePath,
            TextSpan.FromBounds(info.Span.Start, info.Span.End),
            new LinePositionSpan(
                new LinePosition(info.LineSpan.Start.Line, info.LineSpan.Start.Character),
                new LinePosition(info.LineSpan.End.Line, info.LineSpan.End.Character)));
}

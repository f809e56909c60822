using System.Linq;
using Microsoft.CodeAnalysis;

namespace Wiro.Generator.Model;

/// <summary>A diagnostic found while parsing or modelling a spec, kept value-equal for caching.</summary>
public sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public Diagnostic ToDiagnostic(DiagnosticDescriptor descriptor)
        => Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.Cast<object?>().ToArray());
}

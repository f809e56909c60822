using Microsoft.CodeAnalysis.Diagnostics;
using Wiro.Specs;

namespace Wiro.Generator.Planning;

/// <summary>The MSBuild properties that shape the generated code, reduced to a value-equal record.</summary>
/// <param name="Namespace">Namespace of every generated type (<c>WiroNamespace</c>, default <c>Wiro</c>).</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c> (<c>WiroAccessibility</c>, default <c>public</c>).</param>
/// <param name="EmitCore">False when the project compiles the client core itself (<c>WiroEmitCore</c>).</param>
public sealed record GeneratorOptions(string Namespace, string Accessibility, bool EmitCore, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public const string DefaultNamespace = "Wiro";
    public const string DefaultAccessibility = "public";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();

        var ns = Read(options, "WiroNamespace") ?? DefaultNamespace;
        if (!IsValidNamespace(ns))
        {
            diagnostics.Add(Invalid("WiroNamespace", ns, DefaultNamespace));
            ns = DefaultNamespace;
        }

        var accessibility = (Read(options, "WiroAccessibility") ?? DefaultAccessibility).ToLowerInvariant();
        if (accessibility != "public" && accessibility != "internal")
        {
            diagnostics.Add(Invalid("WiroAccessibility", accessibility, DefaultAccessibility));
            accessibility = DefaultAccessibility;
        }

        var emitCore = !string.Equals(Read(options, "WiroEmitCore"), "false", System.StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(ns, accessibility, emitCore, diagnostics.ToEquatableArray());
    }

    private static string? Read(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>
    /// A namespace whose segments are identifiers, none of which starts a dotted name in the core: the core writes
    /// <c>using System.Text;</c>, which inside <c>namespace Acme.System</c> would mean <c>Acme.System.Text</c>.
    /// </summary>
    private static bool IsValidNamespace(string ns)
    {
        foreach (var part in ns.Split('.'))
        {
            if (!Identifier.IsValid(part) || part == "global" || CoreVocabulary.QualifiesWith(part))
            {
                return false;
            }
        }

        return true;
    }

    private static DiagnosticInfo Invalid(string property, string value, string used)
        => DiagnosticInfo.Create(DiagnosticId.InvalidOption, null, property, value, used);
}

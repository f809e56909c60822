using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Wiro.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: they are documented in the README and listed in
/// AnalyzerReleases.Shipped.md.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "Wiro";
    private const string HelpLink = "https://github.com/wiro-dotnet/generator#diagnostics";

    public static readonly DiagnosticDescriptor MissingRunEndpoint = Error(
        "WIRO001", "Spec has no Run endpoint",
        "The spec has no 'Run Task Endpoint (POST):' URL of the form https://api.wiro.ai/v1/Run/<owner>/<model>; no client is generated for it");

    public static readonly DiagnosticDescriptor MissingInputsSection = Error(
        "WIRO002", "Spec has no inputs section",
        "The spec has no '## Tool Inputs:' or '## Model Inputs:' section; no client is generated for it");

    public static readonly DiagnosticDescriptor UnknownInputType = Warning(
        "WIRO003", "Unknown input type",
        "Input '{0}' has type '{1}', which the generator does not know; it is generated as a string sent as written");

    public static readonly DiagnosticDescriptor TruncatedSpec = Warning(
        "WIRO004", "Spec is truncated",
        "The spec ends before it is complete ({0}); what was complete is generated");

    public static readonly DiagnosticDescriptor MalformedInput = Warning(
        "WIRO005", "Input cannot be read",
        "An input cannot be read ({0}); it is left out of the request");

    public static readonly DiagnosticDescriptor TypeNameCollision = Error(
        "WIRO006", "Two specs give the same type name",
        "The spec gives the type name '{0}', which '{1}' already uses; set WiroTypeName metadata on one of the files");

    public static readonly DiagnosticDescriptor DuplicateInput = Warning(
        "WIRO007", "Duplicate input name",
        "Input '{0}' is declared more than once; only the first is used");

    public static readonly DiagnosticDescriptor InvalidDefault = Warning(
        "WIRO008", "Default value does not fit the input",
        "Input '{0}' has default '{1}', which is not a valid {2}; the property starts empty and is not sent until set");

    public static readonly DiagnosticDescriptor NotASpec = Error(
        "WIRO009", "File is not a Wiro tool spec",
        "The file has no '## Basic tool info' section and no Run endpoint; it does not look like a Wiro tool spec");

    public static readonly DiagnosticDescriptor InvalidTypeNameOption = Error(
        "WIRO010", "Invalid type name option",
        "WiroTypeName '{0}' is not a valid C# identifier");

    public static readonly DiagnosticDescriptor InvalidOption = Warning(
        "WIRO011", "Invalid generator option",
        "MSBuild property '{0}' has value '{1}', which is not valid; '{2}' is used instead");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "WIRO012", "The generator failed on this spec",
        "The generator failed on this spec ({0}); please report it with the spec file");

    public static readonly DiagnosticDescriptor StatusMeaningChanged = Warning(
        "WIRO013", "Task status listed against its meaning",
        "The spec lists task status '{0}' as {1}, but {2}; it is treated as {3} for every tool");

    /// <summary>All descriptors by id, to turn a <c>DiagnosticInfo</c> back into a diagnostic.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = Index(
        MissingRunEndpoint, MissingInputsSection, UnknownInputType, TruncatedSpec, MalformedInput,
        TypeNameCollision, DuplicateInput, InvalidDefault, NotASpec, InvalidTypeNameOption, InvalidOption,
        InternalError, StatusMeaningChanged);

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

    private static IReadOnlyDictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var byId = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in descriptors)
        {
            byId.Add(descriptor.Id, descriptor);
        }

        return byId;
    }
}

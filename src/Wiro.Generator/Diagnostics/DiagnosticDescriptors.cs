using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Wiro.Specs;

namespace Wiro.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: they are documented in the README and listed in
/// AnalyzerReleases.Shipped.md. The ids are written out here (the release-tracking analyzer reads them); each one
/// is the text of a <see cref="DiagnosticId"/>, which a test checks both ways.
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
        "WIRO006", "Two specs make the same tool",
        "The spec makes '{0}', which '{1}' already makes; only that one is generated. Remove the copy, or set another WiroTypeName metadata on one of the files");

    public static readonly DiagnosticDescriptor DuplicateInput = Warning(
        "WIRO007", "Duplicate input name",
        "Input '{0}' is declared more than once; only the first is used");

    public static readonly DiagnosticDescriptor InvalidDefault = Warning(
        "WIRO008", "Default value does not fit the input",
        "Input '{0}' has default '{1}', which is not a valid {2}; the property starts empty and is not sent until set");

    public static readonly DiagnosticDescriptor NotASpec = Error(
        "WIRO009", "File is not a Wiro tool spec",
        "The file has no '## Basic tool info' section and no Run endpoint; it does not look like a Wiro tool spec");

    public static readonly DiagnosticDescriptor InvalidTypeNameOption = Warning(
        "WIRO010", "Invalid type name option",
        "WiroTypeName '{0}' cannot be used ({1}); the name from the Run endpoint is used instead");

    public static readonly DiagnosticDescriptor InvalidOption = Warning(
        "WIRO011", "Invalid generator option",
        "MSBuild property '{0}' has value '{1}', which is not valid; '{2}' is used instead");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "WIRO012", "The generator failed on this spec",
        "The generator failed on this spec ({0}); please report it with the spec file");

    public static readonly DiagnosticDescriptor StatusMeaningChanged = Warning(
        "WIRO013", "Task status listed against its meaning",
        "The spec lists task status '{0}' as {1}, but {2}; it is treated as {3} for every tool");

    public static readonly DiagnosticDescriptor NameChanged = Warning(
        "WIRO014", "A generated name was changed",
        "The {0} '{1}' is {2}, so this spec's is generated as '{3}'; set WiroTypeName metadata on the spec to choose the name");

    public static readonly DiagnosticDescriptor DuplicateWireKey = Warning(
        "WIRO015", "Two inputs send the same key",
        "Input '{0}' would send the key '{1}', which {2} already sends; Wiro keeps one value per key, so the input is left out");

    public static readonly DiagnosticDescriptor AmbiguousCore = Error(
        "WIRO016", "Two referenced assemblies carry the client core",
        "The referenced assemblies {0} each carry the Wiro client core in namespace '{1}', so this project cannot tell them apart and nothing is generated; set WiroNamespace to another namespace here, or WiroAccessibility=internal in all but one of those libraries");

    public static readonly DiagnosticDescriptor UnusableRunEndpoint = Error(
        "WIRO017", "Run endpoint cannot be called as written",
        "The Run endpoint '{0}' cannot be called as written: its {1} '{2}' {3}; owner and model must each be one plain path segment, and no client is generated for it");

    public static readonly DiagnosticDescriptor LookAlikeWireKey = Warning(
        "WIRO018", "Two keys look alike",
        "Input '{0}' sends the key '{1}', which looks like the key '{2}' of {3}: they differ only by {4}. Both are sent, as two keys; check which one the tool reads");

    public static readonly DiagnosticDescriptor UnreadableDetail = Warning(
        "WIRO019", "Tool/Detail file cannot be read",
        "The Tool/Detail file cannot be read ({0}); the tool is generated from its page alone, with no required inputs or ranges");

    public static readonly DiagnosticDescriptor InvalidDetailValue = Warning(
        "WIRO020", "Tool/Detail value cannot be used",
        "In the Tool/Detail file, {0} {1}; it is not used");

    public static readonly DiagnosticDescriptor UnknownDetailInput = Warning(
        "WIRO021", "Tool/Detail describes an input the page does not declare",
        "The Tool/Detail file describes input '{0}', which the page of {1} does not declare; it is left out. Save the page and its detail again together (wiro add --detail --force)");

    public static readonly DiagnosticDescriptor OutdatedAIAbstractions = new(
        "WIRO022", "Microsoft.Extensions.AI.Abstractions is too old for the AI adapters",
        "This project references Microsoft.Extensions.AI.Abstractions without {0}, so no AI function, chat, image or speech adapter is generated; reference version 10.3.0 or later to get them",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink);

    /// <summary>The descriptor of <paramref name="id"/>; every <see cref="DiagnosticId"/> has one (a test checks it).</summary>
    public static DiagnosticDescriptor For(DiagnosticId id) => ById[id];

    private static readonly IReadOnlyDictionary<DiagnosticId, DiagnosticDescriptor> ById = Index(
        MissingRunEndpoint, MissingInputsSection, UnknownInputType, TruncatedSpec, MalformedInput,
        TypeNameCollision, DuplicateInput, InvalidDefault, NotASpec, InvalidTypeNameOption, InvalidOption,
        InternalError, StatusMeaningChanged, NameChanged, DuplicateWireKey, AmbiguousCore, UnusableRunEndpoint, LookAlikeWireKey,
        UnreadableDetail, InvalidDetailValue, UnknownDetailInput, OutdatedAIAbstractions);

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

    private static IReadOnlyDictionary<DiagnosticId, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var byId = new Dictionary<DiagnosticId, DiagnosticDescriptor>();
        foreach (var descriptor in descriptors)
        {
            byId.Add((DiagnosticId)int.Parse(descriptor.Id.Substring(4), System.Globalization.CultureInfo.InvariantCulture), descriptor);
        }

        return byId;
    }
}

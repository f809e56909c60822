using Wiro.Generator.Model;

namespace Wiro.Generator.Parsing;

/// <summary>Builds the parser's diagnostics; ids and message arguments match <c>DiagnosticDescriptors</c>.</summary>
internal static class Diagnose
{
    public static DiagnosticInfo MissingRunEndpoint(LocationInfo at) => Make("WIRO001", at);

    public static DiagnosticInfo MissingInputsSection(LocationInfo at) => Make("WIRO002", at);

    public static DiagnosticInfo UnknownInputType(LocationInfo at, string name, string typeName) => Make("WIRO003", at, name, typeName);

    public static DiagnosticInfo Truncated(LocationInfo at, string reason) => Make("WIRO004", at, reason);

    public static DiagnosticInfo MalformedInput(LocationInfo at, string reason) => Make("WIRO005", at, reason);

    public static DiagnosticInfo DuplicateInput(LocationInfo at, string name) => Make("WIRO007", at, name);

    public static DiagnosticInfo NotASpec(LocationInfo at) => Make("WIRO009", at);

    public static DiagnosticInfo StatusMeaningChanged(LocationInfo at, string status, string listedAs, string because, string treatedAs)
        => Make("WIRO013", at, status, listedAs, because, treatedAs);

    public static DiagnosticInfo InternalError(LocationInfo at, string reason) => Make("WIRO012", at, reason);

    private static DiagnosticInfo Make(string id, LocationInfo at, params string[] args) => new(id, at, args.ToEquatableArray());
}


namespace Wiro.Specs;

/// <summary>Builds the parser's diagnostics; ids and message arguments match <c>DiagnosticDescriptors</c>.</summary>
internal static class Diagnose
{
    public static DiagnosticInfo MissingRunEndpoint(LocationInfo at) => Make(DiagnosticId.MissingRunEndpoint, at);

    public static DiagnosticInfo MissingInputsSection(LocationInfo at) => Make(DiagnosticId.MissingInputsSection, at);

    public static DiagnosticInfo UnknownInputType(LocationInfo at, string name, string typeName) => Make(DiagnosticId.UnknownInputType, at, name, typeName);

    public static DiagnosticInfo Truncated(LocationInfo at, string reason) => Make(DiagnosticId.TruncatedSpec, at, reason);

    public static DiagnosticInfo MalformedInput(LocationInfo at, string reason) => Make(DiagnosticId.MalformedInput, at, reason);

    public static DiagnosticInfo DuplicateInput(LocationInfo at, string name) => Make(DiagnosticId.DuplicateInput, at, name);

    public static DiagnosticInfo NotASpec(LocationInfo at) => Make(DiagnosticId.NotASpec, at);

    public static DiagnosticInfo StatusMeaningChanged(LocationInfo at, string status, string listedAs, string because, string treatedAs)
        => Make(DiagnosticId.StatusMeaningChanged, at, status, listedAs, because, treatedAs);

    public static DiagnosticInfo UnusableRunEndpoint(LocationInfo at, string endpoint, string part, string segment, string problem)
        => Make(DiagnosticId.UnusableRunEndpoint, at, endpoint, part, segment, problem);

    public static DiagnosticInfo InternalError(LocationInfo at, string reason) => Make(DiagnosticId.InternalError, at, reason);

    private static DiagnosticInfo Make(DiagnosticId id, LocationInfo at, params string[] args) => DiagnosticInfo.Create(id, at, args);
}

namespace Wiro.Specs;

/// <summary>
/// The generator's diagnostics, by number: <c>WIRO001</c> is <see cref="MissingRunEndpoint"/>. A typed id, so a
/// mistyped one is a compile error in the generator, never an unknown id when a diagnostic is reported.
/// </summary>
public enum DiagnosticId
{
    MissingRunEndpoint = 1,
    MissingInputsSection = 2,
    UnknownInputType = 3,
    TruncatedSpec = 4,
    MalformedInput = 5,
    TypeNameCollision = 6,
    DuplicateInput = 7,
    InvalidDefault = 8,
    NotASpec = 9,
    InvalidTypeNameOption = 10,
    InvalidOption = 11,
    InternalError = 12,
    StatusMeaningChanged = 13,
    NameChanged = 14,
    DuplicateWireKey = 15,
    AmbiguousCore = 16,
    UnusableRunEndpoint = 17,
    LookAlikeWireKey = 18,
    UnreadableDetail = 19,
    InvalidDetailValue = 20,
    UnknownDetailInput = 21,
    OutdatedAIAbstractions = 22,
}

public static class DiagnosticIdText
{
    /// <summary>The id as users see it: <c>WIRO</c> and three digits.</summary>
    public static string ToText(this DiagnosticId id) => "WIRO" + ((int)id).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}

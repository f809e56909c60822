namespace Wiro.Specs;

/// <summary>A diagnostic found while parsing or modelling a spec, kept value-equal for caching.</summary>
/// <param name="Code">Which diagnostic; its descriptor is <c>DiagnosticDescriptors.For(Code)</c>.</param>
/// <param name="Location">Where in the spec file; null only for project-wide problems such as an invalid option.</param>
public sealed record DiagnosticInfo(DiagnosticId Code, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    /// <summary>The id users see, such as <c>WIRO004</c>.</summary>
    public string Id => Code.ToText();

    public static DiagnosticInfo Create(DiagnosticId code, LocationInfo? location, params string[] messageArgs)
        => new(code, location, messageArgs.ToEquatableArray());
}

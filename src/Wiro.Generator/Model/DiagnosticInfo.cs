namespace Wiro.Generator.Model;

/// <summary>A diagnostic found while parsing or modelling a spec, kept value-equal for caching.</summary>
/// <param name="Id">A <c>WIRO</c> id from <c>DiagnosticDescriptors</c>.</param>
/// <param name="Location">Where in the spec file; null only for project-wide problems such as an invalid option.</param>
public sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs);

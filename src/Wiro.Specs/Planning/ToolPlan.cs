
namespace Wiro.Specs;

/// <summary>
/// The C# shape of one tool, decided once in typed values so that emitters only write text: names, properties,
/// enums. Value-equal, so an edit that does not change the shape leaves the emitted code cached.
/// </summary>
/// <param name="Names">The tool's names: as its spec asks until the claims over all specs give the final ones.</param>
/// <param name="NameIsPinned">True when <c>WiroTypeName</c> set the stem.</param>
/// <param name="OverridesHasLocalFiles">True when some property can hold a local file.</param>
public sealed record ToolPlan(
    string FilePath,
    ToolNames Names,
    bool NameIsPinned,
    string ToolName,
    string Owner,
    string Slug,
    string Description,
    EquatableArray<PropertyPlan> Properties,
    EquatableArray<EnumPlan> Enums,
    bool OverridesHasLocalFiles);

/// <summary>How a property's value goes on the wire; decides its C# type and the writer call.</summary>
public enum ValueShape
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Enum,
    StringList,
    File,
    FileList,
}

/// <summary>One request property.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="InputName">The spec input it stands for, as the page names it.</param>
/// <param name="WireName">The key sent to Wiro (for a file input, the URL key, e.g. <c>maskUrl</c>).</param>
/// <param name="FilePartName">For <see cref="ValueShape.File"/>, the multipart part that carries a local file's bytes.</param>
/// <param name="EnumIndex">For <see cref="ValueShape.Enum"/>, the index of its enum in <see cref="ToolPlan.Enums"/>; else -1.</param>
/// <param name="IsNullable">True when the property starts empty; an empty input is sent as Wiro's form sends it, <c>""</c>.</param>
/// <param name="Default">The spec default the property starts at.</param>
/// <param name="Docs">What the property's XML docs say, raw (escaped by the emitter).</param>
public sealed record PropertyPlan(
    string Name,
    string InputName,
    string WireName,
    string? FilePartName,
    ValueShape Shape,
    int EnumIndex,
    bool IsNullable,
    PropertyDefault Default,
    PropertyDocs Docs)
{
    /// <summary>
    /// What Tool/Detail says about the input (required flag, <c>min</c>, <c>max</c>, <c>step</c>), as read from the
    /// tool's <c>.wiro.json</c>; <see cref="InputConstraints.None"/> without one. A JSON schema of the request reads
    /// <c>Constraints.IsRequired</c>, <c>Constraints.Minimum</c>, <c>Constraints.Maximum</c> and <c>Constraints.Step</c> here.
    /// </summary>
    public InputConstraints Constraints { get; init; } = InputConstraints.None;

    /// <summary>
    /// True when the property is a C# <c>required</c> member: Tool/Detail marks the input required and the spec gives
    /// it no default (<see cref="DefaultKind.None"/>). Such a property is not nullable and has no initializer. A
    /// required input with a default stays optional and starts at that default, which already satisfies Wiro.
    /// </summary>
    public bool IsRequiredMember { get; init; }
}

/// <summary>What a property starts at, as a typed value; Emitting turns it into a C# expression.</summary>
/// <param name="Text">The value: a string, an invariant number, <c>true</c>/<c>false</c>, an enum member name or a URL.</param>
/// <param name="Items">For <see cref="DefaultKind.StringList"/>, the items.</param>
public sealed record PropertyDefault(DefaultKind Kind, string Text, EquatableArray<string> Items)
{
    public static readonly PropertyDefault None = new(DefaultKind.None, "", EquatableArray<string>.Empty);

    public static PropertyDefault Of(DefaultKind kind, string text) => new(kind, text, EquatableArray<string>.Empty);
}

/// <summary>The kinds of <see cref="PropertyDefault"/>.</summary>
public enum DefaultKind
{
    /// <summary>No initializer: the property starts at null (or an empty list).</summary>
    None,
    String,
    Int32,
    Int64,
    /// <summary>A finite double, written in round-trip form.</summary>
    Double,
    Boolean,
    /// <summary>The enum member named by the text, in the property's enum.</summary>
    EnumMember,
    /// <summary>An absolute http(s) URL for a file input.</summary>
    FileUrl,
    StringList,
}

/// <summary>The raw text of a property's docs.</summary>
/// <param name="Summary">Label and help from the spec.</param>
/// <param name="SpecType">The spec's type as written, e.g. <c>textarea</c>.</param>
/// <param name="SpecDefault">The spec's default as written; empty when none.</param>
/// <param name="Options">Values the spec lists for a property that is not an enum (a multiselect, a text with options).</param>
public sealed record PropertyDocs(string Summary, string SpecType, string SpecDefault, EquatableArray<string> Options);

/// <summary>A generated enum for one select input; its type name is in <see cref="ToolNames.Enums"/>.</summary>
public sealed record EnumPlan(string InputName, string Summary, EquatableArray<EnumMemberPlan> Members);

/// <summary>One enum member and the exact wire value it stands for.</summary>
public sealed record EnumMemberPlan(string Name, string WireValue, string Summary);

using Wiro.Generator.Model;

namespace Wiro.Generator.Planning;

/// <summary>
/// The C# shape of one tool, decided once so emitters only write text: type names, properties, enums.
/// Value-equal, so an edit that does not change the shape leaves the emitted code cached.
/// </summary>
/// <param name="TypeName">The tool's type-name stem, e.g. <c>LtxVideoText2Video</c>.</param>
/// <param name="OverridesHasLocalFiles">True when some property can hold a local file.</param>
public sealed record ToolPlan(
    string FilePath,
    string TypeName,
    string RequestTypeName,
    string ClientTypeName,
    string WireValuesTypeName,
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
/// <param name="WireName">The parameter name sent to Wiro.</param>
/// <param name="EnumTypeName">For <see cref="ValueShape.Enum"/>, the generated enum's name.</param>
/// <param name="IsNullable">True when the property starts empty and is only sent once set.</param>
/// <param name="Initializer">A C# expression for the spec default, or null when the property starts empty.</param>
/// <param name="Summary">Doc summary text, raw (escaped by the emitter).</param>
/// <param name="Remarks">Doc remarks text, raw.</param>
public sealed record PropertyPlan(
    string Name,
    string WireName,
    ValueShape Shape,
    string? EnumTypeName,
    bool IsNullable,
    string? Initializer,
    string Summary,
    string Remarks);

/// <summary>A generated enum for one select input.</summary>
public sealed record EnumPlan(string TypeName, string InputName, string Summary, EquatableArray<EnumMemberPlan> Members);

/// <summary>One enum member and the exact wire value it stands for.</summary>
public sealed record EnumMemberPlan(string Name, string WireValue, string Summary);

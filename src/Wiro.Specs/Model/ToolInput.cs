namespace Wiro.Specs;

/// <summary>One input of a tool, with its keys in the page's fixed order.</summary>
/// <param name="Name">The wire name, e.g. <c>numFrames</c>.</param>
/// <param name="TypeName">The type exactly as written, e.g. <c>textarea</c>; <see cref="Kind"/> is its meaning.</param>
/// <param name="Default">The default text exactly as written (only the spaces and line breaks around it removed); empty when blank.</param>
/// <param name="Options">The options of select-like inputs, in page order.</param>
/// <param name="Location">Where the input starts in the spec file.</param>
/// <remarks><see cref="Constraints"/> come from the tool's Tool/Detail file when one is beside the page
/// (<see cref="DetailReader.Apply"/>); a page alone has none.</remarks>
public sealed record ToolInput(
    string Name,
    string Label,
    string Help,
    string TypeName,
    InputKind Kind,
    string Default,
    EquatableArray<SelectOption> Options,
    LocationInfo? Location)
{
    /// <summary>Required flag, range and step from Tool/Detail; <see cref="InputConstraints.None"/> without a detail file.</summary>
    public InputConstraints Constraints { get; init; } = InputConstraints.None;
}

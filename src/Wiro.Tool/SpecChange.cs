namespace Wiro.Tool;

/// <summary>One difference between two versions of a tool's spec, as it affects code written against the generated client.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Text">What to print, naming the input and the old and new values.</param>
/// <param name="IsBreaking">True when code that compiled against the old spec may no longer compile.</param>
public sealed record SpecChange(SpecChangeKind Kind, string Text, bool IsBreaking);

/// <summary>The kinds of <see cref="SpecChange"/>.</summary>
public enum SpecChangeKind
{
    /// <summary>The Run endpoint (owner or slug) changed; breaking when the generated type names follow it.</summary>
    EndpointChanged,

    /// <summary>A new input: a new property with its default; nothing breaks.</summary>
    InputAdded,

    /// <summary>An input is gone, and its property with it: breaking.</summary>
    InputRemoved,

    /// <summary>An input's spec type changed; breaking when its property's C# type changes.</summary>
    InputRetyped,

    /// <summary>A select gained an option: a new enum member; nothing breaks.</summary>
    OptionAdded,

    /// <summary>A select lost an option; breaking when its enum member is gone.</summary>
    OptionRemoved,

    /// <summary>An option kept its value but its enum member is named otherwise (a relabel, or labels that now collide): breaking.</summary>
    OptionRenamed,

    /// <summary>A property is sent under another key: code compiles, Wiro reads it elsewhere; not breaking.</summary>
    WireKeyChanged,

    /// <summary>An input's default changed: properties start at another value; nothing breaks.</summary>
    DefaultChanged,
}

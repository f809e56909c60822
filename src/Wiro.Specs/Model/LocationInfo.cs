namespace Wiro.Specs;

/// <summary>
/// A place in a spec file as plain values, so it can cross the pipeline and the model stays free of Roslyn types
/// (the emulator reads specs with the same parser); it becomes a Roslyn <c>Location</c> only when reported.
/// </summary>
public sealed record LocationInfo(string FilePath, TextRange Span, LineRange LineSpan);

/// <summary>Offsets into the spec text, end exclusive.</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>Zero-based start and end line positions.</summary>
public readonly record struct LineRange(LinePoint Start, LinePoint End);

/// <summary>A zero-based line and character in a spec file.</summary>
public readonly record struct LinePoint(int Line, int Character);

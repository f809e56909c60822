namespace Wiro.Specs;

/// <summary>The input types a Wiro spec page declares (the <c>type:</c> key of an input).</summary>
public enum InputKind
{
    /// <summary>A type this generator does not know; generated as a string with a warning.</summary>
    Unknown,
    Text,
    TextArea,
    Number,
    Float,
    Range,
    Select,
    MultiSelect,
    SelectWithCover,
    Checkbox,
    FileInput,
    MultiFileInput,
    CombineFileInput,
}

using System;

namespace Wiro.Specs;

/// <summary>The meaning of an input's <c>type:</c> text, compared without case.</summary>
internal static class InputKinds
{
    public static InputKind FromTypeName(string typeName)
    {
        switch (typeName.ToLowerInvariant())
        {
            case "text": return InputKind.Text;
            case "textarea": return InputKind.TextArea;
            case "number": return InputKind.Number;
            case "float": return InputKind.Float;
            case "range": return InputKind.Range;
            case "select": return InputKind.Select;
            case "multiselect": return InputKind.MultiSelect;
            case "selectwithcover": return InputKind.SelectWithCover;
            case "checkbox": return InputKind.Checkbox;
            case "fileinput": return InputKind.FileInput;
            case "multifileinput": return InputKind.MultiFileInput;
            case "combinefileinput": return InputKind.CombineFileInput;
            default: return InputKind.Unknown;
        }
    }
}

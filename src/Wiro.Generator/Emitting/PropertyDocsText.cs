using System.Collections.Generic;
using Wiro.Generator.Planning;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>The raw remarks of a request property, written from the same plan values the wire code uses.</summary>
internal static class PropertyDocsText
{
    public static string Remarks(PropertyPlan property)
    {
        var docs = property.Docs;
        var text = "Sent as \u201c" + property.WireName + "\u201d";
        if (property.FilePartName is { } part && part != property.WireName)
        {
            text += " (a local file\u2019s bytes go in part \u201c" + part + "\u201d)";
        }

        text += " (spec type \u201c" + docs.SpecType + "\u201d).";
        if (docs.SpecDefault.Length > 0)
        {
            text += " Spec default: \u201c" + docs.SpecDefault + "\u201d.";
        }

        if (docs.Options.Count > 0)
        {
            var values = new List<string>(docs.Options.Count);
            foreach (var option in docs.Options)
            {
                values.Add("\u201c" + option + "\u201d");
            }

            text += " Options: " + string.Join(", ", values) + ".";
        }

        if (property.Shape == ValueShape.File)
        {
            text += " Set a URL, or a local file with WiroFile.FromPath / FromStream to upload it with the run.";
        }

        var constraints = property.Constraints;
        if (property.IsRequiredMember)
        {
            text += " Required by Wiro (Tool/Detail): set it; an empty value is refused.";
        }
        else if (constraints.IsRequired)
        {
            text += " Required by Wiro (Tool/Detail); starts at the spec default, which satisfies it.";
        }
        else if (property.Default.Kind == DefaultKind.None && (property.IsNullable || property.Shape is ValueShape.StringList or ValueShape.FileList))
        {
            text += " Sent empty until set, as Wiro\u2019s own form sends it.";
        }

        if (constraints.RangeText() is { Length: > 0 } range)
        {
            text += " " + range;
        }

        return text;
    }
}

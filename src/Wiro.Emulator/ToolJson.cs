using System.Text.Json;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// The tool objects of Tool/List and Tool/Detail, shaped like Wiro's (see the docs' tool-detail and tool-list
/// answers), built from what a spec page says. A page has no price, stats or <c>required</c> flags, so those are
/// left out, unless a Tool/Detail file beside the spec gives <c>required</c>, <c>min</c>, <c>max</c> and <c>step</c>;
/// Tool/Detail's <c>parameters</c> hold one group with every input.
/// </summary>
internal static class ToolJson
{
    public static void WriteTool(Utf8JsonWriter w, ToolSpec spec, int id, bool detail)
    {
        w.WriteStartObject();
        w.WriteString("id", (1000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("title", Title(spec));
        w.WriteString("slugowner", spec.Owner);
        w.WriteString("slugproject", spec.Slug);
        w.WriteString("cleanslugowner", Clean(spec.Owner));
        w.WriteString("cleanslugproject", Clean(spec.Slug));
        w.WriteString("description", spec.Description);
        w.WriteString("image", spec.Cover);
        WriteStrings(w, "categories", spec.Categories);
        WriteStrings(w, "tags", spec.Tags);
        if (detail)
        {
            w.WriteString("readme", spec.Description);
            w.WritePropertyName("parameters");
            WriteParameters(w, spec);
        }

        w.WriteEndObject();
    }

    /// <summary>True when <paramref name="spec"/> passes Tool/List's <c>search</c> and <c>categories</c> filters.</summary>
    public static bool Matches(ToolSpec spec, string? search, IReadOnlyCollection<string> categories)
    {
        if (categories.Count > 0 && !spec.Categories.Any(category => categories.Contains(category, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(search)
            || new[] { spec.Owner, spec.Slug, spec.ToolName, spec.Description }.Any(text => text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The display name without its owner: <c>wiroai/LTX-Video-Text2Video</c> gives <c>LTX-Video-Text2Video</c>.</summary>
    private static string Title(ToolSpec spec)
    {
        var name = spec.ToolName.Length > 0 ? spec.ToolName : spec.Slug;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? name[(slash + 1)..] : name;
    }

    /// <summary>The lowercase, dash-separated form Wiro's clean slugs take (<c>Virtual Try-On</c> gives <c>virtual-try-on</c>).</summary>
    private static string Clean(string slug) => slug.Trim().Replace(' ', '-').ToLowerInvariant();

    private static void WriteParameters(Utf8JsonWriter w, ToolSpec spec)
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("title", "Input");
        w.WriteStartArray("items");
        foreach (var input in spec.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("id", input.Name);
            w.WriteString("type", input.TypeName);
            w.WriteString("label", input.Label);
            w.WriteString("note", input.Help);
            w.WriteString("default", input.Default);
            WriteConstraints(w, input.Constraints);
            if (input.Options.Count > 0)
            {
                w.WriteStartArray("options");
                foreach (var option in input.Options)
                {
                    w.WriteStartObject();
                    w.WriteString("label", option.Label);
                    w.WriteString("value", option.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>Tool/Detail's <c>required</c>, <c>min</c>, <c>max</c> and <c>step</c>, from the detail file beside the spec; left out without one.</summary>
    private static void WriteConstraints(Utf8JsonWriter w, InputConstraints constraints)
    {
        if (constraints.IsEmpty)
        {
            return;
        }

        w.WriteBoolean("required", constraints.IsRequired);
        if (constraints.Minimum is { } min)
        {
            w.WriteNumber("min", min);
        }

        if (constraints.Maximum is { } max)
        {
            w.WriteNumber("max", max);
        }

        if (constraints.Step is { } step)
        {
            w.WriteNumber("step", step);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}

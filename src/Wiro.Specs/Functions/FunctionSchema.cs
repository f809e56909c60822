using System.Collections.Generic;
using System.Text;

namespace Wiro.Specs;

/// <summary>
/// The JSON Schema of a tool's arguments, written by hand (every string through <see cref="JsonText"/>):
/// <c>"type":"object"</c>, one property per input under its wire key (<see cref="WireKeys"/>, as the typed request
/// sends it), <c>"additionalProperties":false</c>.
/// </summary>
/// <remarks>
/// Per input: <c>type</c> from its C# shape (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c>
/// of strings); a select's <c>enum</c> of its exact wire values (labels in the <c>description</c>); a multiselect's
/// <c>items.enum</c>; <c>"format":"uri"</c> for a file input (a URL) and a text input that holds a URL; <c>default</c>
/// where the page gives one, typed, and left out when it would not validate against the input's own schema;
/// <c>description</c> from the label and help. An input not given is sent as a default typed request sends it, so an
/// input is <c>required</c> only where its Tool/Detail file says so and the page gives no default (the same rule that
/// makes a C# <c>required</c> member); a number's <c>minimum</c>/<c>maximum</c> come from that file too.
/// </remarks>
public static class FunctionSchema
{
    public static string Write(ToolSpec spec, ToolPlan plan, EquatableArray<FunctionInputPlan> inputs)
    {
        var byName = new Dictionary<string, ToolInput>(System.StringComparer.Ordinal);
        foreach (var input in spec.Inputs)
        {
            if (!byName.ContainsKey(input.Name))
            {
                byName.Add(input.Name, input);
            }
        }

        var json = new StringBuilder(256 + 128 * inputs.Count);
        json.Append("{\"type\":\"object\",\"properties\":{");
        for (var i = 0; i < inputs.Count; i++)
        {
            var property = plan.Properties[i];
            byName.TryGetValue(property.InputName, out var input);
            if (i > 0)
            {
                json.Append(',');
            }

            JsonText.AppendString(json, inputs[i].Key);
            json.Append(':');
            WriteProperty(json, inputs[i], property, input);
        }

        json.Append('}');
        var required = Required(plan, inputs);
        if (required.Count > 0)
        {
            json.Append(",\"required\":[");
            for (var i = 0; i < required.Count; i++)
            {
                json.Append(i > 0 ? "," : "");
                JsonText.AppendString(json, required[i]);
            }

            json.Append(']');
        }

        json.Append(",\"additionalProperties\":false}");
        return json.ToString();
    }

    private static void WriteProperty(StringBuilder json, FunctionInputPlan function, PropertyPlan property, ToolInput? input)
    {
        json.Append('{');
        switch (function.Kind)
        {
            case FunctionInputKind.Integer:
                json.Append("\"type\":\"integer\"");
                break;
            case FunctionInputKind.Number:
                json.Append("\"type\":\"number\"");
                break;
            case FunctionInputKind.Boolean:
                json.Append("\"type\":\"boolean\"");
                break;
            case FunctionInputKind.FileUrl:
                json.Append("\"type\":\"string\",\"format\":\"uri\"");
                break;
            case FunctionInputKind.StringList:
                json.Append("\"type\":\"array\",\"items\":{\"type\":\"string\"");
                if (function.AllowedValues.Count > 0)
                {
                    json.Append(',');
                    WriteEnum(json, function.AllowedValues);
                }

                json.Append('}');
                break;
            case FunctionInputKind.FileUrlList:
                json.Append("\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"uri\"}");
                break;
            default:
                json.Append("\"type\":\"string\"");
                if (FunctionPlanner.IsPlainUrl(function))
                {
                    json.Append(",\"format\":\"uri\"");
                }

                if (function.AllowedValues.Count > 0)
                {
                    json.Append(',');
                    WriteEnum(json, function.AllowedValues);
                }

                break;
        }

        json.Append(",\"description\":");
        JsonText.AppendString(json, Description(property, input));
        WriteDefault(json, function);
        WriteBounds(json, function, property.Constraints);
        json.Append('}');
    }

    private static void WriteEnum(StringBuilder json, EquatableArray<string> values)
    {
        json.Append("\"enum\":[");
        for (var i = 0; i < values.Count; i++)
        {
            json.Append(i > 0 ? "," : "");
            JsonText.AppendString(json, values[i]);
        }

        json.Append(']');
    }

    /// <summary>The page's default, typed; left out when there is none or it would not validate against the input's schema.</summary>
    private static void WriteDefault(StringBuilder json, FunctionInputPlan function)
    {
        if (function.Default is not { } text)
        {
            return;
        }

        switch (function.Kind)
        {
            case FunctionInputKind.Integer:
            case FunctionInputKind.Number:
                // Invariant numbers from the planner (round-trip form): JSON numbers as they are.
                json.Append(",\"default\":").Append(text);
                break;
            case FunctionInputKind.Boolean:
                json.Append(",\"default\":").Append(text == "true" ? "true" : "false");
                break;
            case FunctionInputKind.FileUrl:
                if (FunctionPlanner.IsHttpUrl(text))
                {
                    json.Append(",\"default\":");
                    JsonText.AppendString(json, text);
                }

                break;
            case FunctionInputKind.StringList:
                var items = text.Split(',');
                foreach (var item in items)
                {
                    if (function.AllowedValues.Count > 0 && !Contains(function.AllowedValues, item))
                    {
                        return;
                    }
                }

                json.Append(",\"default\":[");
                for (var i = 0; i < items.Length; i++)
                {
                    json.Append(i > 0 ? "," : "");
                    JsonText.AppendString(json, items[i]);
                }

                json.Append(']');
                break;
            case FunctionInputKind.String:
                if (FunctionPlanner.IsPlainUrl(function) ? FunctionPlanner.IsHttpUrl(text) : function.AllowedValues.Count == 0 || Contains(function.AllowedValues, text))
                {
                    json.Append(",\"default\":");
                    JsonText.AppendString(json, text);
                }

                break;
        }
    }

    /// <summary>A number's range from its Tool/Detail file; nothing for other kinds or when the file gives none.</summary>
    private static void WriteBounds(StringBuilder json, FunctionInputPlan function, InputConstraints constraints)
    {
        if (function.Kind is not (FunctionInputKind.Integer or FunctionInputKind.Number))
        {
            return;
        }

        if (constraints.Minimum is { } minimum)
        {
            json.Append(",\"minimum\":").Append(InputConstraints.Number(minimum));
        }

        if (constraints.Maximum is { } maximum)
        {
            json.Append(",\"maximum\":").Append(InputConstraints.Number(maximum));
        }
    }

    /// <summary>The keys a call must give: required by Tool/Detail and without a page default (else the default is sent).</summary>
    private static List<string> Required(ToolPlan plan, EquatableArray<FunctionInputPlan> inputs)
    {
        var required = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (plan.Properties[i].IsRequiredMember)
            {
                required.Add(inputs[i].Key);
            }
        }

        return required;
    }

    /// <summary>Label and help, then a select's options as <c>value (label)</c> where the label says more than the value.</summary>
    private static string Description(PropertyPlan property, ToolInput? input)
    {
        var text = new StringBuilder(FunctionDescription.Collapse(property.Docs.Summary));
        if (input is null || input.Options.Count == 0 || property.Shape is not (ValueShape.Enum or ValueShape.StringList or ValueShape.String))
        {
            return text.ToString();
        }

        var labelled = new List<string>();
        foreach (var option in input.Options)
        {
            var label = FunctionDescription.Collapse(option.Label);
            if (label.Length > 0 && label != option.Value)
            {
                labelled.Add(option.Value + " (" + label + ")");
            }
        }

        if (labelled.Count > 0)
        {
            text.Append(text.Length > 0 ? ". " : "").Append("Options: ").Append(string.Join(", ", labelled));
        }
        else if (property.Shape == ValueShape.String)
        {
            // Options a string input lists (no enum: it takes any text) are still worth a model's reading.
            var values = new List<string>();
            foreach (var option in input.Options)
            {
                values.Add(option.Value);
            }

            text.Append(text.Length > 0 ? ". " : "").Append("Suggested: ").Append(string.Join(", ", values));
        }

        return text.ToString();
    }

    private static bool Contains(EquatableArray<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (candidate == value)
            {
                return true;
            }
        }

        return false;
    }
}

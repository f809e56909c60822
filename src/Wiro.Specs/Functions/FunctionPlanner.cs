using System;
using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>
/// Makes a tool's <see cref="FunctionPlan"/> from its spec and plan (<see cref="ToolPlanner"/>): the same value in the
/// generator and in anything that plans a page at run time.
/// </summary>
public static class FunctionPlanner
{
    public static FunctionPlan Plan(ToolSpec spec, ToolPlan plan)
    {
        var inputs = Inputs(plan);
        return new FunctionPlan(
            FunctionName.Of(plan.Owner, plan.Slug),
            FunctionDescription.Of(spec),
            FunctionDescription.TitleOf(spec),
            FunctionSchema.Write(spec, plan, inputs),
            plan.Owner,
            plan.Slug,
            inputs);
    }

    /// <summary>One input per request property, in order, with the kind its C# shape calls for.</summary>
    public static EquatableArray<FunctionInputPlan> Inputs(ToolPlan plan)
    {
        var inputs = new FunctionInputPlan[plan.Properties.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = Input(plan, plan.Properties[i]);
        }

        return inputs.ToEquatableArray();
    }

    private static FunctionInputPlan Input(ToolPlan plan, PropertyPlan property)
    {
        var none = EquatableArray<string>.Empty;
        var text = property.Default.Kind == DefaultKind.None ? null : property.Default.Text;
        switch (property.Shape)
        {
            case ValueShape.Int32:
            case ValueShape.Int64:
                return new FunctionInputPlan(property.WireName, FunctionInputKind.Integer, text, none);
            case ValueShape.Double:
                return new FunctionInputPlan(property.WireName, FunctionInputKind.Number, text, none);
            case ValueShape.Boolean:
                return new FunctionInputPlan(property.WireName, FunctionInputKind.Boolean, text, none);
            case ValueShape.Enum:
                var members = plan.Enums[property.EnumIndex].Members;
                var values = new string[members.Count];
                string? wireDefault = null;
                for (var m = 0; m < values.Length; m++)
                {
                    values[m] = members[m].WireValue;
                    if (property.Default.Kind == DefaultKind.EnumMember && members[m].Name == property.Default.Text)
                    {
                        wireDefault = members[m].WireValue;
                    }
                }

                return new FunctionInputPlan(property.WireName, FunctionInputKind.String, wireDefault, values.ToEquatableArray());
            case ValueShape.StringList:
                var items = property.Default.Kind == DefaultKind.StringList ? string.Join(",", property.Default.Items) : null;
                return new FunctionInputPlan(property.WireName, FunctionInputKind.StringList, items, property.Docs.Options);
            case ValueShape.File:
                return new FunctionInputPlan(property.WireName, FunctionInputKind.FileUrl, text, none);
            case ValueShape.FileList:
                return new FunctionInputPlan(property.WireName, FunctionInputKind.FileUrlList, null, none);
            default:
                return new FunctionInputPlan(property.WireName, FunctionInputKind.String, text, none);
        }
    }

    /// <summary>
    /// A text input named <c>xUrl</c> beside an input <c>x</c> holds a plain URL (<see cref="WireKeys"/>): a string sent
    /// as written, whose schema says <c>"format":"uri"</c>.
    /// </summary>
    public static bool IsPlainUrl(FunctionInputPlan input)
        => input.Kind == FunctionInputKind.String && input.AllowedValues.Count == 0
           && input.Key.Length > 3 && input.Key.EndsWith("Url", StringComparison.Ordinal);

    /// <summary>True when <paramref name="text"/> is an absolute http or https URL, as a URL argument must be.</summary>
    public static bool IsHttpUrl(string text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http");
}

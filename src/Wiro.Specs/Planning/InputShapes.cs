using System;
using System.Collections.Generic;
using System.Globalization;

namespace Wiro.Specs;

/// <summary>What one spec input becomes: a request property, the enum of a select, and a diagnostic about its default.</summary>
internal sealed record InputShape(PropertyPlan Property, EnumPlan? Enum, DiagnosticInfo? Diagnostic);

/// <summary>
/// Maps one spec input to a request property: its C# shape, its starting value (the spec default) and its docs.
/// </summary>
internal static class InputShapes
{
    /// <param name="wire">The input's keys, from <see cref="WireKeys.Of"/>.</param>
    /// <param name="enumIndex">The index the input's enum takes in the plan, should it be a select.</param>
    public static InputShape Plan(ToolInput input, WireKey wire, string propertyName, int enumIndex)
    {
        var docs = new PropertyDocs(Summary(input), input.TypeName, input.Default, EquatableArray<string>.Empty);
        var property = new PropertyPlan(propertyName, input.Name, wire.Key, null, ValueShape.String, -1, true, PropertyDefault.None, docs);
        switch (input.Kind)
        {
            case InputKind.Number:
                return Number(input, property);
            case InputKind.Float:
            case InputKind.Range:
                return Real(input, property);
            case InputKind.Select when input.Options.Count > 0:
                return IsBoolean(input) ? Boolean(input, property) : Enum(input, property, enumIndex);
            case InputKind.MultiSelect:
                var items = SplitList(input.Default);
                return Shape(property with
                {
                    Shape = ValueShape.StringList,
                    IsNullable = false,
                    Default = items.Count == 0 ? PropertyDefault.None : new PropertyDefault(DefaultKind.StringList, "", items.ToEquatableArray()),
                    Docs = docs with { Options = OptionValues(input) },
                });
            case InputKind.CombineFileInput:
            case InputKind.MultiFileInput:
                return Shape(property with { Shape = ValueShape.FileList, IsNullable = false });
            case InputKind.FileInput:
            case InputKind.Text when wire.FilePart is not null:
                return File(input, property, wire);
            default:
                // text, textarea, checkbox, selectwithcover, a select without options and unknown types:
                // strings sent as written.
                var isEmpty = input.Default.Length == 0;
                return Shape(property with
                {
                    IsNullable = isEmpty,
                    Default = isEmpty ? PropertyDefault.None : PropertyDefault.Of(DefaultKind.String, input.Default),
                    Docs = docs with { Options = OptionValues(input) },
                });
        }
    }

    private static InputShape File(ToolInput input, PropertyPlan property, WireKey wire)
    {
        var isUrl = Uri.TryCreate(input.Default, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http");
        return Shape(property with
        {
            WireName = wire.Key,
            FilePartName = wire.FilePart,
            Shape = ValueShape.File,
            Default = isUrl ? PropertyDefault.Of(DefaultKind.FileUrl, input.Default) : PropertyDefault.None,
        });
    }

    private static InputShape Number(ToolInput input, PropertyPlan property)
    {
        var text = Unquote(input.Default);
        if (text.Length == 0)
        {
            return Shape(property with { Shape = ValueShape.Int32 });
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            var fitsInt = whole >= int.MinValue && whole <= int.MaxValue;
            return Shape(property with
            {
                Shape = fitsInt ? ValueShape.Int32 : ValueShape.Int64,
                IsNullable = false,
                Default = PropertyDefault.Of(fitsInt ? DefaultKind.Int32 : DefaultKind.Int64, whole.ToString(CultureInfo.InvariantCulture)),
            });
        }

        if (TryParseReal(text, out var real))
        {
            return Shape(property with { Shape = ValueShape.Double, IsNullable = false, Default = RealDefault(real) });
        }

        return new InputShape(property with { Shape = ValueShape.Int32 }, null, InvalidDefault(input, "number"));
    }

    private static InputShape Real(ToolInput input, PropertyPlan property)
    {
        var text = Unquote(input.Default);
        if (TryParseReal(text, out var real))
        {
            return Shape(property with { Shape = ValueShape.Double, IsNullable = false, Default = RealDefault(real) });
        }

        return new InputShape(property with { Shape = ValueShape.Double }, null,
            text.Length > 0 ? InvalidDefault(input, "number") : null);
    }

    /// <summary>Selects whose only values are "true"/"false" are booleans (still sent as those strings).</summary>
    private static bool IsBoolean(ToolInput input)
    {
        foreach (var option in input.Options)
        {
            if (option.Value != "true" && option.Value != "false")
            {
                return false;
            }
        }

        return true;
    }

    private static InputShape Boolean(ToolInput input, PropertyPlan property)
    {
        var text = Unquote(input.Default).ToLowerInvariant();
        if (text is "true" or "false")
        {
            return Shape(property with { Shape = ValueShape.Boolean, IsNullable = false, Default = PropertyDefault.Of(DefaultKind.Boolean, text) });
        }

        return new InputShape(property with { Shape = ValueShape.Boolean }, null,
            text.Length > 0 ? InvalidDefault(input, "true/false choice") : null);
    }

    private static InputShape Enum(ToolInput input, PropertyPlan property, int enumIndex)
    {
        var enumPlan = EnumPlanner.Plan(input);
        var defaultMember = EnumPlanner.FindDefault(input, enumPlan);
        var shaped = property with
        {
            Shape = ValueShape.Enum,
            EnumIndex = enumIndex,
            IsNullable = defaultMember is null,
            Default = defaultMember is null ? PropertyDefault.None : PropertyDefault.Of(DefaultKind.EnumMember, defaultMember.Name),
        };
        var diagnostic = defaultMember is null && Unquote(input.Default).Length > 0 ? InvalidDefault(input, "option of this select") : null;
        return new InputShape(shaped, enumPlan, diagnostic);
    }

    private static InputShape Shape(PropertyPlan property) => new(property, null, null);

    private static string Summary(ToolInput input)
    {
        var label = input.Label.Length > 0 ? input.Label : input.Name;
        return input.Help.Length > 0 && !string.Equals(input.Help, label, StringComparison.OrdinalIgnoreCase)
            ? label + ": " + input.Help
            : label;
    }

    private static EquatableArray<string> OptionValues(ToolInput input)
    {
        var values = new string[input.Options.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = input.Options[i].Value;
        }

        return values.ToEquatableArray();
    }

    private static List<string> SplitList(string text)
    {
        var items = new List<string>();
        foreach (var part in text.Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                items.Add(trimmed);
            }
        }

        return items;
    }

    /// <summary>Some pages quote a default (<c>default: "1"</c>); the quotes are not part of the value.</summary>
    internal static string Unquote(string text)
        => text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"' ? text.Substring(1, text.Length - 2) : text;

    private static bool TryParseReal(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
           && !double.IsNaN(value) && !double.IsInfinity(value);

    private static PropertyDefault RealDefault(double value)
        => PropertyDefault.Of(DefaultKind.Double, value.ToString("R", CultureInfo.InvariantCulture));

    private static DiagnosticInfo InvalidDefault(ToolInput input, string expected)
        => DiagnosticInfo.Create(DiagnosticId.InvalidDefault, input.Location, input.Name, input.Default, expected);
}

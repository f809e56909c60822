using System;
using System.Collections.Generic;
using System.Globalization;
using Wiro.Generator.Emitting;
using Wiro.Generator.Model;
using Wiro.Generator.Naming;

namespace Wiro.Generator.Planning;

/// <summary>
/// Maps one spec input to a request property: its C# shape, its starting value (the spec default) and its docs.
/// </summary>
internal static class InputShapes
{
    public static PropertyPlan Plan(
        ToolInput input, string propertyName, string toolStem, UniqueNames typeNames,
        List<EnumPlan> enums, List<DiagnosticInfo> diagnostics)
    {
        var remarks = Remarks(input);
        var summary = Summary(input);
        switch (input.Kind)
        {
            case InputKind.Number:
                return Number(input, propertyName, summary, remarks, diagnostics);
            case InputKind.Float:
            case InputKind.Range:
                return Real(input, propertyName, summary, remarks, diagnostics);
            case InputKind.Select when input.Options.Count > 0:
                return IsBoolean(input)
                    ? Boolean(input, propertyName, summary, remarks, diagnostics)
                    : Enum(input, propertyName, toolStem, typeNames, enums, summary, remarks, diagnostics);
            case InputKind.MultiSelect:
                return new PropertyPlan(propertyName, input.Name, ValueShape.StringList, null, false,
                    StringArray(SplitList(input.Default)), summary, remarks + OptionList(input));
            case InputKind.CombineFileInput:
            case InputKind.MultiFileInput:
                return new PropertyPlan(propertyName, input.Name, ValueShape.FileList, null, false,
                    "global::System.Array.Empty<WiroFile>()", summary, remarks);
            case InputKind.FileInput:
                return File(input, input.Name + "Url", propertyName, summary, remarks);
            case InputKind.Text when IsUrlInput(input.Name):
                return File(input, input.Name, propertyName, summary, remarks);
            default:
                // text, textarea, checkbox, selectwithcover, a select without options and unknown types:
                // strings sent as written.
                return Text(input, propertyName, summary, remarks + OptionList(input));
        }
    }

    /// <summary>Wiro shows a file input on its pages as a text input named <c>&lt;id&gt;Url</c>.</summary>
    private static bool IsUrlInput(string name)
        => name.Length > 3 && name.EndsWith("Url", StringComparison.Ordinal);

    private static PropertyPlan Text(ToolInput input, string name, string summary, string remarks)
    {
        var isEmpty = input.Default.Length == 0;
        return new PropertyPlan(name, input.Name, ValueShape.String, null, isEmpty,
            isEmpty ? null : Escape.StringLiteral(input.Default), summary, remarks);
    }

    private static PropertyPlan File(ToolInput input, string wireName, string name, string summary, string remarks)
    {
        var initializer = Uri.TryCreate(input.Default, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http")
            ? "WiroFile.FromUrl(" + Escape.StringLiteral(input.Default) + ")"
            : null;
        return new PropertyPlan(name, wireName, ValueShape.File, null, true, initializer, summary,
            remarks + " Set a URL, or a local file with WiroFile.FromPath / FromStream to upload it with the run.");
    }

    private static PropertyPlan Number(ToolInput input, string name, string summary, string remarks, List<DiagnosticInfo> diagnostics)
    {
        var text = Unquote(input.Default);
        if (text.Length == 0)
        {
            return new PropertyPlan(name, input.Name, ValueShape.Int32, null, true, null, summary, remarks);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            var fitsInt = whole >= int.MinValue && whole <= int.MaxValue;
            return new PropertyPlan(name, input.Name, fitsInt ? ValueShape.Int32 : ValueShape.Int64, null, false,
                whole.ToString(CultureInfo.InvariantCulture) + (fitsInt ? "" : "L"), summary, remarks);
        }

        if (TryParseReal(text, out var real))
        {
            return new PropertyPlan(name, input.Name, ValueShape.Double, null, false, RealLiteral(real), summary, remarks);
        }

        diagnostics.Add(InvalidDefault(input, "number"));
        return new PropertyPlan(name, input.Name, ValueShape.Int32, null, true, null, summary, remarks);
    }

    private static PropertyPlan Real(ToolInput input, string name, string summary, string remarks, List<DiagnosticInfo> diagnostics)
    {
        var text = Unquote(input.Default);
        if (TryParseReal(text, out var real))
        {
            return new PropertyPlan(name, input.Name, ValueShape.Double, null, false, RealLiteral(real), summary, remarks);
        }

        if (text.Length > 0)
        {
            diagnostics.Add(InvalidDefault(input, "number"));
        }

        return new PropertyPlan(name, input.Name, ValueShape.Double, null, true, null, summary, remarks);
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

    private static PropertyPlan Boolean(ToolInput input, string name, string summary, string remarks, List<DiagnosticInfo> diagnostics)
    {
        var text = Unquote(input.Default).ToLowerInvariant();
        if (text is "true" or "false")
        {
            return new PropertyPlan(name, input.Name, ValueShape.Boolean, null, false, text, summary, remarks);
        }

        if (text.Length > 0)
        {
            diagnostics.Add(InvalidDefault(input, "true/false choice"));
        }

        return new PropertyPlan(name, input.Name, ValueShape.Boolean, null, true, null, summary, remarks);
    }

    private static PropertyPlan Enum(
        ToolInput input, string name, string toolStem, UniqueNames typeNames, List<EnumPlan> enums,
        string summary, string remarks, List<DiagnosticInfo> diagnostics)
    {
        var enumPlan = EnumPlanner.Plan(input, typeNames.Claim(toolStem + name));
        enums.Add(enumPlan);

        var defaultMember = EnumPlanner.FindDefault(input, enumPlan);
        if (defaultMember is null && Unquote(input.Default).Length > 0)
        {
            diagnostics.Add(InvalidDefault(input, "option of this select"));
        }

        return new PropertyPlan(name, input.Name, ValueShape.Enum, enumPlan.TypeName, defaultMember is null,
            defaultMember is null ? null : enumPlan.TypeName + "." + defaultMember.Name, summary, remarks);
    }

    private static string Summary(ToolInput input)
    {
        var label = input.Label.Length > 0 ? input.Label : input.Name;
        return input.Help.Length > 0 && !string.Equals(input.Help, label, StringComparison.OrdinalIgnoreCase)
            ? label + ": " + input.Help
            : label;
    }

    private static string Remarks(ToolInput input)
    {
        var remarks = "Sent as \u201c" + input.Name + "\u201d (spec type \u201c" + input.TypeName + "\u201d).";
        return input.Default.Length > 0 ? remarks + " Spec default: \u201c" + input.Default + "\u201d." : remarks;
    }

    private static string OptionList(ToolInput input)
    {
        if (input.Options.Count == 0)
        {
            return "";
        }

        var values = new List<string>(input.Options.Count);
        foreach (var option in input.Options)
        {
            values.Add("\u201c" + option.Value + "\u201d");
        }

        return " Options: " + string.Join(", ", values) + ".";
    }

    private static string StringArray(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return "global::System.Array.Empty<string>()";
        }

        var literals = new List<string>(items.Count);
        foreach (var item in items)
        {
            literals.Add(Escape.StringLiteral(item));
        }

        return "new string[] { " + string.Join(", ", literals) + " }";
    }

    private static IReadOnlyList<string> SplitList(string text)
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

    private static string RealLiteral(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text + "d" : text + ".0";
    }

    private static DiagnosticInfo InvalidDefault(ToolInput input, string expected)
        => new("WIRO008", input.Location, new[] { input.Name, input.Default, expected }.ToEquatableArray());
}

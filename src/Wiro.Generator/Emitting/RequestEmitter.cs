using Wiro.Generator.Planning;

namespace Wiro.Generator.Emitting;

/// <summary>Writes a tool's request record, the enums of its selects and their wire values.</summary>
internal static class RequestEmitter
{
    public static void Write(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        WriteRequest(writer, plan, context);
        foreach (var enumPlan in plan.Enums)
        {
            writer.Line();
            WriteEnum(writer, enumPlan, context);
        }

        if (plan.Enums.Count > 0)
        {
            writer.Line();
            WriteWireValues(writer, plan, context);
        }
    }

    private static void WriteRequest(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        writer.Summary("The inputs of the Wiro tool <c>" + Escape.XmlDocText(plan.ToolName) + "</c>; every property starts at the spec's default.");
        if (plan.Description.Length > 0)
        {
            writer.Line("/// <remarks>" + Escape.XmlDocText(plan.Description) + "</remarks>");
        }

        writer.Line(context.Accessibility + " sealed partial record " + plan.RequestTypeName + " : WiroRequest").OpenBlock();
        foreach (var property in plan.Properties)
        {
            writer.Summary(Escape.XmlDocText(property.Summary));
            writer.Line("/// <remarks>" + Escape.XmlDocText(property.Remarks) + "</remarks>");
            var initializer = property.Initializer is null ? "" : " = " + property.Initializer + ";";
            writer.Line("public " + TypeOf(property) + " " + property.Name + " { get; set; }" + initializer);
            writer.Line();
        }

        writer.Line("/// <inheritdoc/>");
        writer.Line(context.OverrideModifier + " void WriteParameters(WiroParameterWriter writer)").OpenBlock();
        foreach (var property in plan.Properties)
        {
            WriteParameter(writer, plan, property);
        }

        writer.CloseBlock();

        if (plan.OverridesHasLocalFiles)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line(context.OverrideModifier + " bool HasLocalFiles =>");
            var terms = new System.Collections.Generic.List<string>();
            foreach (var property in plan.Properties)
            {
                if (property.Shape == ValueShape.File)
                {
                    terms.Add("(" + property.Name + "?.IsLocal ?? false)");
                }
                else if (property.Shape == ValueShape.FileList)
                {
                    terms.Add("(" + property.Name + " is { } " + Local(property) + " && global::System.Linq.Enumerable.Any(" + Local(property) + ", static file => file.IsLocal))");
                }
            }

            writer.Line("    " + string.Join("\n            || ", terms) + ";");
        }

        writer.CloseBlock();
    }

    private static void WriteParameter(SourceWriter writer, ToolPlan plan, PropertyPlan property)
    {
        var wire = Escape.StringLiteral(property.WireName);
        var value = property.IsNullable && IsValueType(property.Shape) ? property.Name + ".Value" : property.Name;
        var call = property.Shape switch
        {
            ValueShape.String => "writer.WriteString(" + wire + ", " + value + ");",
            ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double => "writer.WriteNumber(" + wire + ", " + value + ");",
            ValueShape.Boolean => "writer.WriteString(" + wire + ", " + value + " ? \"true\" : \"false\");",
            ValueShape.Enum => "writer.WriteString(" + wire + ", " + plan.WireValuesTypeName + ".ToWireValue(" + value + "));",
            ValueShape.StringList => "writer.WriteStringList(" + wire + ", " + value + ");",
            ValueShape.File => "writer.WriteFile(" + wire + ", " + value + ");",
            _ => "writer.WriteFiles(" + wire + ", " + value + ");",
        };

        if (property.IsNullable && IsValueType(property.Shape))
        {
            writer.Line("if (" + property.Name + ".HasValue)").OpenBlock().Line(call).CloseBlock();
        }
        else
        {
            writer.Line(call);
        }
    }

    private static void WriteEnum(SourceWriter writer, EnumPlan plan, EmitContext context)
    {
        writer.Summary(Escape.XmlDocText(plan.Summary));
        writer.Line(context.Accessibility + " enum " + plan.TypeName).OpenBlock();
        foreach (var member in plan.Members)
        {
            writer.Summary("Sent as " + Escape.XmlDocText(member.Summary));
            writer.Line(member.Name + ",");
        }

        writer.CloseBlock();
    }

    private static void WriteWireValues(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        writer.Summary("The exact values Wiro expects for the choices of <see cref=\"" + plan.RequestTypeName + "\"/>.");
        writer.Line(context.Accessibility + " static partial class " + plan.WireValuesTypeName).OpenBlock();
        var first = true;
        foreach (var enumPlan in plan.Enums)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Summary("The wire value of <paramref name=\"value\"/>.");
            writer.Line("/// <param name=\"value\">A choice of \u201c" + Escape.XmlDocText(enumPlan.InputName) + "\u201d.</param>");
            writer.Line("/// <returns>The string sent to Wiro.</returns>");
            writer.Line("public static string ToWireValue(this " + enumPlan.TypeName + " value) => value switch").OpenBlock();
            foreach (var member in enumPlan.Members)
            {
                writer.Line(enumPlan.TypeName + "." + member.Name + " => " + Escape.StringLiteral(member.WireValue) + ",");
            }

            writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a choice of " + enumPlan.TypeName + ".\"),");
            writer.CloseBlock(";");
        }

        writer.CloseBlock();
    }

    private static string TypeOf(PropertyPlan property)
    {
        var type = property.Shape switch
        {
            ValueShape.String => "string",
            ValueShape.Int32 => "int",
            ValueShape.Int64 => "long",
            ValueShape.Double => "double",
            ValueShape.Boolean => "bool",
            ValueShape.Enum => property.EnumTypeName!,
            ValueShape.StringList => "global::System.Collections.Generic.IReadOnlyList<string>",
            ValueShape.File => "WiroFile",
            _ => "global::System.Collections.Generic.IReadOnlyList<WiroFile>",
        };
        return property.IsNullable ? type + "?" : type;
    }

    private static bool IsValueType(ValueShape shape)
        => shape is ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double or ValueShape.Boolean or ValueShape.Enum;

    private static string Local(PropertyPlan property) => "files" + property.Name;
}

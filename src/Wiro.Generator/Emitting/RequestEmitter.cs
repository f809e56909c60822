using System.Collections.Generic;
using Wiro.Generator.Planning;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>Writes a tool's request record, the enums of its selects and their wire values.</summary>
internal static class RequestEmitter
{
    public static void Write(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        WriteRequest(writer, plan, context);
        for (var i = 0; i < plan.Enums.Count; i++)
        {
            writer.Line();
            WriteEnum(writer, plan.Enums[i], plan.Names.Enums[i], context);
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

        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line(context.Accessibility + " sealed partial record " + plan.Names.Request + " : " + context.Qualify("WiroRequest")).OpenBlock();
        foreach (var property in plan.Properties)
        {
            writer.Summary(Escape.XmlDocText(property.Docs.Summary));
            writer.Line("/// <remarks>" + Escape.XmlDocText(PropertyDocsText.Remarks(property)) + "</remarks>");
            var initializer = Initializers.For(property, plan, context);
            writer.Line("public " + TypeOf(property, plan, context) + " " + property.Name + " { get; set; }"
                        + (initializer is null ? "" : " = " + initializer + ";"));
            writer.Line();
        }

        writer.Line("/// <inheritdoc/>");
        writer.Line(context.OverrideModifier + " void WriteParameters(" + context.Qualify("WiroParameterWriter") + " writer)").OpenBlock();
        foreach (var property in plan.Properties)
        {
            WriteParameter(writer, plan, property, context);
        }

        writer.CloseBlock();

        if (plan.OverridesHasLocalFiles)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line(context.OverrideModifier + " bool HasLocalFiles =>");
            var terms = new List<string>();
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

    /// <summary>
    /// Every input is written, set or not: an unset one goes as Wiro's own form sends it, an empty string, because
    /// Wiro refuses a run that lacks one of the tool's keys.
    /// </summary>
    private static void WriteParameter(SourceWriter writer, ToolPlan plan, PropertyPlan property, EmitContext context)
    {
        var wire = Escape.StringLiteral(property.WireName);
        var isNullableValue = property.IsNullable && IsValueType(property.Shape);
        var value = isNullableValue ? property.Name + ".Value" : property.Name;
        var call = property.Shape switch
        {
            ValueShape.String => "writer.WriteString(" + wire + ", " + value + ");",
            ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double => "writer.WriteNumber(" + wire + ", " + value + ");",
            ValueShape.Boolean => "writer.WriteString(" + wire + ", " + value + " ? \"true\" : \"false\");",
            ValueShape.Enum => "writer.WriteString(" + wire + ", " + context.Qualify(plan.Names.WireValues) + ".ToWireValue(" + value + "));",
            ValueShape.StringList => "writer.WriteStringList(" + wire + ", " + value + ");",
            ValueShape.File => "writer.WriteFile(" + wire + ", " + value + ");",
            _ => "writer.WriteFiles(" + wire + ", " + value + ");",
        };

        if (isNullableValue)
        {
            writer.Line("if (" + property.Name + ".HasValue)").OpenBlock().Line(call).CloseBlock();
            writer.Line("else").OpenBlock().Line("writer.WriteString(" + wire + ", null);").CloseBlock();
        }
        else
        {
            writer.Line(call);
        }
    }

    private static void WriteEnum(SourceWriter writer, EnumPlan plan, string typeName, EmitContext context)
    {
        writer.Summary(Escape.XmlDocText(plan.Summary));
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line(context.Accessibility + " enum " + typeName).OpenBlock();
        foreach (var member in plan.Members)
        {
            writer.Summary("Sent as " + Escape.XmlDocText(member.Summary));
            writer.Line(member.Name + ",");
        }

        writer.CloseBlock();
    }

    private static void WriteWireValues(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        writer.Summary("The exact values Wiro expects for the choices of <see cref=\"" + context.Qualify(plan.Names.Request) + "\"/>.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line(context.Accessibility + " static partial class " + plan.Names.WireValues).OpenBlock();
        for (var i = 0; i < plan.Enums.Count; i++)
        {
            var enumPlan = plan.Enums[i];
            var enumType = context.Qualify(plan.Names.Enums[i]);
            if (i > 0)
            {
                writer.Line();
            }

            writer.Summary("The wire value of <paramref name=\"value\"/>.");
            writer.Line("/// <param name=\"value\">A choice of \u201c" + Escape.XmlDocText(enumPlan.InputName) + "\u201d.</param>");
            writer.Line("/// <returns>The string sent to Wiro.</returns>");
            writer.Line("public static string ToWireValue(this " + enumType + " value) => value switch").OpenBlock();
            foreach (var member in enumPlan.Members)
            {
                writer.Line(enumType + "." + member.Name + " => " + Escape.StringLiteral(member.WireValue) + ",");
            }

            writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a choice of " + plan.Names.Enums[i] + ".\"),");
            writer.CloseBlock(";");
        }

        writer.CloseBlock();
    }

    private static string TypeOf(PropertyPlan property, ToolPlan plan, EmitContext context)
    {
        var type = property.Shape switch
        {
            ValueShape.String => "string",
            ValueShape.Int32 => "int",
            ValueShape.Int64 => "long",
            ValueShape.Double => "double",
            ValueShape.Boolean => "bool",
            ValueShape.Enum => context.Qualify(plan.Names.Enums[property.EnumIndex]),
            ValueShape.StringList => "global::System.Collections.Generic.IReadOnlyList<string>",
            ValueShape.File => context.Qualify("WiroFile"),
            _ => "global::System.Collections.Generic.IReadOnlyList<" + context.Qualify("WiroFile") + ">",
        };
        return property.IsNullable ? type + "?" : type;
    }

    private static bool IsValueType(ValueShape shape)
        => shape is ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double or ValueShape.Boolean or ValueShape.Enum;

    private static string Local(PropertyPlan property) => "files" + property.Name;
}

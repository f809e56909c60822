using System.Collections.Generic;
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
            writer.WriteLine();
            WriteEnum(writer, plan.Enums[i], plan.Names.Enums[i], context);
        }

        if (plan.Enums.Count > 0)
        {
            writer.WriteLine();
            WriteWireValues(writer, plan, context);
        }
    }

    private static void WriteRequest(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var startsAt = HasRequiredMembers(plan)
            ? "every property starts at the spec's default, and the required ones (inputs Wiro requires that have none) must be set"
            : "every property starts at the spec's default";
        writer.WriteLine($"/// <summary>The inputs of the Wiro tool <c>{Escape.XmlDocText(plan.ToolName)}</c>; {startsAt}.</summary>");
        if (plan.Description.Length > 0)
        {
            writer.WriteLine($"/// <remarks>{Escape.XmlDocText(plan.Description)}</remarks>");
        }

        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{context.Accessibility}} sealed partial record {{plan.Names.Request}} : {{context.Qualify("WiroRequest")}}
            {
            """);
        writer.Indentation++;
        foreach (var property in plan.Properties)
        {
            var initializer = Initializers.For(property, plan, context) is { } value ? " = " + value + ";" : "";
            writer.WriteLine($$"""
                /// <summary>{{Escape.XmlDocText(property.Docs.Summary)}}</summary>
                /// <remarks>{{Escape.XmlDocText(PropertyDocsText.Remarks(property))}}</remarks>
                public {{(property.IsRequiredMember ? "required " : "")}}{{TypeOf(property, plan, context)}} {{property.Name}} { get; set; }{{initializer}}

                """);
        }

        writer.WriteLine($$"""
            /// <inheritdoc/>
            {{context.OverrideModifier}} void WriteParameters({{context.Qualify("WiroParameterWriter")}} writer)
            {
            """);
        writer.Indentation++;
        foreach (var property in plan.Properties)
        {
            WriteParameter(writer, plan, property, context);
        }

        writer.Indentation--;
        writer.WriteLine("}");
        if (plan.OverridesHasLocalFiles)
        {
            WriteHasLocalFiles(writer, plan, context);
        }

        writer.Indentation--;
        writer.WriteLine("}");
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
            ValueShape.String => $"writer.WriteString({wire}, {value});",
            ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double => $"writer.WriteNumber({wire}, {value});",
            ValueShape.Boolean => $"""writer.WriteString({wire}, {value} ? "true" : "false");""",
            ValueShape.Enum => $"writer.WriteString({wire}, {context.Qualify(plan.Names.WireValues)}.ToWireValue({value}));",
            ValueShape.StringList => $"writer.WriteStringList({wire}, {value});",
            ValueShape.File => $"writer.WriteFile({wire}, {value});",
            _ => $"writer.WriteFiles({wire}, {value});",
        };

        if (!isNullableValue)
        {
            writer.WriteLine(call);
            return;
        }

        writer.WriteLine($$"""
            if ({{property.Name}}.HasValue)
            {
                {{call}}
            }
            else
            {
                writer.WriteString({{wire}}, null);
            }
            """);
    }

    private static void WriteHasLocalFiles(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        var terms = new List<string>();
        foreach (var property in plan.Properties)
        {
            if (property.Shape == ValueShape.File)
            {
                terms.Add($"({property.Name}?.IsLocal ?? false)");
            }
            else if (property.Shape == ValueShape.FileList)
            {
                var files = "files" + property.Name;
                terms.Add($"({property.Name} is {{ }} {files} && global::System.Linq.Enumerable.Any({files}, static file => file.IsLocal))");
            }
        }

        writer.WriteLine($$"""

            /// <inheritdoc/>
            {{context.OverrideModifier}} bool HasLocalFiles =>
            """);
        writer.Indentation++;
        writer.WriteLine(string.Join("\n|| ", terms) + ";");
        writer.Indentation--;
    }

    private static void WriteEnum(SourceWriter writer, EnumPlan plan, string typeName, EmitContext context)
    {
        writer.WriteLine($$"""
            /// <summary>{{Escape.XmlDocText(plan.Summary)}}</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{context.Accessibility}} enum {{typeName}}
            {
            """);
        writer.Indentation++;
        foreach (var member in plan.Members)
        {
            writer.WriteLine($$"""
                /// <summary>Sent as {{Escape.XmlDocText(member.Summary)}}</summary>
                {{member.Name}},
                """);
        }

        writer.Indentation--;
        writer.WriteLine("}");
    }

    private static void WriteWireValues(SourceWriter writer, ToolPlan plan, EmitContext context)
    {
        writer.WriteLine($$"""
            /// <summary>The exact values Wiro expects for the choices of <see cref="{{context.Qualify(plan.Names.Request)}}"/>.</summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{context.Accessibility}} static partial class {{plan.Names.WireValues}}
            {
            """);
        writer.Indentation++;
        for (var i = 0; i < plan.Enums.Count; i++)
        {
            var enumType = context.Qualify(plan.Names.Enums[i]);
            if (i > 0)
            {
                writer.WriteLine();
            }

            writer.WriteLine($$"""
                /// <summary>The wire value of <paramref name="value"/>.</summary>
                /// <param name="value">A choice of “{{Escape.XmlDocText(plan.Enums[i].InputName)}}”.</param>
                /// <returns>The string sent to Wiro.</returns>
                public static string ToWireValue(this {{enumType}} value) => value switch
                {
                """);
            writer.Indentation++;
            foreach (var member in plan.Enums[i].Members)
            {
                writer.WriteLine($"{enumType}.{member.Name} => {Escape.StringLiteral(member.WireValue)},");
            }

            writer.WriteLine($"""_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "Not a choice of {plan.Names.Enums[i]}."),""");
            writer.Indentation--;
            writer.WriteLine("};");
        }

        writer.Indentation--;
        writer.WriteLine("}");
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
            _ => $"global::System.Collections.Generic.IReadOnlyList<{context.Qualify("WiroFile")}>",
        };
        return property.IsNullable ? type + "?" : type;
    }

    private static bool HasRequiredMembers(ToolPlan plan)
    {
        foreach (var property in plan.Properties)
        {
            if (property.IsRequiredMember)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValueType(ValueShape shape)
        => shape is ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double or ValueShape.Boolean or ValueShape.Enum;
}

using System.Collections.Generic;
using Wiro.Generator.Planning;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>Turns a property's typed default into the C# expression it starts at.</summary>
internal static class Initializers
{
    /// <summary>The initializer of <paramref name="property"/>, or null when it starts at null.</summary>
    public static string? For(PropertyPlan property, ToolPlan plan, EmitContext context)
    {
        var value = property.Default;
        switch (value.Kind)
        {
            case DefaultKind.String:
                return Escape.StringLiteral(value.Text);
            case DefaultKind.Int32:
            case DefaultKind.Boolean:
                return value.Text;
            case DefaultKind.Int64:
                return value.Text + "L";
            case DefaultKind.Double:
                return value.Text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? value.Text + "d" : value.Text + ".0";
            case DefaultKind.EnumMember:
                return context.Qualify(plan.Names.Enums[property.EnumIndex]) + "." + value.Text;
            case DefaultKind.FileUrl:
                return context.Qualify("WiroFile") + ".FromUrl(" + Escape.StringLiteral(value.Text) + ")";
            case DefaultKind.StringList:
                var literals = new List<string>(value.Items.Count);
                foreach (var item in value.Items)
                {
                    literals.Add(Escape.StringLiteral(item));
                }

                return "new string[] { " + string.Join(", ", literals) + " }";
            default:
                // A required member is set by every caller; an initializer would only be overwritten.
                return property.IsRequiredMember ? null : property.Shape switch
                {
                    ValueShape.StringList => "global::System.Array.Empty<string>()",
                    ValueShape.FileList => "global::System.Array.Empty<" + context.Qualify("WiroFile") + ">()",
                    _ => null,
                };
        }
    }
}

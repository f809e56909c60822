using Wiro.Specs;
using Wiro.Generator.Planning;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// What the compilation-wide steps (name claims, the merged status enum) need from one spec. Kept apart from the
/// whole <see cref="ToolResult"/> so that editing a spec's defaults or descriptions leaves its summary unchanged, and
/// the steps over all specs are not run again.
/// </summary>
/// <param name="Identity">The tool's endpoint and the names it asks for; null when the spec generates nothing.</param>
public sealed record ToolSummary(string FilePath, ToolIdentity? Identity, StatusSection? Statuses)
{
    public static ToolSummary From(ToolResult tool)
        => new(tool.FilePath, tool.Plan is { } plan ? ToolIdentity.From(plan) : null, tool.Statuses);
}

/// <summary>The endpoint of one tool and every name it asks for.</summary>
/// <param name="PropertyNames">The request's property names, which its request type's name may not take.</param>
public sealed record ToolIdentity(string Owner, string Slug, ToolNames Names, bool NameIsPinned, EquatableArray<string> PropertyNames)
{
    public static ToolIdentity From(ToolPlan plan)
    {
        var properties = new string[plan.Properties.Count];
        for (var i = 0; i < properties.Length; i++)
        {
            properties[i] = plan.Properties[i].Name;
        }

        return new ToolIdentity(plan.Owner, plan.Slug, plan.Names, plan.NameIsPinned, properties.ToEquatableArray());
    }

    /// <summary>The Run endpoint, compared ignoring case: Wiro's slugs name the same tool whatever their case.</summary>
    public string Endpoint => (Owner + "/" + Slug).ToLowerInvariant();
}

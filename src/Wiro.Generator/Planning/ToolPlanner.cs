using System.Collections.Generic;
using System.Threading;
using Wiro.Generator.Model;
using Wiro.Generator.Naming;

namespace Wiro.Generator.Planning;

/// <summary>
/// Decides the C# shape of a tool: one property per input, one enum per select, and the names its spec asks for
/// (<see cref="Pipeline.NameClaims"/> settles them against the core and the other specs).
/// </summary>
public static class ToolPlanner
{
    /// <summary>
    /// Members a record synthesizes or inherits from <c>object</c> (C# language rules, not our core), which a request
    /// property may not be named; the members <c>WiroRequest</c> declares are read from the core's source.
    /// </summary>
    private static readonly string[] RecordMemberNames =
    {
        "Clone", "EqualityContract", "PrintMembers", "Deconstruct", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize",
    };

    /// <summary>The keys the core writes beside a tool's inputs (<c>WiroRequest.CallbackUrl</c> and <c>ProjectId</c>).</summary>
    private static readonly (string Key, string Owner)[] CoreRequestKeys =
    {
        ("callbackUrl", "the request's CallbackUrl"),
        ("projectid", "the request's ProjectId"),
    };

    private static readonly System.Lazy<string[]> ReservedPropertyNames = new(
        () => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(RecordMemberNames, CoreVocabulary.MembersOf("WiroRequest"))));

    public static (ToolPlan Plan, EquatableArray<DiagnosticInfo> Diagnostics) Plan(
        ToolSpec spec, string? typeNameOverride, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var stem = typeNameOverride is { Length: > 0 } ? typeNameOverride : Identifier.Sanitize(Identifier.ToPascalCase(spec.Slug), "Tool", "Tool");

        var propertyNames = new UniqueNames(ReservedPropertyNames.Value);
        var wireKeys = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (key, owner) in CoreRequestKeys)
        {
            wireKeys.Add(key, owner);
        }

        var properties = new List<PropertyPlan>(spec.Inputs.Count);
        var enums = new List<EnumPlan>();
        var enumPropertyNames = new List<string>();
        var hasFiles = false;
        foreach (var input in spec.Inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shape = InputShapes.Plan(input, Identifier.Sanitize(Identifier.ToPascalCase(input.Name), "_", "Input"), enums.Count);
            if (ClaimWireKeys(shape.Property, input, wireKeys) is { } clash)
            {
                diagnostics.Add(clash);
                continue;
            }

            var property = shape.Property with { Name = propertyNames.Claim(shape.Property.Name) };
            if (shape.Diagnostic is not null)
            {
                diagnostics.Add(shape.Diagnostic);
            }

            if (shape.Enum is not null)
            {
                enums.Add(shape.Enum);
                enumPropertyNames.Add(property.Name);
            }

            hasFiles |= property.Shape is ValueShape.File or ValueShape.FileList;
            properties.Add(property);
        }

        var plan = new ToolPlan(
            spec.FilePath,
            ToolNames.For(stem, enumPropertyNames.ToEquatableArray()),
            NameIsPinned: typeNameOverride is { Length: > 0 },
            spec.ToolName.Length > 0 ? spec.ToolName : spec.Owner + "/" + spec.Slug,
            spec.Owner,
            spec.Slug,
            spec.Description,
            properties.ToEquatableArray(),
            enums.ToEquatableArray(),
            hasFiles);
        return (plan, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Claims the keys a property sends (a file input also its multipart part). Wiro keeps one value per key, so a
    /// second input with a taken key would be lost silently: it is left out, with a warning at its line.
    /// </summary>
    private static DiagnosticInfo? ClaimWireKeys(PropertyPlan property, ToolInput input, Dictionary<string, string> wireKeys)
    {
        var keys = property.FilePartName is { } part && part != property.WireName
            ? new[] { property.WireName, part }
            : new[] { property.WireName };
        foreach (var key in keys)
        {
            if (wireKeys.TryGetValue(key, out var owner))
            {
                return DiagnosticInfo.Create(DiagnosticId.DuplicateWireKey, input.Location, input.Name, key, owner);
            }
        }

        foreach (var key in keys)
        {
            wireKeys.Add(key, "input '" + input.Name + "'");
        }

        return null;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Wiro.Specs;

/// <summary>
/// Decides the C# shape of a tool: one property per input, one enum per select, and the names its spec asks for
/// (the generator's name claims settle them against the core and the other specs).
/// </summary>
public static class ToolPlanner
{
    /// <summary>
    /// Members a record synthesizes or inherits from <c>object</c> (C# language rules, not our core), which a request
    /// property may not be named; the members <c>WiroRequest</c> declares come from the caller, who reads them from
    /// the core itself.
    /// </summary>
    public static readonly IReadOnlyList<string> RecordMemberNames = new[]
    {
        "Clone", "EqualityContract", "PrintMembers", "Deconstruct", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize",
    };

    /// <param name="requestMemberNames">The members the core's <c>WiroRequest</c> declares: no property may hide one.</param>
    public static (ToolPlan Plan, EquatableArray<DiagnosticInfo> Diagnostics) Plan(
        ToolSpec spec, string? typeNameOverride, IEnumerable<string> requestMemberNames, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var stem = typeNameOverride is { Length: > 0 } ? typeNameOverride : Identifier.Sanitize(Identifier.ToPascalCase(spec.Slug), "Tool", "Tool");

        var propertyNames = new UniqueNames(RecordMemberNames.Concat(requestMemberNames).ToArray());
        var wireKeys = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var sentKeys = new List<SentKey>();
        foreach (var option in RunOptions.All)
        {
            wireKeys.Add(option.Key, "the request's " + option.PropertyName);
            sentKeys.Add(new SentKey(option.Key, LookAlikes.Skeleton(option.Key), "the request's " + option.PropertyName, IsRunOption: true));
        }

        var properties = new List<PropertyPlan>(spec.Inputs.Count);
        var enums = new List<EnumPlan>();
        var enumPropertyNames = new List<string>();
        var hasFiles = false;
        var keys = WireKeys.Of(spec.Inputs);
        for (var i = 0; i < keys.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = spec.Inputs[i];
            var shape = InputShapes.Plan(input, keys[i], Identifier.Sanitize(Identifier.ToPascalCase(input.Name), "_", "Input"), enums.Count);
            if (ClaimWireKeys(shape.Property, input, wireKeys) is { } clash)
            {
                diagnostics.Add(clash);
                continue;
            }

            if (LookAlikeKey(shape.Property, input, sentKeys) is { } lookAlike)
            {
                diagnostics.Add(lookAlike);
            }

            var property = Constrain(shape.Property with { Name = propertyNames.Claim(shape.Property.Name) }, input.Constraints);
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
    /// Adds what Tool/Detail says about the input. A required input without a spec default becomes a C# <c>required</c>
    /// member (not nullable, no initializer: the compiler makes every caller set it); one with a default keeps it, since
    /// the default already satisfies Wiro, and is only documented as required.
    /// </summary>
    private static PropertyPlan Constrain(PropertyPlan property, InputConstraints constraints)
    {
        if (constraints.IsEmpty)
        {
            return property;
        }

        var requiredMember = constraints.IsRequired && property.Default.Kind == DefaultKind.None;
        return property with
        {
            Constraints = constraints,
            IsRequiredMember = requiredMember,
            IsNullable = !requiredMember && property.IsNullable,
        };
    }

    /// <summary>A key already sent, with its skeleton (<see cref="LookAlikes"/>) and who sends it.</summary>
    private sealed record SentKey(string Key, string Skeleton, string Owner, bool IsRunOption);

    /// <summary>
    /// Warns when a key the property sends looks like one already sent (WIRO018): Wiro reads them as two keys, a
    /// reader as one, so one of the two values is likely not where the author meant it. Both are still sent. Two
    /// inputs that differ only in case are left alone (the page shows two keys, and they make two properties,
    /// <c>Seed</c> and <c>Seed2</c>); an input that differs from a run option only in case is not, since the request
    /// already has a property of that name (<c>projectId</c> beside <c>ProjectId</c>).
    /// </summary>
    private static DiagnosticInfo? LookAlikeKey(PropertyPlan property, ToolInput input, List<SentKey> sentKeys)
    {
        var keys = property.FilePartName is { } part && part != property.WireName
            ? new[] { property.WireName, part }
            : new[] { property.WireName };
        var own = new SentKey[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            own[i] = new SentKey(keys[i], LookAlikes.Skeleton(keys[i]), "input '" + input.Name + "'", IsRunOption: false);
        }

        DiagnosticInfo? found = null;
        foreach (var key in own)
        {
            foreach (var sent in sentKeys)
            {
                if (found is not null || sent.Skeleton != key.Skeleton)
                {
                    continue;
                }

                var kind = LookAlikes.Compare(key.Key, sent.Key);
                if (kind != LookAlikeKind.None && (kind != LookAlikeKind.Case || sent.IsRunOption))
                {
                    found = DiagnosticInfo.Create(DiagnosticId.LookAlikeWireKey, input.Location, input.Name, key.Key, sent.Key, sent.Owner, LookAlikes.Describe(kind));
                }
            }
        }

        sentKeys.AddRange(own);
        return found;
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

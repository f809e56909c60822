using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Wiro.Generator.Model;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// The type names claimed by more than one spec, each with the file that keeps it (the first by ordinal path).
/// Small and value-equal, so editing a spec without renaming it leaves every other spec's output cached.
/// </summary>
public sealed record TypeNameClaims(EquatableArray<TypeNameClaim> Contested)
{
    public static TypeNameClaims From(ImmutableArray<ToolSummary> tools)
    {
        var owners = new Dictionary<string, TypeNameClaim>(StringComparer.OrdinalIgnoreCase);
        var contested = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tool in tools)
        {
            if (tool.TypeName is null)
            {
                continue;
            }

            var claim = new TypeNameClaim(tool.TypeName, tool.FilePath);
            if (!owners.TryGetValue(claim.TypeName, out var owner))
            {
                owners.Add(claim.TypeName, claim);
                continue;
            }

            contested.Add(claim.TypeName);
            if (string.CompareOrdinal(claim.FilePath, owner.FilePath) < 0)
            {
                owners[claim.TypeName] = claim;
            }
        }

        var result = new List<TypeNameClaim>();
        foreach (var name in contested)
        {
            result.Add(owners[name]);
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
        return new TypeNameClaims(result.ToEquatableArray());
    }

    /// <summary>The file that keeps <paramref name="typeName"/> when it is not <paramref name="filePath"/>, else null.</summary>
    public string? OwnerOtherThan(string typeName, string filePath)
    {
        foreach (var claim in Contested)
        {
            if (string.Equals(claim.TypeName, typeName, StringComparison.OrdinalIgnoreCase))
            {
                return claim.FilePath == filePath ? null : claim.FilePath;
            }
        }

        return null;
    }
}

/// <summary>A spec file and the type name it would generate.</summary>
public sealed record TypeNameClaim(string TypeName, string FilePath);

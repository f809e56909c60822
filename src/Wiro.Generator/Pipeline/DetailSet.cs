using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Wiro.Specs;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// Every Tool/Detail file of the compilation (<c>*.wiro.json</c> AdditionalFiles), read, sorted by
/// <see cref="SpecFiles.PairKey"/> so a spec finds its own by name in a binary search. Value-equal: editing one detail
/// file changes the set, the pairing step then runs for every spec, and only the spec whose detail changed gets a new
/// <see cref="SpecSource"/>; every other spec stays cached.
/// </summary>
public sealed record DetailSet(EquatableArray<ToolDetail> Details)
{
    public static readonly DetailSet Empty = new(EquatableArray<ToolDetail>.Empty);

    public static DetailSet From(ImmutableArray<ToolDetail> details)
    {
        if (details.IsDefaultOrEmpty)
        {
            return Empty;
        }

        var sorted = new List<ToolDetail>(details);
        sorted.Sort(static (a, b) => string.CompareOrdinal(SpecFiles.PairKey(a.FilePath), SpecFiles.PairKey(b.FilePath)));
        return new DetailSet(sorted.ToEquatableArray());
    }

    /// <summary>The detail file beside <paramref name="specPath"/> (same folder and stem), or null.</summary>
    public ToolDetail? For(string specPath)
    {
        var key = SpecFiles.PairKey(specPath);
        int low = 0, high = Details.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(SpecFiles.PairKey(Details[middle].FilePath), key);
            if (order == 0)
            {
                return Details[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace Wiro.Generator.Naming;

/// <summary>
/// Hands out names that are unique within one scope (a type's members, an enum's members). Uniqueness ignores case,
/// so names that differ only in case (<c>seed</c> and <c>Seed</c>) never both reach generated code.
/// </summary>
public sealed class UniqueNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public UniqueNames(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Claims <paramref name="name"/>, or the first free <c>name2</c>, <c>name3</c>, ... after it.</summary>
    public string Claim(string name)
    {
        var candidate = name;
        for (var suffix = 2; !_taken.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    public bool IsTaken(string name) => _taken.Contains(name);
}

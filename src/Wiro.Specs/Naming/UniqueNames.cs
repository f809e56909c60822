using System;
using System.Collections.Generic;
using System.Globalization;

namespace Wiro.Specs;

/// <summary>
/// Hands out names that are unique within one scope (a type's members, an enum's members). Uniqueness ignores case,
/// so names that differ only in case (<c>seed</c> and <c>Seed</c>) never both reach generated code.
/// </summary>
public sealed class UniqueNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per base name, the suffix to try first: every smaller one was taken when last probed, and names are never
    /// given back, so probing resumes there and n claims of one base cost O(n), not O(n²).
    /// </summary>
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.OrdinalIgnoreCase);

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
        if (_taken.Add(name))
        {
            return name;
        }

        _nextSuffix.TryGetValue(name, out var suffix);
        suffix = Math.Max(suffix, 2);
        var candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        while (!_taken.Add(candidate))
        {
            suffix++;
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _nextSuffix[name] = suffix + 1;
        return candidate;
    }

    public bool IsTaken(string name) => _taken.Contains(name);
}

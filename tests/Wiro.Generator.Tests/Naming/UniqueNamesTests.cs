using System.Globalization;
using CsCheck;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Naming;

/// <summary>Claiming resumes at the next suffix per base name, and hands out exactly the names linear probing gave.</summary>
public sealed class UniqueNamesTests
{
    /// <summary>Bases that collide with each other's suffixed forms and differ only in case.</summary>
    private static readonly string[] Bases = ["Seed", "seed", "SEED", "Seed2", "Seed3", "seed22", "Mode", "Mode2", "Value__"];

    [Fact]
    public void Any_sequence_of_claims_gets_the_names_linear_probing_gives()
    {
        var reserved = Gen.Int[0, Bases.Length - 1].Select(i => Bases[i]).Array[0, 3];
        var claims = Gen.Int[0, Bases.Length - 1].Select(i => Bases[i]).Array[0, 60];

        Gen.Select(reserved, claims).Sample((reservedNames, names) =>
        {
            var unique = new UniqueNames(reservedNames);
            var reference = new LinearProbing(reservedNames);

            Assert.Equal(names.Select(reference.Claim), names.Select(unique.Claim));
        });
    }

    [Fact]
    public void Ten_thousand_alike_names_are_numbered_in_order()
    {
        var names = new UniqueNames("Prompt3");

        var claimed = Enumerable.Range(0, 10_000).Select(_ => names.Claim("Prompt")).ToList();

        Assert.Equal("Prompt", claimed[0]);
        Assert.Equal("Prompt2", claimed[1]);
        Assert.Equal("Prompt4", claimed[2]);
        Assert.Equal("Prompt10001", claimed[^1]);
        Assert.Equal(10_000, claimed.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>The algorithm before this change: try name, name2, name3, ... until one is free.</summary>
    private sealed class LinearProbing(string[] reserved)
    {
        private readonly HashSet<string> _taken = new(reserved, StringComparer.OrdinalIgnoreCase);

        public string Claim(string name)
        {
            var candidate = name;
            for (var suffix = 2; !_taken.Add(candidate); suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}

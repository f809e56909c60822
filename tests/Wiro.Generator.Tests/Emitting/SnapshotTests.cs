using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// The generated sources of every shipped spec, compared with reviewed snapshots in <c>Emitting/Snapshots</c>.
/// The client core is left out: it is ordinary C# reviewed as such and tested in Wiro.Core.Tests.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> ShippedSpecNames()
        => new(GeneratorHarness.ShippedSpecs().Select(spec => Path.GetFileName(spec.Path)));

    [Theory]
    [MemberData(nameof(ShippedSpecNames))]
    public void Generated_sources_match_the_snapshot(string specFileName)
    {
        var spec = GeneratorHarness.ShippedSpecs().Single(s => Path.GetFileName(s.Path) == specFileName);
        var run = GeneratorHarness.Run([spec]);
        var fromSpec = run.Sources
            .Where(pair => !pair.Key.StartsWith("Wiro.Core.", StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal);

        var text = string.Concat(fromSpec.Select(pair => $"//// {pair.Key}\n{pair.Value}\n"));

        Snapshot.Match(text, Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(specFileName)));
    }
}

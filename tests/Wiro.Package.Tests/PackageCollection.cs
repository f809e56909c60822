namespace Wiro.Package.Tests;

/// <summary>Tests that share one packed generator (packing takes seconds; once is enough).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedGenerator>
{
    public const string Name = "Packed generator";
}

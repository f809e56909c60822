namespace Wiro.Package.Tests;

/// <summary>Tests that share one set of packed packages (packing takes a while; once is enough).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedGenerator>
{
    public const string Name = "Packed generator";
}

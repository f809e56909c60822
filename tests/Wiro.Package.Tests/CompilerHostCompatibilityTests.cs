using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Wiro.Package.Tests;

/// <summary>
/// Visual Studio runs generators on .NET Framework, where only the System.* assembly versions its Roslyn ships can
/// load. The packed dlls must not reference newer ones (Roslyn 4.8: System.Memory 4.0.1.2, System.Collections.Immutable
/// 7.0.0.0), nor a newer Roslyn than the one we promise (4.8).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CompilerHostCompatibilityTests(PackedGenerator package)
{
    private static readonly Dictionary<string, Version> Ceilings = new(StringComparer.Ordinal)
    {
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new(4, 1, 4, 0),
        ["System.Text.Encoding.CodePages"] = new(7, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
    };

    [Fact]
    public void Packed_dlls_reference_only_versions_the_compiler_host_can_load()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var dlls = archive.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        // The generator alone: it depends on nothing but Roslyn, which the compiler host provides.
        Assert.Single(dlls);

        var checkedReferences = 0;
        foreach (var dll in dlls)
        {
            using var stream = new MemoryStream();
            using (var entry = dll.Open())
            {
                entry.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                var name = metadata.GetString(reference.Name);
                Assert.False(name == "System.Runtime" || name == "System.Private.CoreLib", $"{dll.FullName} targets .NET Core ({name}), not netstandard2.0");
                if (Ceilings.TryGetValue(name, out var ceiling))
                {
                    checkedReferences++;
                    Assert.True(reference.Version <= ceiling, $"{dll.FullName} references {name} {reference.Version}, above {ceiling}");
                }
            }
        }

        Assert.True(checkedReferences >= 2, "expected the dlls to reference Roslyn and System.Memory or Immutable");
    }
}

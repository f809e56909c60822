using Wiro.Generator.Diagnostics;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>Typed ids and their descriptors match one to one, and the README documents each.</summary>
public sealed class DiagnosticIdTests
{
    [Fact]
    public void Every_typed_id_has_its_descriptor_and_every_descriptor_an_id()
    {
        var descriptors = typeof(DiagnosticDescriptors).GetFields()
            .Where(f => f.FieldType == typeof(Microsoft.CodeAnalysis.DiagnosticDescriptor))
            .Select(f => (Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.Equal(Enum.GetValues<DiagnosticId>().Select(id => id.ToText()).Order(), descriptors.Select(d => d.Id).Order());
        Assert.All(Enum.GetValues<DiagnosticId>(), id => Assert.Equal(id.ToText(), DiagnosticDescriptors.For(id).Id));
    }

    [Fact]
    public void The_readme_diagnostics_table_lists_every_id_with_its_severity()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var id in Enum.GetValues<DiagnosticId>())
        {
            var descriptor = DiagnosticDescriptors.For(id);
            var row = Assert.Single(readme, line => line.StartsWith("| " + descriptor.Id + " |", StringComparison.Ordinal));
            Assert.Contains("| " + descriptor.DefaultSeverity.ToString().ToLowerInvariant() + " |", row);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}

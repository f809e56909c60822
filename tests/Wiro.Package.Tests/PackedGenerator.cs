namespace Wiro.Package.Tests;

/// <summary>
/// The generator, emulator and wiro tool packages, packed once for the test class, under a unique version, into a throw-away feed, with a
/// throw-away package cache so no earlier package with the same version can be picked up instead.
/// </summary>
public sealed class PackedGenerator : IAsyncLifetime
{
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "wiro-package-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string Version { get; } = "0.0.1-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + System.Environment.ProcessId;

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string PackagePath => Path.Combine(Feed, $"Wiro.Generator.{Version}.nupkg");

    public string EmulatorPackagePath => Path.Combine(Feed, $"Wiro.Emulator.{Version}.nupkg");

    public string ToolPackagePath => Path.Combine(Feed, $"Wiro.Tool.{Version}.nupkg");

    /// <summary>Environment for child builds: the private package cache.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(WorkDirectory, "packages"),
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var (project, package) in new[]
        {
            (RepositoryPaths.GeneratorProject, PackagePath),
            (RepositoryPaths.EmulatorProject, EmulatorPackagePath),
            (RepositoryPaths.ToolProject, ToolPackagePath),
        })
        {
            var pack = await DotNetCli.DotNetAsync(RepositoryPaths.Root, null, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
            if (pack.ExitCode != 0 || !File.Exists(package))
            {
                throw new InvalidOperationException("dotnet pack failed: " + pack);
            }
        }
    }

    /// <summary>A new console project that references the packed generator, in a folder of its own.</summary>
    public string CreateConsumer(string name, string programSource, string extraProjectContent = "")
    {
        var directory = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(Path.Combine(directory, "specs"));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Wiro.Generator" Version="{Version}" />
              </ItemGroup>
            {extraProjectContent}
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
        File.Copy(RepositoryPaths.SeedSpec, Path.Combine(directory, "specs", "ltx-video.wiro.md"));
        return directory;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over it.
        }

        return Task.CompletedTask;
    }
}

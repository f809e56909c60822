using System.IO.Compression;
using System.Text.RegularExpressions;
using Wiro.Emulator;

namespace Wiro.Package.Tests;

/// <summary>
/// What a user's test project does with the packages: install the wiro tool, `wiro add` a spec (from an emulator's
/// page), reference Wiro.Generator and Wiro.Emulator, build with warnings as errors and run a test that runs the tool
/// on the emulator. Restores only from the private feed and the machine's package cache.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class EmulatorPackageTests(PackedGenerator package)
{
    private const string Test = """
        using Wiro;
        using Wiro.Emulator;

        namespace Consumer.Tests;

        public sealed class LtxVideoTests
        {
            [Fact]
            public async Task Text_to_video_runs_on_the_emulator()
            {
                var spec = Path.Combine(AppContext.BaseDirectory, "specs", "wiroai__LTX-Video-Text2Video.wiro.md");
                await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", SpecFiles = { spec } });
                using var wiro = new WiroClient(new WiroClientOptions
                {
                    ApiKey = "k", ApiSecret = "s", BaseAddress = emulator.BaseAddress, WebSocketAddress = emulator.WebSocketAddress,
                });

                var result = await wiro.LtxVideoText2Video.RunAndWaitAsync(new LtxVideoText2VideoRequest { Prompt = "a red kite over the sea" });

                Assert.True(result.IsSuccess, result.FailureReason);
                Assert.NotEmpty(result.Outputs);
            }
        }
        """;

    [Fact]
    public void Emulator_package_carries_the_spec_library_beside_it_and_not_the_generator()
    {
        using var archive = ZipFile.OpenRead(package.EmulatorPackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        var nuspec = Nuspec(archive);

        Assert.Contains("lib/net10.0/Wiro.Emulator.dll", entries);
        Assert.Contains("lib/net10.0/Wiro.Specs.dll", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Wiro.Generator", StringComparison.Ordinal));
        Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\" />", nuspec);
        // The parser reads Wiro's page template itself: no markdown library travels with the emulator.
        Assert.DoesNotContain("Markdig", nuspec);
        Assert.DoesNotContain("Wiro.Specs", nuspec);
    }

    [Fact]
    public void Tool_package_is_a_dotnet_tool_named_wiro()
    {
        using var archive = ZipFile.OpenRead(package.ToolPackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        using var settings = new StreamReader(archive.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());

        Assert.Contains("tools/net10.0/any/Wiro.Tool.dll", entries);
        Assert.Contains("tools/net10.0/any/Wiro.Specs.dll", entries);
        Assert.Contains("<packageType name=\"DotnetTool\" />", Nuspec(archive));
        Assert.Contains("<Command Name=\"wiro\"", settings.ReadToEnd());
    }

    [Fact]
    public async Task Fresh_xunit_project_with_wiro_add_builds_without_warnings_and_its_test_passes_on_the_emulator()
    {
        var directory = Path.Combine(package.WorkDirectory, "XunitConsumer");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "XunitConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="4.0.1" PrivateAssets="all" />
                <PackageReference Include="Wiro.Generator" Version="{package.Version}" PrivateAssets="all" />
                <PackageReference Include="Wiro.Emulator" Version="{package.Version}" />
                <Using Include="Xunit" />
                <None Update="specs/*.wiro.md" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
                <add key="machine-cache" value="{MachinePackageCache()}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "LtxVideoTests.cs"), Test);

        var install = await DotNetCli.DotNetAsync(directory, package.Environment,
            "tool", "install", "Wiro.Tool", "--version", package.Version, "--tool-path", Path.Combine(directory, ".tools"));
        Assert.True(install.ExitCode == 0, install.ToString());
        await using (var publisher = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [RepositoryPaths.SeedSpec] }))
        {
            var add = await DotNetCli.RunAsync(Path.Combine(directory, ".tools", "wiro"), directory, package.Environment,
                "add", "wiroai/LTX-Video-Text2Video", "--out", "specs", "--source", new Uri(publisher.BaseAddress, "/").AbsoluteUri);
            Assert.True(add.ExitCode == 0, add.ToString());
        }

        var build = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release");
        var test = await DotNetCli.DotNetAsync(directory, package.Environment, "test", "-c", "Release", "--no-build");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Matches(new Regex(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+1\b"), test.Output);
        var output = Path.Combine(directory, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "Wiro.Specs.dll")));
        Assert.Empty(Directory.GetFiles(output, "Wiro.Generator*.dll"));
    }

    /// <summary>Where this machine's restores put packages: the third-party ones the consumer needs come from there.</summary>
    private static string MachinePackageCache()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Nuspec(ZipArchive archive)
    {
        using var reader = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }
}

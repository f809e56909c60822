using System.Text;
using System.Text.RegularExpressions;

namespace Wiro.Package.Tests;

/// <summary>
/// With <c>EmitCompilerGeneratedFiles</c> every hint name is a file on disk, and a file name has 255 bytes: a tool or a
/// namespace of 600 letters still builds, its generated files written under short names.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LongNameTests(PackedGenerator package)
{
    private static readonly string LongSlug = new('a', 600);

    [Fact]
    public async Task A_600_letter_slug_builds_with_generated_files_emitted()
    {
        var type = "Wiro.A" + new string('a', 599) + "Request";
        var directory = package.CreateConsumer("LongSlug", $$"""
            var request = new {{type}}();
            Console.WriteLine(request.Prompt.Length > 0 ? "OK" : "EMPTY");
            """);
        var spec = Path.Combine(directory, "specs", "ltx-video.wiro.md");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("wiroai/LTX-Video-Text2Video", "wiroai/" + LongSlug, StringComparison.Ordinal));

        await BuildsAndRuns(directory, "A" + new string('a', 599) + "Client");
    }

    [Fact]
    public async Task A_600_character_namespace_builds_with_generated_files_emitted()
    {
        var ns = "Acme." + new string('N', 595);
        var directory = package.CreateConsumer("LongNamespace", $$"""
            var request = new global::{{ns}}.LtxVideoText2VideoRequest();
            Console.WriteLine(request.Prompt.Length > 0 ? "OK" : "EMPTY");
            """,
            $"""
              <PropertyGroup>
                <WiroNamespace>{ns}</WiroNamespace>
              </PropertyGroup>
            """);

        await BuildsAndRuns(directory, "LtxVideoText2VideoClient");
    }

    private async Task BuildsAndRuns(string directory, string clientClass)
    {
        var build = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release", "-p:EmitCompilerGeneratedFiles=true");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
        var generated = Directory.GetFiles(Path.Combine(directory, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(path => path.Contains("Wiro.Generator", StringComparison.Ordinal))
            .ToList();
        Assert.True(generated.Count > 10, "the tool, its status enum and the core are written: " + string.Join("\n", generated));
        Assert.All(generated, path => Assert.InRange(Encoding.UTF8.GetByteCount(Path.GetFileName(path)), 1, 128));
        Assert.Single(generated, path => File.ReadAllText(path).Contains("class " + clientClass, StringComparison.Ordinal));

        var run = await DotNetCli.DotNetAsync(directory, package.Environment, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("OK", run.Output);
    }
}

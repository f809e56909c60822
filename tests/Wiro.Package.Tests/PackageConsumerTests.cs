using System.IO.Compression;
using System.Text.RegularExpressions;
using Wiro.Emulator;

namespace Wiro.Package.Tests;

/// <summary>What a new user does: add the package and a spec, build with warnings as errors, run against the emulator.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageConsumerTests(PackedGenerator package)
{
    private const string Program = """
        using Wiro;

        var options = new WiroClientOptions { ApiKey = args[1], ApiSecret = args[2], BaseAddress = new Uri(args[0]) };
        using var client = new WiroClient(options);
        var request = new LtxVideoText2VideoRequest { Prompt = "a red kite over the sea", NumFrames = 121 };
        WiroTaskResult result = await client.LtxVideoText2Video.RunAndWaitAsync(request);
        Console.WriteLine(result.IsSuccess ? $"SUCCESS {result.Outputs.Count} {result.Outputs[0].Name}" : $"FAILED {result.FailureReason}");
        return result.IsSuccess ? 0 : 1;
        """;

    [Fact]
    public void Package_holds_the_generator_as_an_analyzer_and_no_lib()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/Wiro.Generator.dll", entries);
        Assert.Equal(["analyzers/dotnet/cs/Wiro.Generator.dll"], entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.Contains("build/Wiro.Generator.props", entries);
        Assert.Contains("build/Wiro.Generator.targets", entries);
        Assert.Contains("buildTransitive/Wiro.Generator.props", entries);
        Assert.Contains("buildTransitive/Wiro.Generator.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.Contains("<readme>README.md</readme>", text);
    }

    [Fact]
    public async Task Fresh_console_project_builds_without_warnings_and_runs_a_task()
    {
        var directory = package.CreateConsumer("Consumer", Program);

        var build = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release", "-p:EmitCompilerGeneratedFiles=true");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
        var generated = Directory.GetFiles(Path.Combine(directory, "obj"), "Wiro.Tools.LtxVideoText2Video.g.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(generated);

        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s" });
        var run = await DotNetCli.DotNetAsync(directory, package.Environment,
            "run", "-c", "Release", "--no-build", "--", emulator.BaseAddress.ToString(), "k", "s");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCESS 1", run.Output);
    }

    [Fact]
    public async Task Broken_spec_is_reported_at_its_file_and_line_and_the_others_still_build()
    {
        var directory = package.CreateConsumer("WithBrokenSpec", Program);
        var broken = """
            ## Basic tool info

            Model name: acme/broken
            Run Task Endpoint (POST):
            https://api.wiro.ai/v1/Run/acme/broken

            ## Model Inputs: 

              - name: prompt
                label: Prompt
                help: 
                type: hologram
                default: hi

            ## Task Status Information

            ### Completed Task Statuses (Polling can stop)
            - task_postprocess_end : Task completed successfully and post-processing is done.

            ### Running Task Statuses (Continue polling)
            - task_queue : Task is waiting in the queue.
            """;
        File.WriteAllText(Path.Combine(directory, "specs", "broken.wiro.md"), broken);

        var strict = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release");
        var lenient = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release", "-p:TreatWarningsAsErrors=false");

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Matches(new Regex(@"broken\.wiro\.md\(12,\d+\): error WIRO003"), strict.Output);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Matches(new Regex(@"broken\.wiro\.md\(12,\d+\): warning WIRO003"), lenient.Output);
    }

    [Fact]
    public async Task A_tool_detail_file_beside_a_spec_is_picked_up_by_the_package_and_its_warnings_are_located()
    {
        var directory = package.CreateConsumer("WithDetail", Program);
        File.WriteAllText(Path.Combine(directory, "specs", "acme__painter.wiro.md"), """
            ## Basic tool info

            Model name: acme/painter
            Run Task Endpoint (POST):
            https://api.wiro.ai/v1/Run/acme/painter

            ## Model Inputs: 

              - name: prompt
                label: Prompt
                help: What to paint.
                type: textarea
                default: 

            ## Task Status Information

            ### Completed Task Statuses (Polling can stop)
            - task_postprocess_end : Task completed successfully and post-processing is done.

            ### Running Task Statuses (Continue polling)
            - task_queue : Task is waiting in the queue.
            """);
        File.WriteAllText(Path.Combine(directory, "specs", "acme__painter.wiro.json"), """
            {"result": true, "tool": [{"parameters": [{"items": [
              {"id": "prompt", "required": true},
              {"id": "colour", "required": true}
            ]}]}]}
            """);
        File.WriteAllText(Path.Combine(directory, "Check.cs"), "internal static class Check { internal static object Make() => new Wiro.PainterRequest(); }\n");

        var build = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release");

        // No item names the detail file: the package's **/*.wiro.json glob hands it to the generator. Prompt is then a
        // required member, and the unknown id is reported in the .wiro.json at its line.
        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.True(new Regex(@"Check\.cs\(1,\d+\): error CS9035: [^\n]*PainterRequest\.Prompt").IsMatch(build.Output), build.ToString());
        Assert.Matches(new Regex(@"acme__painter\.wiro\.json\(3,\d+\): error WIRO021"), build.Output);
    }

    [Fact]
    public async Task Default_glob_can_be_turned_off_and_WiroSpec_items_add_other_names()
    {
        var directory = package.CreateConsumer("WithOptions", """
            using Acme.Tools;

            var request = new MyLtxRequest();
            Console.WriteLine(request.Prompt.Length > 0 ? "OK" : "EMPTY");
            """,
            """
              <PropertyGroup>
                <WiroIncludeSpecsByDefault>false</WiroIncludeSpecsByDefault>
                <WiroNamespace>Acme.Tools</WiroNamespace>
                <WiroAccessibility>internal</WiroAccessibility>
              </PropertyGroup>
              <ItemGroup>
                <WiroSpec Include="tools/ltx.md" WiroTypeName="MyLtx" />
              </ItemGroup>
            """);
        Directory.CreateDirectory(Path.Combine(directory, "tools"));
        File.Move(Path.Combine(directory, "specs", "ltx-video.wiro.md"), Path.Combine(directory, "tools", "ltx.md"));
        // With the glob off, this second copy must not be picked up (it would clash with the first).
        File.Copy(Path.Combine(directory, "tools", "ltx.md"), Path.Combine(directory, "specs", "ignored.wiro.md"));

        var build = await DotNetCli.DotNetAsync(directory, package.Environment, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await DotNetCli.DotNetAsync(directory, package.Environment, "run", "-c", "Release", "--no-build");
        Assert.Contains("OK", run.Output);
    }
}

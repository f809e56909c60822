using System.Text.RegularExpressions;

namespace Wiro.Package.Tests;

/// <summary>
/// The sample, with its generated client, its AI functions (it references Microsoft.Extensions.AI.Abstractions) and
/// embedded emulator, publishes with NativeAOT with no trimming or AOT warning, and the native binary runs a task end
/// to end, both through the typed client and through <c>AsAIFunctions()</c> with JSON arguments.
/// </summary>
// In the packages' collection, so it never runs beside the packing: both build src/ in Release, and two builds of one
// project at once lock each other's files (CS0009).
[Collection(PackageCollection.Name)]
public sealed class NativeAotTests
{
    [Fact]
    public async Task Sample_publishes_with_native_aot_and_runs_a_task_typed_and_as_an_AI_function()
    {
        var output = Path.Combine(Path.GetTempPath(), "wiro-aot-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var publish = await DotNetCli.DotNetAsync(RepositoryPaths.Root, null,
                "publish", RepositoryPaths.SampleProject, "-c", "Release", "-r", "linux-x64",
                "-p:NativeSample=true", "-o", output);

            Assert.True(publish.ExitCode == 0, publish.ToString());
            Assert.DoesNotMatch(new Regex(@"warning (IL\d{4}|AOT)"), publish.Output);

            var outputs = Path.Combine(output, "videos");
            var run = await DotNetCli.RunAsync(Path.Combine(output, "LtxVideo"), output,
                new Dictionary<string, string> { ["WIRO_API_KEY"] = "" },
                "--prompt", "a paper boat on a pond", "--out", outputs);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("emulator", run.Output);
            var files = Directory.GetFiles(outputs);
            Assert.NotEmpty(files);
            Assert.All(files, file => Assert.True(new FileInfo(file).Length > 0));

            // The same tool as the AIFunction a model or an MCP client calls: JSON arguments in, the output link out.
            var call = await DotNetCli.RunAsync(Path.Combine(output, "LtxVideo"), output,
                new Dictionary<string, string> { ["WIRO_API_KEY"] = "" },
                "--function", """{"prompt":"a paper boat on a pond","numFrames":121,"seed":"7"}""");

            Assert.True(call.ExitCode == 0, call.ToString());
            Assert.Contains("Calling function wiroai__LTX-Video-Text2Video", call.Output);
            Assert.Matches(new Regex(@"Output link: http://127\.0\.0\.1:\d+/\S+ \(video/mp4\)"), call.Output);
            Assert.Contains("\"succeeded\":true", call.Output);

            var refused = await DotNetCli.RunAsync(Path.Combine(output, "LtxVideo"), output,
                new Dictionary<string, string> { ["WIRO_API_KEY"] = "" },
                "--function", """{"prompt":"a paper boat on a pond","colour":"red"}""");

            Assert.True(refused.ExitCode == 1, refused.ToString());
            Assert.Contains("Argument 'colour' is not an input of this tool", refused.Output);
            Assert.DoesNotContain("Output link:", refused.Output);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

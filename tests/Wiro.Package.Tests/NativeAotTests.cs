using System.Text.RegularExpressions;

namespace Wiro.Package.Tests;

/// <summary>
/// The sample, with its generated client and embedded emulator, publishes with NativeAOT with no trimming or AOT
/// warning, and the native binary runs a task end to end.
/// </summary>
// In the packages' collection, so it never runs beside the packing: both build src/ in Release, and two builds of one
// project at once lock each other's files (CS0009).
[Collection(PackageCollection.Name)]
public sealed class NativeAotTests
{
    [Fact]
    public async Task Sample_publishes_with_native_aot_and_runs_a_task()
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

using System.Reflection;
using System.Runtime.Loader;
using Wiro.Emulator;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Detail;

/// <summary>
/// The same page and Tool/Detail file give the generated client its required members and the emulator its checks:
/// a generated request is compiled, loaded and run against the emulator over real HTTP, which refuses what the
/// client's docs announce with Wiro's messages.
/// </summary>
public sealed class DetailRunTests : IAsyncLifetime
{
    private const string Driver = """
        namespace Wiro.DetailDriver;

        internal static class Driver
        {
            public static async global::System.Threading.Tasks.Task<string> RunAsync(string baseAddress, string prompt, int seed, double? guidance)
            {
                using var client = new Wiro.WiroClient(new Wiro.WiroClientOptions { ApiKey = "k", ApiSecret = "s", BaseAddress = new global::System.Uri(baseAddress) });
                try
                {
                    var run = await client.Painter.RunAsync(new Wiro.PainterRequest { Prompt = prompt, Seed = seed, InputImageUrl = "https://example.com/a.png", Guidance = guidance });
                    return "ran " + (run.TaskId.Length > 0);
                }
                catch (Wiro.WiroApiException refused)
                {
                    return refused.Code + ": " + refused.WiroMessage;
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(Compile);

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "wiro-detail-run-" + Guid.NewGuid().ToString("N")[..12])).FullName;
    private WiroEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        var spec = Path.Combine(_folder, "acme__painter.wiro.md");
        await File.WriteAllTextAsync(spec, DetailFiles.Spec());
        await File.WriteAllTextAsync(Path.Combine(_folder, "acme__painter.wiro.json"), DetailFiles.Answer);
        _emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "k", ApiSecret = "s", SpecFiles = [spec] });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("a cat", 7, null, "ran True")]
    [InlineData("a cat", 0, 20.0, "ran True")]
    [InlineData("", 7, null, "0: Request parameter [prompt] required")]
    [InlineData("a cat", -1, null, "0: Request parameter [seed] must be at least 0")]
    [InlineData("a cat", 7, 20.5, "0: Request parameter [guidance] must be between 0.5 and 20")]
    public async Task A_generated_request_is_refused_by_the_emulator_exactly_where_the_detail_says(string prompt, int seed, double? guidance, string expected)
    {
        var driver = Compiled.Value.GetType("Wiro.DetailDriver.Driver")!;
        var call = driver.GetMethod("RunAsync", BindingFlags.Static | BindingFlags.Public)!;

        var outcome = await (Task<string>)call.Invoke(null, [_emulator.BaseAddress.ToString(), prompt, seed, guidance])!;

        Assert.Equal(expected, outcome);
    }

    private static Assembly Compile()
    {
        var run = GeneratorHarness.Run(DetailFiles.Pair(), compilation: GeneratorHarness.CreateCompilation(Driver));

        Assert.Empty(run.GeneratorDiagnostics);
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("detail-driver", isCollectible: false).LoadFromStream(stream);
    }
}

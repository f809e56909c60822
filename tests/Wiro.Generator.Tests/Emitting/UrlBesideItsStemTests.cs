using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Wiro.Emulator;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// In Wiro's catalogue a select <c>selectedLoraModelPrivate</c> sits beside a text <c>selectedLoraModelPrivateUrl</c>
/// (also <c>selectedFolder</c>/<c>selectedFolderUrl</c>, <c>rvcModel</c>/<c>rvcModelUrl</c>). The text is a plain URL
/// input, not the URL key of a file input whose part is the stem: it is generated, set and sent, and a default run
/// sends every key the page declares (the emulator, reading the same page, demands them all).
/// </summary>
public sealed class UrlBesideItsStemTests : IAsyncLifetime
{
    private const string Driver = """
        namespace Wiro.LoraDriver;

        internal static class Driver
        {
            public static async global::System.Threading.Tasks.Task<string> RunAsync(string baseAddress, global::System.Threading.CancellationToken cancellationToken)
            {
                using var client = new Wiro.WiroClient(new Wiro.WiroClientOptions
                {
                    ApiKey = "lora-key", ApiSecret = "lora-secret", BaseAddress = new global::System.Uri(baseAddress),
                });
                var request = new Wiro.LoraRequest { SelectedLoraModelPrivateUrl = "https://example.com/my.safetensors" };
                var run = await client.Lora.RunAsync(request, cancellationToken);
                return run.TaskId;
            }
        }
        """;

    private static readonly string Spec = new SpecBuilder("acme", "lora")
        .Input("prompt", "textarea", "a cat")
        .Input("selectedLoraModelPrivate", "select", "", options: [("", "None"), ("lora-1", "Lora one")])
        .Input("selectedLoraModelPrivateUrl", "text", "")
        .Input("selectedFolder", "select", "a", options: [("a", "Folder A"), ("b", "Folder B")])
        .Input("selectedFolderUrl", "text", "")
        .Input("inputImageUrl", "text", "")
        .Build();

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> Compiled = new(Compile);

    private WiroEmulator _emulator = null!;
    private string _specPath = null!;

    public async Task InitializeAsync()
    {
        _specPath = Path.Combine(Path.GetTempPath(), "lora-" + Guid.NewGuid().ToString("N") + ".wiro.md");
        await File.WriteAllTextAsync(_specPath, Spec);
        _emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { ApiKey = "lora-key", ApiSecret = "lora-secret", SpecFiles = [_specPath] });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        File.Delete(_specPath);
    }

    [Fact]
    public void The_url_input_is_generated_as_a_plain_url_and_nothing_is_dropped()
    {
        var run = Compiled.Value.Run;

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO015");
        var request = run.OutputCompilation.GetTypeByMetadataName("Wiro.LoraRequest")!;
        var url = Assert.Single(request.GetMembers("SelectedLoraModelPrivateUrl").OfType<IPropertySymbol>());
        Assert.Equal(SpecialType.System_String, url.Type.SpecialType);
        Assert.Single(request.GetMembers("SelectedFolderUrl").OfType<IPropertySymbol>());
        // A text ...Url with no input at its stem is still a file input's URL (a WiroFile, bytes under the stem).
        Assert.Contains("WiroFile", Assert.Single(request.GetMembers("InputImageUrl").OfType<IPropertySymbol>()).Type.ToDisplayString());
    }

    [Fact]
    public async Task A_run_sends_every_declared_key_and_the_url()
    {
        var driver = Compiled.Value.Assembly.GetType("Wiro.LoraDriver.Driver")!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var taskId = await (Task<string>)driver.GetMethod("RunAsync")!.Invoke(null, [_emulator.BaseAddress.ToString(), timeout.Token])!;

        Assert.False(string.IsNullOrEmpty(taskId));
        var sent = Assert.Single(_emulator.Requests, r => r.Path.Contains("/Run/", StringComparison.Ordinal));
        Assert.Equal(
            ["prompt", "selectedLoraModelPrivate", "selectedLoraModelPrivateUrl", "selectedFolder", "selectedFolderUrl", "inputImageUrl"],
            sent.Fields.Keys);
        Assert.Equal(["https://example.com/my.safetensors"], sent.Fields["selectedLoraModelPrivateUrl"]);
    }

    private static (GeneratorRun, Assembly) Compile()
    {
        var run = GeneratorHarness.Run([new SpecInput("/specs/lora.wiro.md", Spec)], compilation: GeneratorHarness.CreateCompilation(Driver));
        Assert.Empty(run.CompilerProblems);
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        return (run, new AssemblyLoadContext("lora-driver", isCollectible: false).LoadFromStream(stream));
    }
}

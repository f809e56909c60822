using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// The generated sources of every shipped spec and of a few scenarios, compared with reviewed snapshots in
/// <c>Emitting/Snapshots/{scenario}</c>, one per generated file (see <see cref="Snapshot"/> for how to update them).
/// The client core is left out: it is ordinary C# reviewed as such and tested in Wiro.Core.Tests. The fixed part of
/// <c>AddWiro</c> is in, since its snapshot shows what the core's rewriting (namespace, accessibility, attributes)
/// makes of a file outside the core's namespace.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> ShippedSpecNames()
        => new(GeneratorHarness.ShippedSpecs().Select(spec => Path.GetFileName(spec.Path)));

    [Theory]
    [MemberData(nameof(ShippedSpecNames))]
    public void Generated_sources_match_the_snapshot(string specFileName)
    {
        var spec = GeneratorHarness.ShippedSpecs().Single(s => Path.GetFileName(s.Path) == specFileName);
        var run = GeneratorHarness.Run([spec]);

        Snapshot.MatchFiles(WithoutCore(run), Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(specFileName)));
    }

    /// <summary>Shapes the seed does not have, each reviewed once as a snapshot.</summary>
    public static TheoryData<string> Scenarios() => new(ScenarioRuns.Keys);

    private static readonly Dictionary<string, Func<GeneratorRun>> ScenarioRuns = new()
    {
        ["file-input-tool"] = () => GeneratorHarness.Run([new SpecInput("/specs/face.wiro.md", new SpecBuilder("acme", "face-swap")
            .Input("mask", "fileinput", label: "Mask", help: "The area to change.")
            .Input("inputImageUrl", "text", "https://example.com/face.png", label: "Face")
            .Input("inputImages", "combinefileinput", label: "Extra faces")
            .Build())]),
        ["select-heavy-tool"] = () => GeneratorHarness.Run([new SpecInput("/specs/styles.wiro.md", new SpecBuilder("acme", "style-lab")
            .Input("aspectRatio", "select", "16:9", options: [("16:9", "16:9"), ("9:16", "9:16"), ("1:1", "Square")])
            .Input("quality", "select", "", options: [("", "Auto"), ("hd", "HD")])
            .Input("watermark", "select", "true", options: [("true", "Yes"), ("false", "No")])
            .Input("styles", "multiselect", "anime", options: [("anime", "Anime"), ("noir", "Noir")])
            .Input("steps", "number", "")
            .Build())]),
        ["detail-file-tool"] = () => GeneratorHarness.Run(Detail.DetailFiles.Pair()),
        ["internal-accessibility"] = () => GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(),
            new Dictionary<string, string> { ["WiroAccessibility"] = "internal" }),
        ["dependency-injection"] = () => GeneratorHarness.Run(
            [
                new SpecInput("/specs/a.wiro.md", new SpecBuilder("acme", "tool-a").Input("prompt", "textarea", "p").Build()),
                new SpecInput("/specs/b.wiro.md", new SpecBuilder("acme", "tool-b").Input("prompt", "textarea", "p").Build()),
            ],
            compilation: WebReferences.Compilation()),
        ["dependency-injection-internal"] = () => GeneratorHarness.Run(
            [new SpecInput("/specs/a.wiro.md", new SpecBuilder("acme", "tool-a").Input("prompt", "textarea", "p").Build())],
            new Dictionary<string, string> { ["WiroNamespace"] = "Acme.Clients", ["WiroAccessibility"] = "internal" },
            WebReferences.Compilation()),
        ["ai-functions"] = () => GeneratorHarness.Run(
            [
                new SpecInput("/specs/styles.wiro.md", new SpecBuilder("acme", "style-lab").Description("Paints \"things\".")
                    .Input("prompt", "textarea", "a kite", label: "Prompt", help: "What to paint")
                    .Input("aspectRatio", "select", "16:9", options: [("16:9", "Wide"), ("1:1", "Square")])
                    .Input("watermark", "select", "true", options: [("true", "Yes"), ("false", "No")])
                    .Input("styles", "multiselect", "anime", options: [("anime", "Anime"), ("noir", "Noir")])
                    .Input("guidance", "float", "7.5")
                    .Input("seed", "number", "")
                    .Build()),
                new SpecInput("/specs/face.wiro.md", new SpecBuilder("acme", "face swap.v2").Input("mask", "fileinput", label: "Mask")
                    .Input("inputImages", "combinefileinput").Build()),
            ],
            compilation: GeneratorHarness.CreateCompilation("namespace App { internal class A { } }")
                .AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location))),
        ["chat-tools"] = () => GeneratorHarness.Run(
            [
                // An LLM by its categories, with every role and option under another spelling, and a key that needs escaping.
                new SpecInput("/specs/chat.wiro.md", new SpecBuilder("acme", "chat-pro").Categories("llm", "tool", "chat")
                    .Input("prompt", "textarea", "", label: "Prompt")
                    .Input("systemInstructions", "textarea", "You are \"helpful\".")
                    .Input("temperature", "float", "0.7")
                    .Input("topP", "float", "0.9")
                    .Input("top_k", "number", "40")
                    .Input("max_new_tokens", "number", "512")
                    .Input("seed", "number", "")
                    .Input("sessionId", "text", "")
                    .Input("user_id", "text", "")
                    .Input("reasoning", "select", "low", options: [("low", "Low"), ("high", "High")])
                    .Input("image", "fileinput")
                    .Input("model", "select", "1", options: [("1", "acme/\"quoted\" model"), ("2", "acme/small")])
                    .Build()),
                // A chat tool by its inputs alone.
                new SpecInput("/specs/talk.wiro.md", new SpecBuilder("acme", "talk").Input("prompt", "text").Input("session_id", "text").Build()),
                // Neither: an image tool with a prompt gets no chat client.
                new SpecInput("/specs/paint.wiro.md", new SpecBuilder("acme", "paint").Categories("text-to-image").Input("prompt", "text").Build()),
            ],
            compilation: GeneratorHarness.CreateCompilation("namespace App { internal class A { } }")
                .AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location))),
        ["media-tools"] = () => GeneratorHarness.Run(
            [
                // Image to image: two image inputs, a size select, a count select, a format, and labels that need escaping.
                new SpecInput("/specs/edit.wiro.md", new SpecBuilder("acme", "edit").Categories("tool", "Image to Image", "image-editing")
                    .Input("inputImageUrl", "text").Input("inputImage2Url", "text").Input("inputMaskUrl", "text")
                    .Input("description", "textarea", "a \"quoted\" scene")
                    .Input("size", "select", "1024x1024", options: [("1024x1024", "Square"), ("1536x1024", "Wide")])
                    .Input("num_images", "select", "1", options: [("1", "One"), ("2", "Two")])
                    .Input("output_format", "select", "webp", options: [("webp", "WebP"), ("png", "PNG")])
                    .Build()),
                new SpecInput("/specs/listen.wiro.md", new SpecBuilder("acme", "listen").Categories("tool", "speech-to-text")
                    .Input("inputAudioUrl", "text").Input("language", "select", "auto", options: [("auto", "auto"), ("French", "Fran\u00e7ais \"fr\"")]).Build()),
                new SpecInput("/specs/say.wiro.md", new SpecBuilder("acme", "say").Categories("tool", "text-to-speech")
                    .Input("text", "textarea").Input("voice_id", "select", "a1", options: [("a1", "Rachel"), ("b\\2", "Drew \"the voice\"")])
                    .Input("model_id", "select", "v2", options: [("v2", "v2")]).Input("speed", "float", "1").Input("format", "select", "mp3", options: [("mp3", "MP3"), ("wav", "WAV")])
                    .Build()),
            ],
            compilation: GeneratorHarness.CreateCompilation("namespace App { internal class A { } }")
                .AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location))),
        ["referenced-core"] = () =>
        {
            var library = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
            var consumer = GeneratorHarness.CreateCompilation().AddReferences(library.OutputCompilation.WithAssemblyName("Library").ToMetadataReference());
            return GeneratorHarness.Run([new SpecInput("/app/second.wiro.md", new SpecBuilder("acme", "second-tool").Input("prompt", "text", "hi").Build())],
                compilation: consumer);
        },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Generated_sources_of_a_scenario_match_the_snapshot(string scenario)
    {
        var run = ScenarioRuns[scenario]();
        Assert.Empty(run.CompilerProblems);

        Snapshot.MatchFiles(WithoutCore(run), scenario);
    }

    /// <summary>Without the core and its AI part (<c>.AI.</c>): ordinary C# tested in Wiro.Core.Tests.</summary>
    private static Dictionary<string, string> WithoutCore(GeneratorRun run)
        => run.Sources.Where(pair => !pair.Key.Contains(".Core.", StringComparison.Ordinal) && !pair.Key.Contains(".AI.", StringComparison.Ordinal)).ToDictionary();
}

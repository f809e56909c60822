using Microsoft.CodeAnalysis;
using Wiro.Generator.Emitting;
using Wiro.Generator.Pipeline;
using Wiro.Generator.Tests.Infrastructure;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary>
/// Image, speech-to-text and text-to-speech tools get <c>AsIImageGenerator()</c>, <c>AsISpeechToTextClient()</c> and
/// <c>AsITextToSpeechClient()</c> where the AI abstractions are referenced, planned by the spec layer. Those abstractions
/// are experimental (MEAI001): a consumer that does not call the adapters builds without the warning, one that does
/// meets it at its call (an error until suppressed, as with the abstractions themselves).
/// </summary>
public sealed class MediaAdapterGenerationTests
{
    private static readonly MetadataReference AIAbstractions =
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location);

    /// <summary>An image, a speech-to-text, a text-to-speech and a video tool (the last gets no adapter).</summary>
    internal static readonly SpecInput[] Specs =
    [
        new("/specs/paint.wiro.md", new SpecBuilder("acme", "paint").Categories("tool", "text-to-image")
            .Input("prompt", "textarea").Input("samples", "number", "1").Input("width", "number", "1024").Input("height", "number", "1024").Build()),
        new("/specs/listen.wiro.md", new SpecBuilder("acme", "listen").Categories("tool", "speech-to-text")
            .Input("inputAudioUrl", "text").Input("language", "select", "auto", options: [("auto", "auto"), ("English", "English")]).Build()),
        new("/specs/say.wiro.md", new SpecBuilder("acme", "say").Categories("tool", "text-to-speech")
            .Input("prompt", "textarea").Input("voice", "select", "a1", options: [("a1", "Rachel"), ("b2", "Drew")]).Build()),
        new("/specs/film.wiro.md", new SpecBuilder("acme", "film").Categories("tool", "text-to-video").Input("prompt", "textarea").Build()),
    ];

    [Fact]
    public void Each_kind_gets_its_adapter_with_the_AI_abstractions_and_the_consumer_builds_without_MEAI001()
    {
        var plain = GeneratorHarness.Run(Specs);
        var withAI = GeneratorHarness.Run(Specs, compilation: GeneratorHarness.CreateCompilation("namespace App { internal class A { } }").AddReferences(AIAbstractions));

        Assert.All(plain.Sources.Values, source => Assert.DoesNotContain("AsI", source, StringComparison.Ordinal));
        Assert.DoesNotContain(plain.Sources.Keys, name => name.StartsWith("Wiro.AI.", StringComparison.Ordinal));

        Assert.Contains("public virtual global::Microsoft.Extensions.AI.IImageGenerator AsIImageGenerator()", withAI.Sources["Wiro.Tools.Paint.g.cs"], StringComparison.Ordinal);
        Assert.Contains("CountInput = \"samples\",", withAI.Sources["Wiro.Tools.Paint.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public virtual global::Microsoft.Extensions.AI.ISpeechToTextClient AsISpeechToTextClient()", withAI.Sources["Wiro.Tools.Listen.g.cs"], StringComparison.Ordinal);
        Assert.Contains("new global::Wiro.WiroSpeechToTextDescriptor(FunctionDescriptor, \"inputAudioUrl\")", withAI.Sources["Wiro.Tools.Listen.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public virtual global::Microsoft.Extensions.AI.ITextToSpeechClient AsITextToSpeechClient()", withAI.Sources["Wiro.Tools.Say.g.cs"], StringComparison.Ordinal);
        Assert.Contains("KeyValuePair<string, string>(\"Drew\", \"b2\")", withAI.Sources["Wiro.Tools.Say.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("AsI", withAI.Sources["Wiro.Tools.Film.g.cs"], StringComparison.Ordinal);
        foreach (var file in new[] { "Paint", "Listen", "Say" })
        {
            Assert.Contains("[global::System.Diagnostics.CodeAnalysis.Experimental(\"MEAI001\"", withAI.Sources[$"Wiro.Tools.{file}.g.cs"], StringComparison.Ordinal);
        }

        Assert.Contains("Wiro.AI.WiroImageGenerator.g.cs", withAI.Sources.Keys);
        Assert.Contains("Wiro.AI.WiroSpeechToTextClient.g.cs", withAI.Sources.Keys);
        Assert.Contains("Wiro.AI.WiroTextToSpeechClient.g.cs", withAI.Sources.Keys);
        // Warnings included: the experimental abstractions raise nothing in a consumer that does not call the adapters.
        Assert.Empty(withAI.CompilerProblems);
    }

    [Fact]
    public void A_consumer_that_calls_an_adapter_meets_MEAI001_at_its_call_and_builds_once_it_suppresses_it()
    {
        const string consumer = """
            namespace App
            {
                internal static class Use
                {
                    public static object Paint(global::Wiro.WiroClient client) => client.Paint.AsIImageGenerator();

                    public static object Say(global::Wiro.WiroClient client) => client.Say.AsITextToSpeechClient();

                    public static object Descriptor() => global::Wiro.PaintClient.ImageDescriptor;
                }
            }
            """;
        var run = GeneratorHarness.Run(Specs, compilation: GeneratorHarness.CreateCompilation(consumer).AddReferences(AIAbstractions));

        // An experimental API's diagnostic is an error until suppressed, as with Microsoft.Extensions.AI's own methods.
        var problems = run.CompilerProblems;
        Assert.Equal(["Wiro.PaintClient.AsIImageGenerator()", "Wiro.SayClient.AsITextToSpeechClient()"],
            problems.Select(problem => problem.GetMessage().Split('\'')[1]));
        Assert.All(problems, problem =>
        {
            Assert.Equal("MEAI001", problem.Id);
            Assert.DoesNotContain("Wiro.", problem.Location.SourceTree!.FilePath, StringComparison.Ordinal);
        });

        var suppressed = GeneratorHarness.Run(Specs, compilation: GeneratorHarness.CreateCompilation("#pragma warning disable MEAI001\n" + consumer).AddReferences(AIAbstractions));
        Assert.Empty(suppressed.CompilerProblems);
    }

    [Fact]
    public void Only_the_adapters_whose_abstractions_the_compilation_has_are_written()
    {
        var adapters = new AdapterPlans(
            null,
            new ImagePlan("prompt", EquatableArray<string>.Empty, null, null, null, EquatableArray<ImageShape>.Empty, null, EquatableArray<ImageShape>.Empty, null, null),
            new SpeechToTextPlan("audio", null, EquatableArray<InputChoice>.Empty),
            new TextToSpeechPlan("prompt", null, EquatableArray<InputChoice>.Empty, null, EquatableArray<InputChoice>.Empty, null, EquatableArray<InputChoice>.Empty, null, null));
        var context = new EmitContext("Wiro", "public", "protected internal override", false, false, true, EquatableArray<string>.Empty, false,
            EmitAIFunctions: true, Media: new MediaAbstractions(ImageGenerator: true, SpeechToText: true, TextToSpeech: false, ExperimentalAttribute: true));

        var supported = context.Supported(adapters);

        Assert.Equal((adapters.Image, adapters.SpeechToText, null), (supported.Image, supported.SpeechToText, supported.TextToSpeech));
        Assert.Equal(AdapterPlans.None, (context with { EmitAIFunctions = false }).Supported(adapters));
    }
}

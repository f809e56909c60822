using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;
using Wiro.Specs;

namespace Wiro.Corpus.Tests;

/// <summary>
/// Every real page's AI function (Wiro.Specs/Functions): a valid JSON Schema (2020-12 meta-schema, JsonSchema.Net)
/// that the default request's wire JSON validates against, as a call's arguments; enum values that are the exact wire
/// values; names valid for OpenAI and MCP and unique over all pages; and generated code that compiles clean where the
/// AI abstractions are referenced.
/// </summary>
public sealed class FunctionTests
{
    private static readonly Regex NamePattern = new("^[a-zA-Z0-9_-]{1,64}$");
    private static readonly Dictionary<string, string> SpecMetadata = new() { ["WiroSpec"] = "true" };

    public static IEnumerable<object[]> AllPages => GenerationTests.AllPages;

    [Theory]
    [MemberData(nameof(AllPages))]
    public void The_schema_is_valid_and_the_default_request_validates_against_it(string folder, string name)
    {
        var path = Path.Combine(Corpus.SpecsRoot, folder, name);
        var (spec, plan, function) = Plan(path);
        var schema = ValidSchema(function.JsonSchema);

        var run = GeneratorHarness.Run([new SpecInput(path, File.ReadAllText(path), SpecMetadata)]);
        using var wire = JsonDocument.Parse(DefaultRequestWire.Of(run));
        var arguments = FunctionArguments.FromDefaultWire(wire.RootElement, function);
        using var instance = JsonDocument.Parse(arguments.ToJsonString());
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, "the default request does not validate: " + string.Join("; ",
            (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        Assert.Equal(wire.RootElement.EnumerateObject().Select(p => p.Name), function.Inputs.Select(input => input.Key));
        Assert.Matches(NamePattern, function.Name);
        Assert.Equal(spec.Owner, function.Owner);
        Assert.Equal(spec.Slug, function.Model);
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public void A_selects_enum_is_its_options_exact_wire_values(string folder, string name)
    {
        var (spec, plan, function) = Plan(Path.Combine(Corpus.SpecsRoot, folder, name));
        using var schema = JsonDocument.Parse(function.JsonSchema);
        var properties = schema.RootElement.GetProperty("properties");

        foreach (var property in plan.Properties.Where(p => p.Shape == ValueShape.Enum))
        {
            var input = spec.Inputs.First(i => i.Name == property.InputName);
            var values = properties.GetProperty(property.WireName).GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Equal(input.Options.Select(option => option.Value), values);
            Assert.Equal(plan.Enums[property.EnumIndex].Members.Select(member => member.WireValue), values);
        }

        Assert.All(plan.Properties.Where(p => p.Shape != ValueShape.Enum && p.Shape != ValueShape.StringList),
            property => Assert.False(properties.GetProperty(property.WireName).TryGetProperty("enum", out _)));
    }

    [Fact]
    public void Names_are_valid_and_unique_over_all_pages()
    {
        var names = AllPages.Select(p => Plan(Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1])).Function.Name).ToList();

        Assert.All(names, name => Assert.Matches(NamePattern, name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_pages_together_with_the_AI_abstractions_generate_functions_that_compile_clean()
    {
        var run = RunAllPagesWithAIAbstractions();

        Assert.Empty(run.CompilerProblems);
        var specs = AllPages.ToList();
        Assert.Equal(specs.Count, Regex.Matches(run.Sources["Wiro.WiroClient.AIFunctions.g.cs"], "FunctionDescriptor, requireApproval").Count);
        Assert.Equal(specs.Count, run.Sources.Keys.Count(key => key.StartsWith("Wiro.Tools.", StringComparison.Ordinal)
            && run.Sources[key].Contains("AsAIFunction(bool requireApproval = false)", StringComparison.Ordinal)));

        // Every LLM or chat tool (by the spec layer's ChatPlanner) gets its IChatClient, and only those.
        var paths = specs.Select(p => Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1])).ToList();
        var chatPages = paths.Where(path => Plan(path) is var (page, _, function) && ChatPlanner.Plan(page, function) is not null).ToList();
        // The one LLM page here (wiro/rag-chat, categories llm and chat) is an excerpt cut before its prompt input: an
        // LLM by its categories, with nothing to take the user's turn, so it gets no chat client.
        var ragChat = Plan(paths.Single(path => path.EndsWith("wiro__rag-chat.md", StringComparison.Ordinal)));
        Assert.True(ChatPlanner.IsChatTool(ragChat.Spec, ragChat.Function));
        Assert.Null(ChatPlanner.Plan(ragChat.Spec, ragChat.Function));
        Assert.Equal(chatPages.Count, run.Sources.Keys.Count(key => key.StartsWith("Wiro.Tools.", StringComparison.Ordinal)
            && run.Sources[key].Contains("IChatClient AsIChatClient()", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_image_and_speech_page_gets_its_adapter_and_all_of_them_compile_clean()
    {
        var run = RunAllPagesWithAIAbstractions();
        var plans = AllPages.Select(p => Plan(Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1]))).ToList();
        int Count(string member) => run.Sources.Keys.Count(key => key.StartsWith("Wiro.Tools.", StringComparison.Ordinal) && run.Sources[key].Contains(member, StringComparison.Ordinal));

        var images = plans.Where(p => ImagePlanner.Plan(p.Spec, p.Function) is not null).Select(p => p.Spec.Owner + "/" + p.Spec.Slug).ToList();
        var speechToText = plans.Where(p => SpeechPlanner.PlanSpeechToText(p.Spec, p.Function) is not null).Select(p => p.Spec.Owner + "/" + p.Spec.Slug).ToList();
        var textToSpeech = plans.Where(p => SpeechPlanner.PlanTextToSpeech(p.Spec, p.Function) is not null).Select(p => p.Spec.Owner + "/" + p.Spec.Slug).ToList();

        // The pages here, by their categories: the planner finds the image, speech-to-text and text-to-speech tools.
        Assert.Contains("google/nano-banana-pro", images);
        Assert.Contains("bytedance/text-to-image-seedream-v4", images);
        Assert.Contains("wiro/Face-Swap", images);
        Assert.DoesNotContain("google/veo3", images);
        Assert.Equal(["openai/whisper-large-v3"], speechToText);
        Assert.Equal(["elevenlabs/text-to-speech", "openbmb/voxcpm", "wiro/kokoro_tts"], textToSpeech.Order(StringComparer.Ordinal));
        Assert.True(images.Count >= 15, $"{images.Count} image tools: {string.Join(", ", images)}");

        Assert.Equal(images.Count, Count("IImageGenerator AsIImageGenerator()"));
        Assert.Equal(speechToText.Count, Count("ISpeechToTextClient AsISpeechToTextClient()"));
        Assert.Equal(textToSpeech.Count, Count("ITextToSpeechClient AsITextToSpeechClient()"));
        Assert.Empty(run.CompilerProblems);
    }

    /// <summary>The generator over every real page at once, in a compilation that references the AI abstractions.</summary>
    public static GeneratorRun RunAllPagesWithAIAbstractions()
    {
        var specs = AllPages
            .Select(p => Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1]))
            .Select(path => new SpecInput(path, File.ReadAllText(path), SpecMetadata))
            .ToList();
        var compilation = GeneratorHarness.CreateCompilation("namespace App { internal class A { } }")
            .AddReferences(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.AIFunction).Assembly.Location));
        return GeneratorHarness.Run(specs, compilation: compilation);
    }

    private static (ToolSpec Spec, ToolPlan Plan, FunctionPlan Function) Plan(string path)
    {
        var parsed = SpecParser.Parse(path, File.ReadAllText(path), CancellationToken.None);
        Assert.NotNull(parsed.Spec);
        var (plan, _) = ToolPlanner.Plan(parsed.Spec!, null, ["CallbackUrl", "ProjectId", "WriteParameters", "HasLocalFiles"], CancellationToken.None);
        return (parsed.Spec!, plan, FunctionPlanner.Plan(parsed.Spec!, plan));
    }

    private static JsonSchema ValidSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        var meta = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(meta.IsValid, "not a valid JSON Schema: " + json);
        return JsonSchema.FromText(json);
    }
}

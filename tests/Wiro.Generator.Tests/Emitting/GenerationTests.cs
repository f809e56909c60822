using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>Generated code compiles cleanly (nullable on, XML docs required) and has the promised shape.</summary>
public sealed class GenerationTests
{
    [Fact]
    public void Every_shipped_spec_generates_code_without_a_warning()
    {
        var specs = GeneratorHarness.ShippedSpecs();
        Assert.NotEmpty(specs);

        var run = GeneratorHarness.Run(specs);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Seed_spec_generates_the_request_client_and_status_types()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
        var compilation = run.OutputCompilation;

        var request = compilation.GetTypeByMetadataName("Wiro.LtxVideoText2VideoRequest");
        Assert.NotNull(request);
        Assert.Equal(Accessibility.Public, request!.DeclaredAccessibility);
        Assert.Equal(
            ["Prompt", "NegativePrompt", "Fps", "Width", "Height", "NumFrames", "Steps", "Seed"],
            request.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsImplicitlyDeclared).Select(p => p.Name));
        Assert.Equal("Int32", ((IPropertySymbol)request.GetMembers("NumFrames").Single()).Type.Name);
        Assert.Equal("String", ((IPropertySymbol)request.GetMembers("Seed").Single()).Type.Name);

        var client = compilation.GetTypeByMetadataName("Wiro.WiroClient");
        Assert.NotNull(client!.GetMembers("LtxVideoText2Video").OfType<IPropertySymbol>().SingleOrDefault());
        Assert.NotNull(compilation.GetTypeByMetadataName("Wiro.WiroTaskStatus"));
    }

    [Fact]
    public void Namespace_and_accessibility_follow_the_msbuild_properties()
    {
        var properties = new Dictionary<string, string> { ["WiroNamespace"] = "Acme.Ai.Wiro", ["WiroAccessibility"] = "internal" };

        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), properties);

        Assert.Empty(run.CompilerProblems);
        var request = run.OutputCompilation.GetTypeByMetadataName("Acme.Ai.Wiro.LtxVideoText2VideoRequest");
        Assert.Equal(Accessibility.Internal, request!.DeclaredAccessibility);
        var core = run.OutputCompilation.GetTypeByMetadataName("Acme.Ai.Wiro.WiroClient");
        Assert.Equal(Accessibility.Internal, core!.DeclaredAccessibility);
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("Wiro.WiroClient"));
    }

    [Fact]
    public void Core_is_not_emitted_when_the_project_compiles_it_itself()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), new Dictionary<string, string> { ["WiroEmitCore"] = "false" });

        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("Wiro.Core.", StringComparison.Ordinal));
        Assert.Contains("Wiro.WiroTaskStatus.g.cs", run.Sources.Keys);
        Assert.Contains("Wiro.Tools.LtxVideoText2Video.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Invalid_options_fall_back_with_a_warning()
    {
        var properties = new Dictionary<string, string> { ["WiroNamespace"] = "1Bad..Name", ["WiroAccessibility"] = "friend" };

        var run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), properties);

        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "WIRO011"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.LtxVideoText2VideoRequest"));
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Per_file_type_name_overrides_the_slug()
    {
        var spec = GeneratorHarness.ShippedSpecs()[0] with { Metadata = new Dictionary<string, string> { ["WiroTypeName"] = "Ltx" } };

        var run = GeneratorHarness.Run([spec]);

        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.LtxRequest"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.LtxClient"));
        Assert.Empty(run.CompilerProblems);
    }

    [Theory]
    [InlineData("WiroTaskstatus")] // Roslyn compares generated file names ignoring case: not the status enum's file
    [InlineData("Core")]
    public void A_tool_named_like_a_shared_file_still_gets_its_own_file(string typeName)
    {
        var spec = GeneratorHarness.ShippedSpecs()[0] with { Metadata = new Dictionary<string, string> { ["WiroTypeName"] = typeName } };

        var run = GeneratorHarness.Run([spec]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro." + typeName + "Request"));
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Wiro.WiroTaskStatus"));
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void Select_inputs_become_enums_with_exact_wire_values_and_booleans()
    {
        var spec = new SpecBuilder("acme", "Store Image-Gen.2")
            .Input("aspectRatio", "select", "16:9", options: [("16:9", "16:9"), ("9:16", "9:16"), ("1:1", "1:1 (1K)1024x1024")])
            .Input("color", "select", "", options: [("", "Auto"), ("#A6E1F9,#4BC7CE", "Light Blue Gradients")])
            .Input("samples", "select", "1", options: [("1", "1"), ("2", "2")])
            .Input("watermark", "select", "false", options: [("false", "False"), ("true", "True")])
            .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("29vD33N1CtxCmqQRPOHJ", "Drew")])
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/store.wiro.md", spec)]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        var toolFile = run.Sources["Wiro.Tools.StoreImageGen2.g.cs"];
        Assert.Contains("public global::Wiro.StoreImageGen2AspectRatio AspectRatio { get; set; } = global::Wiro.StoreImageGen2AspectRatio.Ratio16x9;", toolFile);
        Assert.Contains("global::Wiro.StoreImageGen2Color.Auto => \"\",", toolFile);
        Assert.Contains("global::Wiro.StoreImageGen2Color.LightBlueGradients => \"#A6E1F9,#4BC7CE\",", toolFile);
        Assert.Contains("global::Wiro.StoreImageGen2Samples.Value2 => \"2\",", toolFile);
        Assert.Contains("public bool Watermark { get; set; } = false;", toolFile);
        Assert.Contains("global::Wiro.StoreImageGen2Voice.Rachel => \"21m00Tcm4TlvDq8ikWAM\",", toolFile);
        Assert.Contains("public const string Model = \"Store Image-Gen.2\";", toolFile);
    }

    [Fact]
    public void Input_names_become_unique_valid_properties()
    {
        var spec = new SpecBuilder("acme", "names")
            .Input("seed", "text", "42")
            .Input("Seed", "number", "7")
            .Input("1stPass", "text")
            .Input("class", "text")
            .Input("callbackUrl", "text")
            .Input("audio_prompt_type", "text")
            .Input("names", "text")
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/names.wiro.md", spec)]);

        Assert.Empty(run.CompilerProblems);
        // callbackUrl is the key of every request's CallbackUrl: a second input with that key would be lost (WIRO015).
        var clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO015", clash.Id);
        Assert.Equal(LineOf(spec, "- name: callbackUrl"), clash.Location.GetLineSpan().StartLinePosition.Line);
        var request = run.OutputCompilation.GetTypeByMetadataName("Wiro.NamesRequest")!;
        Assert.Equal(
            ["Seed", "Seed2", "_1stPass", "Class", "AudioPromptType", "Names"],
            request.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsImplicitlyDeclared && !p.IsOverride).Select(p => p.Name));
    }

    [Fact]
    public void Numbers_take_the_type_their_default_needs()
    {
        var spec = new SpecBuilder("acme", "numbers")
            .Input("steps", "number", "25")
            .Input("big", "number", "12345678901")
            .Input("scale", "number", "7.5")
            .Input("ratio", "float", "1")
            .Input("blank", "number", "")
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/numbers.wiro.md", spec)]);

        Assert.Empty(run.CompilerProblems);
        var source = run.Sources["Wiro.Tools.Numbers.g.cs"];
        Assert.Contains("public int Steps { get; set; } = 25;", source);
        Assert.Contains("public long Big { get; set; } = 12345678901L;", source);
        Assert.Contains("public double Scale { get; set; } = 7.5d;", source);
        Assert.Contains("public double Ratio { get; set; } = 1.0;", source);
        Assert.Contains("public int? Blank { get; set; }", source);
    }

    [Fact]
    public void File_inputs_accept_urls_or_local_files()
    {
        var spec = new SpecBuilder("acme", "files")
            .Input("inputImageUrl", "text")
            .Input("inputImages", "combinefileinput", "a.png,b.png")
            .Input("styles", "multiselect", "a,b", options: [("a", "A"), ("b", "B")])
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/files.wiro.md", spec)]);

        Assert.Empty(run.CompilerProblems);
        var source = run.Sources["Wiro.Tools.Files.g.cs"];
        Assert.Contains("public global::Wiro.WiroFile? InputImageUrl { get; set; }", source);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::Wiro.WiroFile> InputImages { get; set; }", source);
        Assert.Contains("writer.WriteFile(\"inputImageUrl\", InputImageUrl);", source);
        Assert.Contains("writer.WriteStringList(\"styles\", Styles);", source);
        Assert.Contains("bool HasLocalFiles", source);
    }

    private static int LineOf(string text, string needle)
        => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n');
}

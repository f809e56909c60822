using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Pipeline;

/// <summary>
/// The AI adapters against every older Microsoft.Extensions.AI.Abstractions the registry serves (downloaded by the test
/// project, see its <c>PackageDownload</c>): each version gets what its types allow and builds without a warning, or
/// gets none and is told why (WIRO022). A type test alone let 10.3 through with an experimental type (MEAI001, an
/// error) inside the generated code.
/// </summary>
public sealed class AIAbstractionsVersionTests
{
    private const string Chat = "WiroChatClient";
    private const string Functions = "WiroToolFunction";
    private const string Image = "WiroImageGenerator";
    private const string SpeechToText = "WiroSpeechToTextClient";
    private const string TextToSpeech = "WiroTextToSpeechClient";

    private static readonly SpecInput[] Specs =
    [
        new("/specs/chat.wiro.md", new SpecBuilder("acme", "chat").Categories("llm", "chat")
            .Input("prompt", "textarea").Input("session_id", "text").Input("temperature", "float", "0.7").Build()),
        .. MediaAdapterGenerationTests.Specs,
    ];

    /// <summary>A consumer that calls every adapter it may have (MEAI001 suppressed, as a caller of these experimental APIs does).</summary>
    private const string Consumer = """
        #pragma warning disable MEAI001
        namespace App
        {
            internal static class Use
            {
                public static object[] All(global::Wiro.WiroClient client) => new object[]
                {
                    client.AsAIFunctions(),
                    client.Chat.AsAIFunction(requireApproval: true),
        #if CHAT
                    client.Chat.AsIChatClient(),
        #endif
        #if IMAGE
                    client.Paint.AsIImageGenerator(),
        #endif
        #if STT
                    client.Listen.AsISpeechToTextClient(),
        #endif
        #if TTS
                    client.Say.AsITextToSpeechClient(),
        #endif
                };
            }
        }
        """;

    public static TheoryData<string, string[]> Versions => new()
    {
        { "9.5.0", [] },
        { "9.10.2", [] },
        { "10.3.0", [Functions, Chat, Image, SpeechToText] },
        { "10.5.0", [Functions, Chat, Image, SpeechToText, TextToSpeech] },
        { "10.8.0", [Functions, Chat, Image, SpeechToText, TextToSpeech] },
        { "10.11.0", [Functions, Chat, Image, SpeechToText, TextToSpeech] },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void Each_version_gets_the_adapters_its_types_allow_and_builds_clean_or_is_told_why_it_gets_none(string version, string[] adapters)
    {
        var symbols = new List<string>();
        symbols.AddRange(adapters.Contains(Chat) ? ["CHAT"] : []);
        symbols.AddRange(adapters.Contains(Image) ? ["IMAGE"] : []);
        symbols.AddRange(adapters.Contains(SpeechToText) ? ["STT"] : []);
        symbols.AddRange(adapters.Contains(TextToSpeech) ? ["TTS"] : []);
        var parseOptions = GeneratorHarness.ParseOptions.WithPreprocessorSymbols(symbols);
        var source = adapters.Length == 0 ? "namespace App { internal class A { } }" : Consumer;
        var compilation = GeneratorHarness.CreateCompilation(parseOptions, source).AddReferences(AIAbstractions(version));
        // As the SDK does (NoWarn 1701;1702): the net8.0 build of the package names System.Runtime 8.0, the references are 10.0.
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("CS1701", ReportDiagnostic.Suppress).SetItem("CS1702", ReportDiagnostic.Suppress)));

        var run = GeneratorHarness.Run(Specs, compilation: compilation);

        var generated = run.Sources.Keys
            .Where(name => name.StartsWith("Wiro.AI.Wiro", StringComparison.Ordinal))
            .Select(name => name["Wiro.AI.".Length..^".g.cs".Length])
            .Where(name => new[] { Chat, Functions, Image, SpeechToText, TextToSpeech }.Contains(name));
        Assert.Equal(adapters.Order(), generated.Order());
        Assert.Empty(run.CompilerProblems);

        var outdated = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "WIRO022").ToList();
        if (adapters.Length == 0)
        {
            var told = Assert.Single(outdated);
            Assert.Equal(DiagnosticSeverity.Info, told.Severity);
            // It names the types that version lacks, and only those.
            var message = told.GetMessage();
            var named = message.Split(" without ")[1].Split(", so ")[0].Split(", ");
            Assert.NotEmpty(named);
            Assert.All(named, type => Assert.Null(compilation.GetTypeByMetadataName("Microsoft.Extensions.AI." + type)));
            Assert.Contains("10.3.0 or later", message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(outdated);
        }
    }

    [Fact]
    public void A_project_without_the_AI_abstractions_is_told_nothing()
        => Assert.DoesNotContain(GeneratorHarness.Run(Specs).GeneratorDiagnostics, diagnostic => diagnostic.Id == "WIRO022");

    /// <summary>The net8.0 build of a downloaded version, where the test project's restore put it (its NuGetPackageRoot, kept in the assembly).</summary>
    private static MetadataReference AIAbstractions(string version)
    {
        var root = typeof(AIAbstractionsVersionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;
        var path = Path.Combine(root, "microsoft.extensions.ai.abstractions", version, "lib", "net8.0", "Microsoft.Extensions.AI.Abstractions.dll");
        Assert.True(File.Exists(path), $"{path} is missing: the test project's restore downloads it (PackageDownload)");
        return MetadataReference.CreateFromFile(path);
    }
}

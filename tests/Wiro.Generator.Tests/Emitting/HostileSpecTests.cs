using System.Runtime.Loader;
using CsCheck;
using Microsoft.CodeAnalysis;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>No spec text can break the generated code or inject code into it.</summary>
public sealed class HostileSpecTests
{
    private const string Hostile = "\"; System.Environment.Exit(1); //  */ </summary> <see cref=\"X\"/> #if NEVER \\ \\' \u0001\u0007 \u2028 {0} $\"{x}\" &amp;";

    [Fact]
    public void Hostile_texts_compile_and_reach_the_wire_unchanged()
    {
        var spec = new SpecBuilder("acme", "hostile")
            .Description(Hostile)
            .Input("prompt", "textarea", Hostile, label: Hostile, help: Hostile)
            .Input("mode", "select", "a\"b", options: [("a\"b", Hostile), ("c\\d", "</summary>")])
            .Input("huge", "text", new string('x', 200_000))
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/hostile.wiro.md", spec)]);

        Assert.Empty(run.CompilerProblems);
        var request = Instantiate(run.OutputCompilation, "Wiro.HostileRequest");
        // A default reaches the wire byte for byte, its double space included.
        Assert.Equal(Hostile, request.GetType().GetProperty("Prompt")!.GetValue(request));
        Assert.Equal(200_000, ((string)request.GetType().GetProperty("Huge")!.GetValue(request)!).Length);
    }

    [Fact]
    public void Random_texts_in_every_field_never_break_the_build()
    {
        var text = Gen.Char['\u0001', '\u2030'].Array[0, 30].Select(chars => new string(chars).Replace("\n", " ").Replace("\r", " "));
        Gen.Select(text, text, text).Sample((label, help, @default) =>
        {
            var spec = new SpecBuilder("acme", "fuzz")
                .Input("prompt", "textarea", @default, label: label, help: help)
                .Build();

            var run = GeneratorHarness.Run([new SpecInput("/specs/fuzz.wiro.md", spec)]);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
            Assert.DoesNotContain(run.CompilerProblems, d => d.Location.SourceTree?.FilePath.Contains("Fuzz") == true);
        }, iter: 25);
    }

    private static object Instantiate(Compilation compilation, string typeName)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext(typeName, isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        return Activator.CreateInstance(assembly.GetType(typeName)!)!;
    }
}

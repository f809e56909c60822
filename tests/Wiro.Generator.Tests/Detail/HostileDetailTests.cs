using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Wiro.Generator.Tests.Infrastructure;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Detail;

/// <summary>
/// A .wiro.json anyone may have written: every outcome is the page's code plus located diagnostics, never an
/// exception, a hang or a compile error; the reader's bounds hold.
/// </summary>
public sealed class HostileDetailTests
{
    public static TheoryData<string, string, string> Corpus() => new()
    {
        { "empty", "", "WIRO019" },
        { "not json", "<html>maintenance</html>", "WIRO019" },
        { "a list", "[1,2,3]", "WIRO019" },
        { "deep arrays", new string('[', 100_000) + new string(']', 100_000), "WIRO019" },
        { "deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000), "WIRO019" },
        { "10 MB string", "{\"tool\":[{\"readme\":\"" + new string('x', 10 * 1024 * 1024) + "\"}]}", "WIRO019" },
        { "many values", "{\"tool\":[{\"inspire\":[" + string.Join(",", Enumerable.Repeat("0", 300_000)) + "]}]}", "WIRO019" },
        { "unclosed string", "{\"tool\":[{\"parameters\":\"", "WIRO019" },
        { "raw control in string", "{\"parameters\":[{\"items\":[{\"id\":\"a\u0001\"}]}]}", "WIRO019" },
        { "bad escape", "{\"parameters\":[{\"items\":[{\"id\":\"\\x41\"}]}]}", "WIRO019" },
        { "trailing garbage", "{\"parameters\":null} {}", "WIRO019" },
        { "refusal", "{\"result\":false,\"errors\":[{\"code\":1,\"message\":\"not found\"}]}", "WIRO019" },
        { "refusal as string", "{\"result\":\"false\",\"tool\":[]}", "WIRO019" },
        { "tool is a string", "{\"tool\":\"painter\"}", "WIRO019" },
        { "no tool in list", "{\"tool\":[1,null]}", "WIRO019" },
        { "parameters an object", "{\"tool\":[{\"parameters\":{\"items\":[]}}]}", "WIRO019" },
        { "NaN", "{\"parameters\":[{\"items\":[{\"id\":\"steps\",\"min\":\"NaN\"}]}]}", "WIRO020" },
        { "1e400", "{\"parameters\":[{\"items\":[{\"id\":\"steps\",\"max\":1e400}]}]}", "WIRO020" },
        { "-Infinity string", "{\"parameters\":[{\"items\":[{\"id\":\"steps\",\"max\":\"-Infinity\"}]}]}", "WIRO020" },
        { "min above max", "{\"parameters\":[{\"items\":[{\"id\":\"steps\",\"min\":5,\"max\":1}]}]}", "WIRO020" },
        { "step zero", "{\"parameters\":[{\"items\":[{\"id\":\"steps\",\"step\":0}]}]}", "WIRO020" },
        { "duplicate key", "{\"parameters\":[{\"items\":[{\"id\":\"prompt\",\"required\":false,\"required\":true}]}]}", "WIRO020" },
        { "duplicate id", "{\"parameters\":[{\"items\":[{\"id\":\"prompt\"},{\"id\":\"prompt\",\"required\":true}]}]}", "WIRO020" },
        { "two ids for one input", "{\"parameters\":[{\"items\":[{\"id\":\"inputImage\"},{\"id\":\"inputImageUrl\",\"required\":true}]}]}", "WIRO020" },
        { "id a number", "{\"parameters\":[{\"items\":[{\"id\":7,\"required\":true}]}]}", "WIRO020" },
        { "required an object", "{\"parameters\":[{\"items\":[{\"id\":\"prompt\",\"required\":{}}]}]}", "WIRO020" },
        { "min a list", "{\"parameters\":[{\"items\":[{\"id\":\"steps\",\"min\":[1]}]}]}", "WIRO020" },
        { "items a string", "{\"parameters\":[{\"items\":\"prompt\"}]}", "WIRO020" },
        { "item a number", "{\"parameters\":[{\"items\":[42]}]}", "WIRO020" },
        { "unknown id", "{\"parameters\":[{\"items\":[{\"id\":\"colour\",\"required\":true}]}]}", "WIRO021" },
        { "lone surrogate id", "{\"parameters\":[{\"items\":[{\"id\":\"\\ud800\",\"required\":true}]}]}", "WIRO021" },
        { "bidi id", "{\"parameters\":[{\"items\":[{\"id\":\"prompt\\u202e\",\"required\":true}]}]}", "WIRO021" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_hostile_detail_file_is_a_located_warning_and_the_page_still_generates(string name, string detail, string expectedId)
    {
        var run = GeneratorHarness.Run(DetailFiles.Pair(detail));

        Assert.True(run.GeneratorDiagnostics.Any(d => d.Id == expectedId), name + ": " + string.Join("; ", run.GeneratorDiagnostics));
        Assert.All(run.GeneratorDiagnostics, diagnostic =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal(DetailFiles.DetailPath, diagnostic.Location.GetLineSpan().Path);
            Assert.DoesNotContain("\u202e", diagnostic.GetMessage(), StringComparison.Ordinal);
        });
        Assert.Empty(run.CompilerProblems);
        Assert.Contains("sealed partial record PainterRequest", run.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_bytes_decode_to_replacement_characters_and_are_read_like_any_text()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"parameters\":[{\"items\":[{\"id\":\"prompt\",\"required\":true},{\"id\":\"X\",\"min\":1}]}]}");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xFF;
        var text = SourceText.From(bytes, bytes.Length, Encoding.UTF8, throwIfBinaryDetected: false);
        var driver = GeneratorHarness.CreateDriver([new SpecInput(DetailFiles.SpecPath, DetailFiles.Spec())]);
        driver = driver.AddAdditionalTexts([new ByteText(DetailFiles.DetailPath, text)]);

        var run = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation());

        var unknown = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIRO021", unknown.Id);
        Assert.Contains("\uFFFD", unknown.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("public required string Prompt", run.Sources["Wiro.Tools.Painter.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_by_the_bound_not_by_the_stack()
    {
        var detail = DetailReader.Read("/x.wiro.json", new string('[', 1_000_000), CancellationToken.None);

        var diagnostic = Assert.Single(detail.Diagnostics);
        Assert.Equal(DiagnosticId.UnreadableDetail, diagnostic.Code);
        Assert.Contains("deeper than 64", diagnostic.MessageArgs[0], StringComparison.Ordinal);
        Assert.Equal(64, diagnostic.Location!.LineSpan.Start.Character);
    }

    [Fact]
    public void A_cancelled_read_stops_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var text = "{\"a\":[" + string.Join(",", Enumerable.Repeat("1", 10_000)) + "]}";

        Assert.ThrowsAny<OperationCanceledException>(() => DetailReader.Read("/x.wiro.json", text, cancelled.Token));
    }

    [Fact]
    public void Mutated_detail_files_give_a_located_diagnostic_or_constraints_never_an_exception()
    {
        var spec = Wiro.Specs.SpecParser.Parse(DetailFiles.SpecPath, DetailFiles.Spec(), CancellationToken.None).Spec!;
        var valid = DetailFiles.Answer;
        var pieces = new[] { "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud800", "-", "1e400", "NaN", "null", "true", "\"1\"", "\u0000", "\uFFFD", "\u202E", " " };
        var mutation = Gen.Select(Gen.Int[0, valid.Length], Gen.Int[0, 12], Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]));
        Gen.Select(mutation.Array[1, 6], Gen.Bool).Sample((edits, truncate) =>
        {
            var text = new StringBuilder(valid);
            foreach (var (at, cut, piece) in edits)
            {
                var position = Math.Min(at, text.Length);
                text.Remove(position, Math.Min(cut, text.Length - position)).Insert(position, piece);
            }

            var mutated = truncate ? text.ToString(0, text.Length / 2) : text.ToString();
            var detail = DetailReader.Read(DetailFiles.DetailPath, mutated, CancellationToken.None);
            var (constrained, matched) = DetailReader.Apply(spec, detail);

            foreach (var diagnostic in detail.Diagnostics.Concat(matched))
            {
                Assert.NotEqual(DiagnosticId.InternalError, diagnostic.Code);
                Assert.Equal(DetailFiles.DetailPath, diagnostic.Location!.FilePath);
                Assert.InRange(diagnostic.Location.Span.Start, 0, mutated.Length);
                Assert.InRange(diagnostic.Location.Span.End, diagnostic.Location.Span.Start, mutated.Length);
            }

            Assert.Equal(spec.Inputs.Select(i => i.Name), constrained.Inputs.Select(i => i.Name));
            Assert.All(constrained.Inputs, input =>
            {
                var c = input.Constraints;
                Assert.True(c.Minimum is null || double.IsFinite(c.Minimum.Value));
                Assert.True(c.Maximum is null || double.IsFinite(c.Maximum.Value));
                Assert.True(c.Step is null || c.Step > 0);
                Assert.False(c.Minimum > c.Maximum);
            });
        }, iter: 2_000);
    }

    [Fact]
    public void Mutated_detail_files_through_the_generator_always_compile()
    {
        var pieces = new[] { "{", "}", "\"", ",", "1e400", "null", "true", "\"1\"", "-5" };
        Gen.Select(Gen.Int[0, DetailFiles.Answer.Length], Gen.Int[0, pieces.Length - 1].Select(i => pieces[i])).Sample((at, piece) =>
        {
            var run = GeneratorHarness.Run(DetailFiles.Pair(DetailFiles.Answer.Insert(at, piece)));

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "WIRO012");
            Assert.Empty(run.CompilerProblems);
            Assert.True(run.Sources.ContainsKey("Wiro.Tools.Painter.g.cs"));
        }, iter: 20);
    }

    private sealed class ByteText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}

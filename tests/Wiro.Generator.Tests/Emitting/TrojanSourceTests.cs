using System.Globalization;
using System.Runtime.Loader;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Wiro.Generator.Emitting;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Generator.Tests.Emitting;

/// <summary>
/// What a reviewer sees is what the compiler sees: bidi controls, zero-width and other invisible characters from a
/// spec never stay raw in generated code, yet every value reaches the wire byte for byte.
/// </summary>
public sealed class TrojanSourceTests
{
    /// <summary>Bidi embeddings, overrides and isolates; zero-width space, joiners and marks; word joiner; BOM; and more.</summary>
    private static readonly string[] Hidden =
    [
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF", "\u00AD", "\u061C", "\u180E",
        "\u2062", "\u3164", "\u115F", "\uFE0F", "\u034F", "\U000E0041", "\U000E007F", "\u00A0", "\u3000",
    ];

    /// <summary>The classic Trojan Source line: an "admin" check whose bidi controls make it read differently.</summary>
    private const string Trojan = "user\u202E \u2066// check if admin\u2069 \u2066\"; return; //";

    [Fact]
    public void Hidden_characters_in_every_field_are_escaped_in_the_generated_code()
    {
        var text = Trojan + string.Concat(Hidden) + " end";
        var spec = new SpecBuilder("acme", "trojan")
            .Description(text)
            .Input("prompt", "textarea", text, label: text, help: text)
            .Input("mode", "select", "a" + Hidden[4], options: [("a" + Hidden[4], text), ("b\u200B", "b" + Hidden[9])])
            .Build();

        var slug = new SpecBuilder("acme\u2066", "ev\u202Eil\u200B")
            .Input("x\u200Dy", "text", "1")
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/trojan.wiro.md", spec), new SpecInput("/specs/slug.wiro.md", slug)]);

        Assert.Empty(run.CompilerProblems);
        Assert.Contains(run.Sources.Values, source => source.Contains("\"ev\\u202eil\\u200b\"", StringComparison.Ordinal));
        foreach (var (hintName, source) in run.Sources)
        {
            var raw = RawHiddenCharacters(source);
            Assert.True(raw.Count == 0, hintName + " holds raw " + string.Join(", ", raw));
        }

        var tool = run.Sources["Wiro.Tools.Trojan.g.cs"];
        Assert.Contains("\\u202e", tool);
        Assert.Contains("&#x202E;", tool);
        Assert.Contains("&#xE0041;", tool);
        var request = Instantiate(run.OutputCompilation, "Wiro.TrojanRequest");
        Assert.Equal(text, request.GetType().GetProperty("Prompt")!.GetValue(request));
    }

    [Fact]
    public void Tabs_vertical_tabs_and_form_feeds_in_a_default_reach_the_wire_byte_for_byte()
    {
        const string value = "a\tb\vc\fd  e\t";
        var spec = new SpecBuilder("acme", "spacing")
            .Input("prompt", "textarea", value)
            .Build();

        var run = GeneratorHarness.Run([new SpecInput("/specs/spacing.wiro.md", spec)]);

        Assert.Empty(run.CompilerProblems);
        Assert.Contains("\"a\\tb\\u000bc\\u000cd  e\\t\"", run.Sources["Wiro.Tools.Spacing.g.cs"]);
        var request = Instantiate(run.OutputCompilation, "Wiro.SpacingRequest");
        Assert.Equal(value, request.GetType().GetProperty("Prompt")!.GetValue(request));
    }

    private static readonly Gen<string> TextWithHidden = Gen.OneOf(
            Gen.Int[0, Hidden.Length - 1].Select(i => Hidden[i]),
            Gen.String[0, 4],
            Gen.Const("\""), Gen.Const("\\"), Gen.Const("</summary>"), Gen.Const("\n"))
        .Array[0, 12].Select(parts => string.Concat(parts));

    [Fact]
    public void String_literals_show_every_hidden_character_and_round_trip()
    {
        TextWithHidden.Sample(text =>
        {
            var literal = Escape.StringLiteral(text);

            Assert.Empty(RawHiddenCharacters(literal));
            var expression = SyntaxFactory.ParseExpression(literal);
            Assert.Empty(expression.GetDiagnostics());
            Assert.Equal(text, Assert.IsType<LiteralExpressionSyntax>(expression).Token.ValueText);
        });
    }

    [Fact]
    public void Doc_text_shows_every_hidden_character_as_a_reference_and_stays_well_formed()
    {
        TextWithHidden.Sample(text =>
        {
            var doc = Escape.XmlDocText(text);
            var tree = CSharpSyntaxTree.ParseText($"/// <summary>{doc}</summary>\npublic class C {{ }}\n",
                new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose));

            Assert.Empty(RawHiddenCharacters(doc));
            Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
            foreach (var hidden in Hidden.Where(h => text.Contains(h, StringComparison.Ordinal) && !char.IsWhiteSpace(h, 0)))
            {
                Assert.Contains("&#x" + char.ConvertToUtf32(hidden, 0).ToString("X4", CultureInfo.InvariantCulture) + ";", doc);
            }
        });
    }

    /// <summary>The invisible characters a text holds raw: format characters, the hidden set above, non-ASCII spaces.</summary>
    private static List<string> RawHiddenCharacters(string text)
    {
        var found = new List<string>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i];
            var element = char.ConvertFromUtf32(char.IsSurrogate(text[i]) && !char.IsSurrogatePair(text, i) ? 0xFFFD : codePoint);
            if (CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format || Hidden.Contains(element))
            {
                found.Add("U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return found;
    }

    private static object Instantiate(Compilation compilation, string typeName)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext(typeName, isCollectible: true).LoadFromStream(stream);
        return Activator.CreateInstance(assembly.GetType(typeName)!)!;
    }
}

using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Wiro.Generator.Emitting;

namespace Wiro.Generator.Tests.Emitting;

public sealed class EscapeTests
{
    private static readonly string[] Fragments =
        ["\"", "\\", "*/", "</summary>", "\n#if DEBUG\n", "\u2028", "\r\n}", "\0", "\uD800", "{{", "@\"", "$\"{x}\""];

    private static readonly Gen<string> HostileText = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(chars => new string(chars)),
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[1, 8].Select(parts => string.Concat(parts)));

    [Fact]
    public void String_literal_round_trips_any_text()
    {
        HostileText.Sample(text =>
        {
            var literal = Escape.StringLiteral(text);
            var expression = SyntaxFactory.ParseExpression(literal);

            Assert.Empty(expression.GetDiagnostics());
            var token = Assert.IsType<LiteralExpressionSyntax>(expression).Token;
            Assert.Equal(text, token.ValueText);
        });
    }

    [Fact]
    public void Xml_doc_text_stays_inside_one_comment_line()
    {
        HostileText.Sample(text =>
        {
            var doc = Escape.XmlDocText(text);
            var source = $"/// <summary>{doc}</summary>\npublic class C {{ }}\n";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose));

            Assert.DoesNotContain('\n', doc);
            Assert.DoesNotContain('<', doc);
            Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Single(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>());
        });
    }

    [Fact]
    public void Xml_doc_text_elides_long_text()
    {
        var doc = Escape.XmlDocText(new string('a', 10_000));

        Assert.Equal(Escape.MaxDocLength + 1, doc.Length);
        Assert.EndsWith("…", doc);
    }
}

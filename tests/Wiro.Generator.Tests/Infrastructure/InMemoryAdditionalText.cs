using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Wiro.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFiles item held in memory, as the compiler hands spec files to the generator.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

using Wiro.Specs;

namespace Wiro.Corpus.Tests;

/// <summary>Wiro's documented Tool/Detail answers (../shared/wiro-api) read by the spec layer's detail reader.</summary>
public sealed class DetailSampleTests
{
    private static readonly string ApiSamples = Path.GetFullPath(Path.Combine(Corpus.SpecsRoot, "..", "wiro-api"));

    [Fact]
    public void The_documented_parameters_excerpt_gives_its_two_required_inputs()
    {
        var path = Path.Combine(ApiSamples, "tool-detail-parameters-excerpt.json");

        var detail = DetailReader.Read(path, File.ReadAllText(path), CancellationToken.None);

        Assert.Empty(detail.Diagnostics);
        Assert.Equal(["prompt", "inputImage"], detail.Items.Select(item => item.Id));
        Assert.All(detail.Items, item => Assert.Equal(new InputConstraints(true, null, null, null), item.Constraints));
    }

    [Fact]
    public void The_documented_answer_with_parameters_null_says_nothing_and_is_no_error()
    {
        var path = Path.Combine(ApiSamples, "tool-detail-response.json");

        var detail = DetailReader.Read(path, File.ReadAllText(path), CancellationToken.None);

        Assert.Empty(detail.Diagnostics);
        Assert.Empty(detail.Items);
    }

    [Fact]
    public void A_file_input_shown_on_a_page_as_xUrl_takes_the_required_flag_of_item_x()
    {
        var page = Directory.GetFiles(Corpus.SpecsRoot, "*.md", SearchOption.AllDirectories)
            .Select(file => SpecParser.Parse(file, File.ReadAllText(file), CancellationToken.None).Spec)
            .First(spec => spec is not null && spec.Inputs.Any(input => input.Name == "inputImageUrl"))!;
        var path = Path.Combine(ApiSamples, "tool-detail-parameters-excerpt.json");
        var detail = DetailReader.Read(path, File.ReadAllText(path), CancellationToken.None);

        var (constrained, diagnostics) = DetailReader.Apply(page, detail);

        Assert.True(constrained.Inputs.Single(input => input.Name == "inputImageUrl").Constraints.IsRequired);
        Assert.All(diagnostics, diagnostic => Assert.Equal(DiagnosticId.UnknownDetailInput, diagnostic.Code));
    }
}

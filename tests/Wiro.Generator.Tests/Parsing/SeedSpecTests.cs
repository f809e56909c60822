using Wiro.Specs;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>The project's first real input, a collapsed page, read into exactly what the page says.</summary>
public sealed class SeedSpecTests
{
    private static readonly ToolSpec Seed = Parse(RepoSpec("ltx-video-text2video.wiro.md"), "/specs/ltx-video-text2video.wiro.md").Spec!;

    [Fact]
    public void Seed_parses_without_diagnostics()
    {
        var result = Parse(RepoSpec("ltx-video-text2video.wiro.md"));

        Assert.NotNull(result.Spec);
        Assert.Empty(result.Diagnostics);
        Assert.False(result.Spec.IsTruncated);
    }

    [Fact]
    public void Seed_basic_info_and_run_endpoint()
    {
        Assert.Equal("/specs/ltx-video-text2video.wiro.md", Seed.FilePath);
        Assert.Equal("wiroai/LTX-Video-Text2Video", Seed.ToolName);
        Assert.Equal("LTX-Video is the first DiT-based video generation model capable of generating high-quality videos in real-time.", Seed.Description);
        Assert.Equal("https://cdn.wiro.ai/uploads/models/wiroai-LTX-Video-Text2Video-cover.mp4", Seed.Cover);
        Assert.Equal(["tool", "text-to-video", "quick-showcase", "persistent"], Seed.Categories);
        Assert.Equal(["video", "text-to-video", "realistic"], Seed.Tags);
        Assert.Equal("https://api.wiro.ai/v1/Run/wiroai/LTX-Video-Text2Video", Seed.RunEndpoint);
        Assert.Equal("wiroai", Seed.Owner);
        Assert.Equal("LTX-Video-Text2Video", Seed.Slug);
        Assert.Equal("https://api.wiro.ai/v1/Task/Detail", Seed.TaskDetailEndpoint);
    }

    [Fact]
    public void Seed_inputs_with_labels_types_and_defaults()
    {
        var expected = new (string Name, string Label, string Help, string Type, InputKind Kind, string Default)[]
        {
            ("prompt", "prompt", "prompt-help", "textarea", InputKind.TextArea,
                "A woman with long brown hair and light skin smiles at another woman with long blonde hair. The woman with brown hair wears a black jacket and has a small, barely noticeable mole on her right cheek. The camera angle is a close-up, focused on the woman with brown hair's face. The lighting is warm and natural, likely from the setting sun, casting a soft glow on the scene. The scene appears to be real-life footage."),
            ("negativePrompt", "negativePrompt", "negative prompt", "textarea", InputKind.TextArea, "Blurry, bad quality"),
            ("fps", "fps", "numberofoutputs-help", "number", InputKind.Number, "24"),
            ("width", "width", "width-help", "number", InputKind.Number, "768"),
            ("height", "height", "height-help", "number", InputKind.Number, "768"),
            ("numFrames", "num-frames", "num-frames-help", "number", InputKind.Number, "240"),
            ("steps", "inferencesteps", "inferencesteps-help", "number", InputKind.Number, "25"),
            ("seed", "seed", "seed-help", "text", InputKind.Text, "42"),
        };

        Assert.Equal(expected, Seed.Inputs.Select(i => (i.Name, i.Label, i.Help, i.TypeName, i.Kind, i.Default)));
        Assert.All(Seed.Inputs, input => Assert.Empty(input.Options));
    }

    [Fact]
    public void Seed_statuses_two_completed_seven_running()
    {
        var statuses = Assert.IsType<StatusSection>(Seed.Statuses);

        Assert.Equal(["task_postprocess_end", "task_cancel"], statuses.Completed.Select(s => s.WireName));
        Assert.Equal(
            ["task_queue", "task_accept", "task_assign", "task_preprocess_start", "task_preprocess_end", "task_start", "task_output"],
            statuses.Running.Select(s => s.WireName));
        Assert.Equal("Task was cancelled by the user or system.", statuses.Completed[1].Description);
        Assert.Equal("Output is being generated.", statuses.Running[6].Description);
    }

    [Fact]
    public void Seed_input_locations_point_at_their_names()
    {
        var text = RepoSpec("ltx-video-text2video.wiro.md");

        foreach (var input in Seed.Inputs)
        {
            var location = Assert.IsType<LocationInfo>(input.Location);
            Assert.StartsWith("- name: " + input.Name, text[location.Span.Start..]);
            Assert.Equal(0, location.LineSpan.Start.Line);
            Assert.Equal(location.Span.Start, location.LineSpan.Start.Character);
        }
    }
}

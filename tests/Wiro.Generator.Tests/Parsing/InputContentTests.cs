using Wiro.Specs;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>What each input of a hand-written page reads as: exact option values, extras, awkward texts, types.</summary>
public sealed class InputContentTests
{
    private static readonly ToolSpec Lens = Parse(Fixture("lens-tool.md"), "/specs/lens.wiro.md").Spec!;

    private static ToolInput Input(string name) => Lens.Inputs.Single(i => i.Name == name);

    [Fact]
    public void Run_endpoint_is_the_truth_for_owner_and_slug()
    {
        Assert.Equal("acme/lens-tool", Lens.ToolName);
        Assert.Equal("https://api.wiro.ai/v1/Run/acme/Lens Tool v2.5", Lens.RunEndpoint);
        Assert.Equal("acme", Lens.Owner);
        Assert.Equal("Lens Tool v2.5", Lens.Slug);
        Assert.Equal("No cover", Lens.Cover);
        Assert.Equal("A made-up tool for parser tests: it \"develops\" photos.", Lens.Description);
        Assert.Equal(["tool", "image-to-image", "made up"], Lens.Categories);
        Assert.Equal(["photo editing"], Lens.Tags);
    }

    [Theory]
    [InlineData("Run Task Endpoint (POST): https://api.wiro.ai/v1/Run/google/veo3-1", "google", "veo3-1")]
    [InlineData("Run Task Endpoint (POST):\nhttps://api.wiro.ai/v1/Run/klingai/image-to-video-klingai-v1.6", "klingai", "image-to-video-klingai-v1.6")]
    [InlineData("Run Task Endpoint (POST):\nhttps://api.wiro.ai/v1/Run/JoeLink/Robot v4.0\n", "JoeLink", "Robot v4.0")]
    public void Run_endpoint_on_its_own_line_or_the_key_line(string runLines, string owner, string slug)
    {
        var page = "## Basic tool info\nModel name: x/y\n" + runLines + "\nGet Task Detail Endpoint (POST):\nhttps://api.wiro.ai/v1/Task/Detail\n"
            + "## Model Inputs: \n  - name: prompt\n    label: prompt\n    help: \n    type: text\n    default: \n"
            + "## Task Status Information\n### Completed Task Statuses\n- task_cancel : Cancelled.\n### Running Task Statuses\n- task_queue : Queued.\n";

        var spec = Parse(page).Spec!;

        Assert.Equal(owner, spec.Owner);
        Assert.Equal(slug, spec.Slug);
        Assert.Equal("https://api.wiro.ai/v1/Task/Detail", spec.TaskDetailEndpoint);
    }

    [Fact]
    public void Help_and_default_keep_colons_quotes_backslashes_and_hashes()
    {
        var prompt = Input("prompt");

        Assert.Equal("Describe the look: film stock, grain, #tags and \"quotes\" are fine", prompt.Help);
        Assert.Equal("A detective\\'s desk at 5:30 am; the lamp says \\\"Where\\'s the film?\\\" # noir", prompt.Default);
    }

    [Fact]
    public void Select_values_are_kept_exactly_between_their_quotes()
    {
        Assert.Equal(
            [new SelectOption("16:9", "16:9", EquatableArray<OptionAttribute>.Empty),
             new SelectOption("9:16", "9:16 (portrait)", EquatableArray<OptionAttribute>.Empty),
             new SelectOption("", "Auto", EquatableArray<OptionAttribute>.Empty)],
            Input("aspectRatio").Options);
        Assert.Equal("16:9", Input("aspectRatio").Default);
        Assert.Equal(["", "#A6E1F9,#4BC7CE"], Input("color").Options.Select(o => o.Value));
        Assert.Equal("", Input("color").Default);
    }

    [Fact]
    public void Option_extras_keep_their_order_and_json()
    {
        var options = Input("selectedModel").Options;

        Assert.Equal(
            [new OptionAttribute("description", "Adds grain: like 35mm, or finer"),
             new OptionAttribute("triggerwords", "[\"grain\",\"35mm\"]"),
             new OptionAttribute("generatesettings", "[{\"type\":\"float\",\"id\":\"Film-Grain\",\"label\":\"Film-Grain scale\",\"minvalue\":\"0.00\",\"maxvalue\":\"1\",\"defaultvalue\":\"1.0\",\"options\":[]}]")],
            options[0].Extras);
        Assert.Equal(("510", "acme/Plain"), (options[1].Value, options[1].Label));
        Assert.Equal(["No grain at all", "[]", "[]"], options[1].Extras.Select(e => e.Value));
    }

    [Fact]
    public void Empty_options_and_types_without_options()
    {
        Assert.Equal(InputKind.Select, Input("selectedModelPrivate").Kind);
        Assert.Empty(Input("selectedModelPrivate").Options);
        Assert.Empty(Input("effect").Options);
        Assert.Equal(["warm", "soft"], Input("styles").Options.Select(o => o.Value));
    }

    [Fact]
    public void Every_known_type_maps_to_its_kind_and_keeps_its_spelling()
    {
        Assert.Equal(
            [("inputImageUrl", "text", InputKind.Text), ("prompt", "textarea", InputKind.TextArea),
             ("aspectRatio", "select", InputKind.Select), ("color", "select", InputKind.Select),
             ("selectedModel", "select", InputKind.Select), ("selectedModelPrivate", "select", InputKind.Select),
             ("styles", "multiselect", InputKind.MultiSelect), ("steps", "number", InputKind.Number),
             ("scale", "float", InputKind.Float), ("strength", "Range", InputKind.Range),
             ("keepFaces", "checkbox", InputKind.Checkbox), ("mask", "fileinput", InputKind.FileInput),
             ("frames", "multifileinput", InputKind.MultiFileInput), ("inputImages", "combinefileinput", InputKind.CombineFileInput),
             ("effect", "selectwithcover", InputKind.SelectWithCover)],
            Lens.Inputs.Select(i => (i.Name, i.TypeName, i.Kind)));
        Assert.Equal("--keep_faces", Input("keepFaces").Default);
        Assert.Equal("a.png,b.png", Input("inputImages").Default);
    }

    [Fact]
    public void A_help_that_mentions_type_and_default_does_not_end_early()
    {
        var page = Fixture("lens-tool.md").Replace(
            "help: Between 0 and 1",
            "help: Strength type: any number, default: 0.8 is fine; options: none");

        var strength = Parse(page).Spec!.Inputs.Single(i => i.Name == "strength");
        var collapsed = Parse(Collapse(page)).Spec!.Inputs.Single(i => i.Name == "strength");

        Assert.Equal("Strength type: any number, default: 0.8 is fine; options: none", strength.Help);
        Assert.Equal(("Range", "0.8"), (strength.TypeName, strength.Default));
        Assert.Equal(strength with { Location = null }, collapsed with { Location = null });
    }
}

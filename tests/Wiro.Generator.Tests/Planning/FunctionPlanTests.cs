using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Wiro.Generator.Tests.Infrastructure;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Planning;

/// <summary>The spec layer's AI-function rules: name, description and JSON Schema of a tool (Wiro.Specs/Functions).</summary>
public sealed class FunctionPlanTests
{
    private static readonly Regex NamePattern = new("^[a-zA-Z0-9_-]{1,64}$");

    [Theory]
    [InlineData("wiroai", "LTX-Video-Text2Video", "wiroai__LTX-Video-Text2Video")]
    [InlineData("a", "b_c", "a__b_c")]
    public void A_plain_owner_and_model_make_owner__model(string owner, string model, string expected)
        => Assert.Equal(expected, FunctionName.Of(owner, model));

    [Theory]
    [InlineData("JoeLink", "Robot v4.0", "JoeLink_Robot_v4_0_")]
    [InlineData("a_", "b", "a_b_")]
    [InlineData("black-forest-labs", "flux.1-dev", "black-forest-labs_flux_1-dev_")]
    [InlineData("x", "模型", "x_")]
    public void Any_other_name_is_its_readable_part_and_a_hash(string owner, string model, string prefix)
    {
        var name = FunctionName.Of(owner, model);

        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Matches("_[0-9a-f]{16}$", name);
        Assert.DoesNotContain("__", name, StringComparison.Ordinal);
        Assert.Matches(NamePattern, name);
    }

    [Fact]
    public void Names_never_collide_where_sanitizing_or_cutting_would_make_them_equal()
    {
        var pairs = new (string Owner, string Model)[]
        {
            ("a", "b_c"), ("a_b", "c"), ("a_", "_b"), ("a__", "b"), ("a", "__b"), ("a", "b.c"), ("a", "b-c"), ("a", "b c"),
            ("a", "B.c"), ("a", "b..c"), ("a", "b_c_"), ("x", "模型"), ("x", "模"), ("x", ""), ("", "x"),
            ("owner", new string('m', 60)), ("owner", new string('m', 61)), ("owner", new string('m', 70) + "1"),
            ("owner", new string('m', 70) + "2"), ("wiroai", "LTX-Video-Text2Video"), ("wiroai", "ltx-video-text2video"),
        };

        var names = pairs.Select(pair => FunctionName.Of(pair.Owner, pair.Model)).ToList();

        Assert.All(names, name => Assert.Matches(NamePattern, name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names, pairs.Select(pair => FunctionName.Of(pair.Owner, pair.Model)));   // deterministic
    }

    [Fact]
    public void JSON_strings_hold_any_text_and_parse_back_to_it()
    {
        var hostile = "quote \" backslash \\ newline \n tab \t nul \0 bell \a line-sep \u2028 bidi \u202E emoji 🎬 end";

        var literal = JsonText.String(hostile);

        Assert.Equal(hostile, JsonSerializer.Deserialize<string>(literal));
        Assert.DoesNotContain('\u2028', literal);
        Assert.DoesNotContain('\u202E', literal);
        Assert.Equal("\"a\\ufffdb\"", JsonText.String("a\ud800b"));   // a lone surrogate is no text: U+FFFD
    }

    [Fact]
    public void The_schema_has_one_property_per_input_under_its_wire_key_typed_by_its_shape()
    {
        var function = Plan(new SpecBuilder("acme", "every-kind")
            .Input("prompt", "textarea", "a red kite", label: "Prompt", help: "What to show")
            .Input("steps", "number", "30", label: "Steps")
            .Input("big", "number", "5000000000")
            .Input("guidance", "float", "3.5")
            .Input("upscale", "select", "true", options: [("true", "Yes"), ("false", "No")])
            .Input("ratio", "select", "16:9", options: [("16:9", "Landscape"), ("9:16", "Portrait")])
            .Input("voice", "select", "", options: [("21m00", "Rachel"), ("AZnz", "Antoni")])
            .Input("styles", "multiselect", "a,b", options: [("a", "A"), ("b", "B"), ("c", "C")])
            .Input("inputImage", "fileinput")
            .Input("maskUrl", "text", "https://example.com/mask.png")
            .Input("inputImages", "multifileinput")
            .Input("seed", "number", "")
            .Build());

        using var schema = JsonDocument.Parse(function.JsonSchema);
        var root = schema.RootElement;
        var properties = root.GetProperty("properties");

        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(
            ["prompt", "steps", "big", "guidance", "upscale", "ratio", "voice", "styles", "inputImageUrl", "maskUrl", "inputImages", "seed"],
            properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"type":"string","description":"Prompt: What to show","default":"a red kite"}""", properties.GetProperty("prompt").GetRawText());
        Assert.Equal("""{"type":"integer","description":"Steps","default":30}""", properties.GetProperty("steps").GetRawText());
        Assert.Equal(5000000000, properties.GetProperty("big").GetProperty("default").GetInt64());
        Assert.Equal("number", properties.GetProperty("guidance").GetProperty("type").GetString());
        Assert.Equal(3.5, properties.GetProperty("guidance").GetProperty("default").GetDouble());
        Assert.Equal("boolean", properties.GetProperty("upscale").GetProperty("type").GetString());
        Assert.True(properties.GetProperty("upscale").GetProperty("default").GetBoolean());
        Assert.Equal(["16:9", "9:16"], properties.GetProperty("ratio").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("16:9 (Landscape)", properties.GetProperty("ratio").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("16:9", properties.GetProperty("ratio").GetProperty("default").GetString());
        Assert.False(properties.GetProperty("voice").TryGetProperty("default", out _));
        Assert.Equal(["a", "b", "c"], properties.GetProperty("styles").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["a", "b"], properties.GetProperty("styles").GetProperty("default").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("uri", properties.GetProperty("inputImageUrl").GetProperty("format").GetString());
        Assert.Equal("https://example.com/mask.png", properties.GetProperty("maskUrl").GetProperty("default").GetString());
        Assert.Equal("uri", properties.GetProperty("inputImages").GetProperty("items").GetProperty("format").GetString());
        Assert.False(properties.GetProperty("seed").TryGetProperty("default", out _));
        Assert.Equal(
            [FunctionInputKind.String, FunctionInputKind.Integer, FunctionInputKind.Integer, FunctionInputKind.Number, FunctionInputKind.Boolean,
             FunctionInputKind.String, FunctionInputKind.String, FunctionInputKind.StringList, FunctionInputKind.FileUrl, FunctionInputKind.FileUrl,
             FunctionInputKind.FileUrlList, FunctionInputKind.Integer],
            function.Inputs.Select(input => input.Kind));
        AssertValidSchema(function.JsonSchema);
    }

    [Fact]
    public void A_default_that_would_not_validate_is_left_out_of_the_schema_but_still_sent()
    {
        var function = Plan(new SpecBuilder("acme", "odd-defaults")
            .Input("styles", "multiselect", "a,z", options: [("a", "A"), ("b", "B")])
            .Build());

        using var schema = JsonDocument.Parse(function.JsonSchema);

        Assert.False(schema.RootElement.GetProperty("properties").GetProperty("styles").TryGetProperty("default", out _));
        Assert.Equal("a,z", function.Inputs[0].Default);
    }

    [Fact]
    public void The_description_says_what_the_page_says_what_the_tool_makes_and_that_each_call_is_paid()
    {
        var function = Plan(new SpecBuilder("acme", "kite").Description("Makes kites fly.\nHigh.").Input("prompt", "text").Build());

        Assert.StartsWith("Makes kites fly. High. Makes: tool. ", function.Description, StringComparison.Ordinal);
        Assert.Contains("paid run of the Wiro tool acme/kite", function.Description, StringComparison.Ordinal);
        Assert.Equal("acme__kite", function.Name);
    }

    [Fact]
    public void Hostile_spec_text_stays_inside_its_JSON_strings()
    {
        var function = Plan(new SpecBuilder("acme", "hostile")
            .Description("\"}],\"additionalProperties\":true,\"x\":{\"a\":\"\u202E")
            .Input("prompt", "text", "\\\"},{", label: "L\"}\u2028", help: "h\\")
            .Input("mode", "select", "a\"b", options: [("a\"b", "Q\"uote"), ("c\\d", "B\\ack")])
            .Build());

        using var schema = JsonDocument.Parse(function.JsonSchema);
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal(["prompt", "mode"], properties.EnumerateObject().Select(p => p.Name));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal("\\\"},{", properties.GetProperty("prompt").GetProperty("default").GetString());
        Assert.Equal(["a\"b", "c\\d"], properties.GetProperty("mode").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        AssertValidSchema(function.JsonSchema);
    }

    [Fact]
    public void The_shipped_spec_has_a_valid_schema_its_default_request_validates_against()
    {
        var spec = GeneratorHarness.ShippedSpecs().Single();
        var function = Plan(spec.Text, spec.Path);
        var schema = AssertValidSchema(function.JsonSchema);

        var wire = DefaultWire(spec);
        using var document = JsonDocument.Parse(wire);
        var arguments = FunctionArguments.FromDefaultWire(document.RootElement, function);
        var result = schema.Evaluate(JsonDocument.Parse(arguments.ToJsonString()).RootElement, new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        Assert.Equal("wiroai__LTX-Video-Text2Video", function.Name);
        Assert.Contains("prompt", arguments.Select(pair => pair.Key));
    }

    [Fact]
    public void The_checks_used_here_do_fail_on_a_bad_schema_and_on_a_mistyped_argument()
    {
        using var bad = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"integer","enum":5}}}""");
        var schema = AssertValidSchema("""{"type":"object","properties":{"steps":{"type":"integer"}},"additionalProperties":false}""");
        using var mistyped = JsonDocument.Parse("""{"steps":"30"}""");
        using var unknown = JsonDocument.Parse("""{"step":30}""");

        Assert.False(MetaSchemas.Draft202012.Evaluate(bad.RootElement).IsValid);
        Assert.False(schema.Evaluate(mistyped.RootElement).IsValid);
        Assert.False(schema.Evaluate(unknown.RootElement).IsValid);
    }

    /// <summary>The JSON Schema 2020-12 meta-schema accepts it, and it builds; the built schema is returned.</summary>
    public static JsonSchema AssertValidSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        var meta = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(meta.IsValid, "not a valid JSON Schema: " + json);
        return JsonSchema.FromText(json);
    }

    private static FunctionPlan Plan(string text, string path = "/specs/t.wiro.md")
    {
        var parsed = SpecParser.Parse(path, text, CancellationToken.None);
        Assert.NotNull(parsed.Spec);
        var (plan, _) = ToolPlanner.Plan(parsed.Spec!, null, ["CallbackUrl", "ProjectId", "WriteParameters", "HasLocalFiles"], CancellationToken.None);
        return FunctionPlanner.Plan(parsed.Spec!, plan);
    }

    /// <summary>What the generated default request writes (compiled, run through the core's JSON writer).</summary>
    private static string DefaultWire(SpecInput spec)
    {
        var run = GeneratorHarness.Run([spec]);
        return DefaultRequestWire.Of(run);
    }
}

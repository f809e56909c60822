using System.Text.Json;
using System.Text.Json.Nodes;
using Wiro.Generator.Tests.Planning;
using Wiro.Specs;

namespace Wiro.Generator.Tests.Detail;

/// <summary>Tool/Detail constraints reach the AI function's JSON Schema: required keys and a number's range.</summary>
public sealed class DetailSchemaTests
{
    [Fact]
    public void Required_inputs_without_a_default_and_number_ranges_are_in_the_schema()
    {
        var (function, plan) = PlanWithDetail();
        var schema = JsonNode.Parse(function.JsonSchema)!.AsObject();

        var required = schema["required"]!.AsArray().Select(key => key!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var expected = plan.Properties.Where(property => property.IsRequiredMember).Select(property => property.WireName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("prompt", required);
        Assert.DoesNotContain("steps", required);      // required by Tool/Detail, but the page's default is sent
        Assert.Equal(expected, required);

        var steps = schema["properties"]!["steps"]!;
        Assert.Equal(1, steps["minimum"]!.GetValue<double>());
        Assert.Equal(100, steps["maximum"]!.GetValue<double>());
        var guidance = schema["properties"]!["guidance"]!;
        Assert.Equal(0.5, guidance["minimum"]!.GetValue<double>());
        Assert.Equal(20, guidance["maximum"]!.GetValue<double>());
        Assert.Null(schema["properties"]!["prompt"]!["minimum"]);
    }

    [Fact]
    public void The_schema_refuses_a_call_without_a_required_input_or_with_a_number_out_of_range()
    {
        var (function, _) = PlanWithDetail();
        var schema = FunctionPlanTests.AssertValidSchema(function.JsonSchema);

        using var good = JsonDocument.Parse("""{"prompt":"a cat","seed":1,"inputImageUrl":"https://example.com/cat.png","steps":100}""");
        using var missing = JsonDocument.Parse("""{"seed":1,"inputImageUrl":"https://example.com/cat.png","steps":20}""");
        using var outside = JsonDocument.Parse("""{"prompt":"a cat","seed":1,"inputImageUrl":"https://example.com/cat.png","steps":101}""");
        Assert.True(schema.Evaluate(good.RootElement).IsValid);
        Assert.False(schema.Evaluate(missing.RootElement).IsValid);
        Assert.False(schema.Evaluate(outside.RootElement).IsValid);
    }

    private static (FunctionPlan Function, ToolPlan Plan) PlanWithDetail()
    {
        var parsed = SpecParser.Parse(DetailFiles.SpecPath, DetailFiles.Spec(), CancellationToken.None);
        var detail = DetailReader.Read(DetailFiles.DetailPath, DetailFiles.Answer, CancellationToken.None);
        var (spec, diagnostics) = DetailReader.Apply(parsed.Spec!, detail);
        Assert.Empty(diagnostics);
        var (plan, _) = ToolPlanner.Plan(spec, null, ["CallbackUrl", "ProjectId", "WriteParameters", "HasLocalFiles"], CancellationToken.None);
        return (FunctionPlanner.Plan(spec, plan), plan);
    }
}

using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Tool.Tests.Compatibility;

/// <summary>
/// <c>wiro update</c> calls a change breaking exactly when code written against the old spec stops compiling. For
/// each pair the real generator runs on both versions, a program that uses every generated member of the old one
/// is compiled against the new one, and the tool's verdict (over real HTTP, exit code 2 or 0) must agree.
/// </summary>
public sealed class SpecPairTests
{
    private static readonly (string, string)[] Voices = [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella")];
    private static readonly (string, string)[] Schedulers = [("DDIM", "DDIM"), ("Euler", "Euler")];

    /// <summary>The old version of the tool; each argument changes one thing for a new version.</summary>
    private static SpecBuilder Robot(
        string slug = "robot", string owner = "acme", string prompt = "a robot", string promptType = "textarea",
        string? steps = "30", string stepsType = "number", (string, string)[]? voices = null, (string, string)[]? schedulers = null)
    {
        var builder = new SpecBuilder(owner, slug).Input("prompt", promptType, prompt);
        if (steps is not null)
        {
            builder.Input("steps", stepsType, steps);
        }

        return builder
            .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: voices ?? Voices)
            .Input("scheduler", "select", "DDIM", options: schedulers ?? Schedulers)
            .Input("maskUrl", "text", "");
    }

    private static readonly string Old = Robot().Build();

    public static TheoryData<string, string, string, bool> Pairs => new()
    {
        { "relabel renames an enum member", Old, Robot(voices: [Voices[0] with { Item2 = "Rachel v2" }, Voices[1]]).Build(), true },
        { "an added option whose label collides switches every member to value names", Old, Robot(voices: [.. Voices, ("zz9", "Rachel!")]).Build(), true },
        { "option removed", Old, Robot(schedulers: [Schedulers[0]]).Build(), true },
        { "option added", Old, Robot(schedulers: [.. Schedulers, ("PNDM", "PNDM")]).Build(), false },
        { "retype number to text", Old, Robot(stepsType: "text").Build(), true },
        { "retype textarea to text keeps a string", Old, Robot(promptType: "text").Build(), false },
        { "input removed", Old, Robot(steps: null).Build(), true },
        { "input added", Old, Robot().Input("negativePrompt", "textarea", "blur").Build(), false },
        { "endpoint moved to another model", Old, Robot(slug: "robot-v2").Build(), true },
        { "endpoint moved to another owner, same model", Old, Robot(owner: "beta").Build(), false },
        // '2.5' is no number to the generator (WIRO008): the property is an int? that starts unset.
        { "a number default of '2.5' makes the int an int?", Old, Robot(steps: "'2.5'").Build(), true },
        { "a number default of '2.5', then none: int? both times", Robot(steps: "'2.5'").Build(), Robot(steps: "").Build(), false },
        { "a number default of 2.5 makes a double", Old, Robot(steps: "2.5").Build(), true },
        { "defaults changed", Old, Robot(steps: "40", prompt: "a kite").Build(), false },
        { "a text xUrl beside a new input x becomes a plain URL string", Old, Robot().Input("mask", "select", "a", options: [("a", "A"), ("b", "B")]).Build(), true },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_verdict_of_wiro_update_is_whether_old_code_compiles_against_the_new_spec(string change, string before, string after, bool breaks)
    {
        var old = GeneratorHarness.Run([new SpecInput("/specs/robot.wiro.md", before)]);
        var now = GeneratorHarness.Run([new SpecInput("/specs/robot.wiro.md", after)]);
        var usage = UsageProgram.For(old.OutputCompilation);
        Assert.Empty(UsageProgram.Errors(old.OutputCompilation, usage));

        var compiles = UsageProgram.Errors(now.OutputCompilation, usage).Count == 0;
        var verdict = await UpdateAsync(before, after);

        Assert.True(compiles != breaks, $"{change}: expected the old code to {(breaks ? "break" : "compile")}\n{string.Join("\n", UsageProgram.Errors(now.OutputCompilation, usage))}");
        Assert.True(verdict.ExitCode == (breaks ? ExitCodes.Breaking : ExitCodes.Success), $"{change}: {verdict}");
    }

    [Fact]
    public void The_tool_plans_property_names_as_the_generator_does_beside_the_core_names()
    {
        // Inputs named after members of WiroRequest and of every record: the generator renames them; so must the tool.
        var spec = Robot().Input("hasLocalFiles", "text", "x").Input("writeParameters", "text", "y").Input("projectId", "text", "z")
            .Input("equals", "text", "").Input("clone", "text", "").Build();
        var run = GeneratorHarness.Run([new SpecInput("/specs/robot.wiro.md", spec)]);
        var request = run.OutputCompilation.GetTypeByMetadataName("Wiro.RobotRequest")!;

        var planned = ToolVersion.Read("robot.wiro.md", spec)!.Plan.Properties.Select(property => property.Name);

        var generated = request.GetMembers().OfType<Microsoft.CodeAnalysis.IPropertySymbol>()
            .Where(property => !property.IsImplicitlyDeclared && !property.IsOverride).Select(property => property.Name);
        Assert.Equal(generated, planned);
        Assert.DoesNotContain("HasLocalFiles", planned);
        Assert.DoesNotContain("ProjectId", planned);
    }

    /// <summary><c>wiro update --check</c> over a folder holding <paramref name="before"/>, the source serving <paramref name="after"/>.</summary>
    private static async Task<WiroResult> UpdateAsync(string before, string after)
    {
        using var workspace = new Workspace();
        var local = workspace.Folder("specs");
        await File.WriteAllTextAsync(Path.Combine(local, "acme__robot.wiro.md"), before);
        await using var source = await PlainServer.StartAsync("/models/acme/robot/llms.txt", after);
        return await WiroCli.RunAsync("update", local, "--source", source.Address.AbsoluteUri, "--check");
    }
}

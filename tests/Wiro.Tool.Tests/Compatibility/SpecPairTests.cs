using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Tool.Tests.Compatibility;

/// <summary>
/// <c>wiro update</c> calls a change breaking exactly when code written against the old spec stops compiling. For
/// each pair the real generator runs on both versions, a program that uses every generated member of the old one
/// is compiled against the new one, and the tool's verdict (over real HTTP, exit code 2 or 0) must agree.
/// </summary>
public sealed class SpecPairTests
{
    private static SpecBuilder Robot(string slug = "robot", string owner = "acme") => new(owner, slug);

    private static SpecBuilder Base(string slug = "robot", string owner = "acme", string voiceRachel = "Rachel", string steps = "30", string prompt = "a robot")
        => Robot(slug, owner)
            .Input("prompt", "textarea", prompt)
            .Input("steps", "number", steps)
            .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", voiceRachel), ("EXAVITQu4vr4xnSDxMaL", "Bella")])
            .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM"), ("Euler", "Euler")])
            .Input("maskUrl", "text", "");

    public static TheoryData<string, string, string, bool> Pairs => new()
    {
        { "relabel renames an enum member", Base().Build(), Base(voiceRachel: "Rachel v2").Build(), true },
        {
            "an added option whose label collides switches every member to value names",
            Base().Build(),
            Robot().Input("prompt", "textarea", "a robot").Input("steps", "number", "30")
                .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella"), ("zz9", "Rachel!")])
                .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM"), ("Euler", "Euler")]).Input("maskUrl", "text", "").Build(),
            true
        },
        {
            "option removed",
            Base().Build(),
            Robot().Input("prompt", "textarea", "a robot").Input("steps", "number", "30")
                .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella")])
                .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM")]).Input("maskUrl", "text", "").Build(),
            true
        },
        {
            "option added",
            Base().Build(),
            Robot().Input("prompt", "textarea", "a robot").Input("steps", "number", "30")
                .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella")])
                .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM"), ("Euler", "Euler"), ("PNDM", "PNDM")]).Input("maskUrl", "text", "").Build(),
            false
        },
        {
            "retype number to text",
            Base().Build(),
            Robot().Input("prompt", "textarea", "a robot").Input("steps", "text", "30")
                .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella")])
                .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM"), ("Euler", "Euler")]).Input("maskUrl", "text", "").Build(),
            true
        },
        {
            "retype textarea to text keeps a string",
            Base().Build(),
            Robot().Input("prompt", "text", "a robot").Input("steps", "number", "30")
                .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella")])
                .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM"), ("Euler", "Euler")]).Input("maskUrl", "text", "").Build(),
            false
        },
        {
            "input removed",
            Base().Build(),
            Robot().Input("prompt", "textarea", "a robot")
                .Input("voice", "select", "21m00Tcm4TlvDq8ikWAM", options: [("21m00Tcm4TlvDq8ikWAM", "Rachel"), ("EXAVITQu4vr4xnSDxMaL", "Bella")])
                .Input("scheduler", "select", "DDIM", options: [("DDIM", "DDIM"), ("Euler", "Euler")]).Input("maskUrl", "text", "").Build(),
            true
        },
        { "input added", Base().Build(), Base().Input("negativePrompt", "textarea", "blur").Build(), false },
        { "endpoint moved to another model", Base().Build(), Base(slug: "robot-v2").Build(), true },
        { "endpoint moved to another owner, same model", Base().Build(), Base(owner: "beta").Build(), false },
        // '2.5' is no number to the generator (WIRO008): the property is an int? that starts unset.
        { "a number default of '2.5' makes the int an int?", Base().Build(), Base(steps: "'2.5'").Build(), true },
        { "a number default of '2.5', then none: int? both times", Base(steps: "'2.5'").Build(), Base(steps: "").Build(), false },
        { "a number default of 2.5 makes a double", Base().Build(), Base(steps: "2.5").Build(), true },
        { "defaults changed", Base().Build(), Base(steps: "40", prompt: "a kite").Build(), false },
        {
            "a text xUrl beside a new input x becomes a plain URL string",
            Base().Build(),
            Base().Input("mask", "select", "a", options: [("a", "A"), ("b", "B")]).Build(),
            true
        },
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

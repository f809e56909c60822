using Wiro.Emulator;

namespace Wiro.Tool.Tests;

/// <summary>
/// <c>wiro update</c> after a spec was edited on the server side: the emulator is started again on the edited page,
/// and the tool fetches it over real HTTP and reports what changed for code written against the old one.
/// </summary>
public sealed class UpdateTests
{
    private static readonly string Robot = File.ReadAllText(Workspace.RobotSpec);

    [Fact]
    public async Task A_removed_input_and_a_removed_option_are_breaking_with_exit_code_2()
    {
        using var workspace = new Workspace();
        var local = await AddedAsync(workspace);
        var edited = Robot
            .Replace("""
                  - name: steps
                    label: steps
                    help: Inference steps.
                    type: number
                    default: 30

                """.ReplaceLineEndings("\n"), "", StringComparison.Ordinal)
            .Replace("""
                      - value: "DDIM"
                        label: DDIM
                """.ReplaceLineEndings("\n"), """
                      - value: "PNDM"
                        label: PNDM
                """.ReplaceLineEndings("\n"), StringComparison.Ordinal)
            .Replace("default: a robot", "default: a kite", StringComparison.Ordinal);
        Assert.NotEqual(Robot, edited);
        await using var server = await ServeAsync(workspace, edited);

        var check = await WiroCli.RunAsync("update", local, "--source", server.Source, "--check");
        var afterCheck = await File.ReadAllTextAsync(SpecIn(local));
        var update = await WiroCli.RunAsync("update", local, "--source", server.Source);
        var again = await WiroCli.RunAsync("update", local, "--source", server.Source);

        Assert.True(check.ExitCode == ExitCodes.Breaking, check.ToString());
        Assert.Contains("acme/Robot v4.0: 4 change(s), 2 breaking.", check.Out, StringComparison.Ordinal);
        Assert.Contains("BREAKING input removed: steps (number)", check.Out, StringComparison.Ordinal);
        Assert.Contains("BREAKING option removed: scheduler \"DDIM\"", check.Out, StringComparison.Ordinal);
        Assert.Contains("  option added: scheduler \"PNDM\"", check.Out, StringComparison.Ordinal);
        Assert.Contains("  default changed: prompt \"a robot\" -> \"a kite\"", check.Out, StringComparison.Ordinal);
        Assert.Equal(Robot, afterCheck);
        Assert.True(update.ExitCode == ExitCodes.Breaking, update.ToString());
        Assert.Equal(edited, await File.ReadAllTextAsync(SpecIn(local)));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("acme/Robot v4.0: unchanged.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retyped_input_is_breaking_when_its_CSharp_type_changes()
    {
        using var workspace = new Workspace();
        var local = await AddedAsync(workspace);
        var edited = Robot.Replace("""
            type: number
                default: 30
            """.ReplaceLineEndings("\n"), """
            type: text
                default: 30
            """.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.NotEqual(Robot, edited);
        await using var server = await ServeAsync(workspace, edited);

        var result = await WiroCli.RunAsync("update", local, "--source", server.Source);

        Assert.True(result.ExitCode == ExitCodes.Breaking, result.ToString());
        Assert.Contains("BREAKING input retyped: steps number -> text (int -> string)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Added_inputs_and_changed_defaults_break_nothing_and_exit_0()
    {
        using var workspace = new Workspace();
        var local = await AddedAsync(workspace);
        var edited = Robot
            .Replace("default: 30", "default: 40", StringComparison.Ordinal)
            .Replace("type: textarea", "type: text", StringComparison.Ordinal)
            .Replace("## Task Status Information", """
                  - name: negativePrompt
                    label: Negative prompt
                    help: What to avoid.
                    type: textarea
                    default: blur
                ## Task Status Information
                """.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        await using var server = await ServeAsync(workspace, edited);

        var result = await WiroCli.RunAsync("update", local, "--source", server.Source);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 change(s), 0 breaking", result.Out, StringComparison.Ordinal);
        Assert.Contains("  input added: negativePrompt (textarea, default \"blur\")", result.Out, StringComparison.Ordinal);
        Assert.Contains("  input retyped: prompt textarea -> text (still string)", result.Out, StringComparison.Ordinal);
        Assert.Contains("  default changed: steps \"30\" -> \"40\"", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("BREAKING", result.Out, StringComparison.Ordinal);
        Assert.Equal(edited, await File.ReadAllTextAsync(SpecIn(local)));
    }

    [Fact]
    public async Task A_tool_no_longer_published_is_exit_code_3_and_its_file_is_kept()
    {
        using var workspace = new Workspace();
        var local = await AddedAsync(workspace);
        await using var other = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.LtxSpec] });

        var result = await WiroCli.RunAsync("update", local, "--source", new Uri(other.BaseAddress, "/").AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.UnknownTool, result.ToString());
        Assert.Contains("'acme/Robot v4.0'", result.Error, StringComparison.Ordinal);
        Assert.Equal(Robot, await File.ReadAllTextAsync(SpecIn(local)));
    }

    [Fact]
    public async Task A_local_file_that_is_not_a_spec_is_exit_code_7()
    {
        using var workspace = new Workspace();
        var local = workspace.Folder("specs");
        await File.WriteAllTextAsync(Path.Combine(local, "notes.wiro.md"), "# my notes\n");
        await using var emulator = await WiroEmulator.StartAsync();

        var result = await WiroCli.RunAsync("update", local, "--source", new Uri(emulator.BaseAddress, "/").AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.LocalFile, result.ToString());
        Assert.Contains("notes.wiro.md is not a Wiro tool spec", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The Robot spec added with <c>wiro add</c> from an emulator serving the original page; gives the local folder.</summary>
    private static async Task<string> AddedAsync(Workspace workspace)
    {
        var local = workspace.Folder("specs");
        await using var original = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.RobotSpec] });
        var add = await WiroCli.RunAsync("add", "acme/Robot v4.0", "--out", local, "--source", new Uri(original.BaseAddress, "/").AbsoluteUri);
        Assert.True(add.ExitCode == 0, add.ToString());
        return local;
    }

    /// <summary>An emulator serving <paramref name="page"/> as the Robot spec, as the server side edited it.</summary>
    private static async Task<Served> ServeAsync(Workspace workspace, string page)
    {
        var path = workspace.ServerSpec("acme-robot.wiro.md", page);
        return new Served(await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [path] }));
    }

    private static string SpecIn(string folder) => Path.Combine(folder, "acme__Robot v4.0.wiro.md");

    /// <summary>An emulator and the page source address to give <c>--source</c>.</summary>
    private sealed class Served(WiroEmulator emulator) : IAsyncDisposable
    {
        public WiroEmulator Emulator { get; } = emulator;

        public string Source => new Uri(Emulator.BaseAddress, "/").AbsoluteUri;

        public ValueTask DisposeAsync() => Emulator.DisposeAsync();
    }
}

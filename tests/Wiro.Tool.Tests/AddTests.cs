using Wiro.Emulator;

namespace Wiro.Tool.Tests;

/// <summary><c>wiro add</c> against the emulator's pages over real HTTP.</summary>
public sealed class AddTests
{
    [Fact]
    public async Task Add_saves_each_page_as_owner__model_wiro_md_byte_for_byte()
    {
        using var workspace = new Workspace();
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.LtxSpec, Workspace.RobotSpec] });
        var output = Path.Combine(workspace.Root, "specs");

        var result = await WiroCli.RunAsync("add", "wiroai/LTX-Video-Text2Video", "acme/Robot v4.0", "--out", output, "--source", Root(emulator));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Workspace.LtxSpec), await File.ReadAllBytesAsync(Path.Combine(output, "wiroai__LTX-Video-Text2Video.wiro.md")));
        Assert.Equal(await File.ReadAllBytesAsync(Workspace.RobotSpec), await File.ReadAllBytesAsync(Path.Combine(output, "acme__Robot v4.0.wiro.md")));
        Assert.Equal(2, Directory.GetFiles(output).Length);
    }

    [Fact]
    public async Task Add_refuses_to_overwrite_a_changed_file_without_force()
    {
        using var workspace = new Workspace();
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.RobotSpec] });
        var output = workspace.Folder("specs");
        var path = Path.Combine(output, "acme__Robot v4.0.wiro.md");
        string[] add = ["add", "acme/Robot v4.0", "--out", output, "--source", Root(emulator)];
        await WiroCli.RunAsync(add);

        var again = await WiroCli.RunAsync(add);
        await File.AppendAllTextAsync(path, "\nmy note\n");
        var refused = await WiroCli.RunAsync(add);
        var keptEdit = await File.ReadAllTextAsync(path);
        var forced = await WiroCli.RunAsync([.. add, "--force"]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("up to date", again.Out, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == ExitCodes.Conflict, refused.ToString());
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.EndsWith("my note\n", keptEdit, StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(await File.ReadAllTextAsync(Workspace.RobotSpec), await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task An_unknown_tool_is_exit_code_3_naming_it_and_the_others_are_still_saved()
    {
        using var workspace = new Workspace();
        await using var emulator = await WiroEmulator.StartAsync(new WiroEmulatorOptions { SpecFiles = [Workspace.RobotSpec] });
        var output = workspace.Folder("specs");

        var result = await WiroCli.RunAsync("add", "acme/no-such-tool", "acme/Robot v4.0", "--out", output, "--source", Root(emulator));

        Assert.True(result.ExitCode == ExitCodes.UnknownTool, result.ToString());
        Assert.Contains("'acme/no-such-tool'", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "acme__Robot v4.0.wiro.md")));
        Assert.False(File.Exists(Path.Combine(output, "acme__no-such-tool.wiro.md")));
    }

    [Fact]
    public async Task A_page_that_is_not_a_spec_is_an_unknown_tool_and_nothing_is_saved()
    {
        using var workspace = new Workspace();
        // The emulator only serves usable specs, so a page that is not one comes from a plain server.
        await using var server = await PlainServer.StartAsync("/models/acme/fake/llms.txt", "<html><body>Model not found</body></html>");
        var output = workspace.Folder("specs");

        var result = await WiroCli.RunAsync("add", "acme/fake", "--out", output, "--source", server.Address.AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.UnknownTool, result.ToString());
        Assert.Contains("not a Wiro tool spec", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task No_server_is_exit_code_4_with_one_line_and_no_stack_trace()
    {
        using var workspace = new Workspace();
        var closedPort = PlainServer.ClosedPort();

        var result = await WiroCli.RunAsync("add", "acme/x", "--out", workspace.Root, "--source", $"http://127.0.0.1:{closedPort}");

        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        Assert.StartsWith("wiro: cannot reach http://127.0.0.1:", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
    }

    private static string Root(WiroEmulator emulator) => new Uri(emulator.BaseAddress, "/").AbsoluteUri;
}

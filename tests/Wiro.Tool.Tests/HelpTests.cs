namespace Wiro.Tool.Tests;

/// <summary>Every command answers --help with its usage and its exit codes; a bad command line is exit code 1.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData(new string[0], "wiro [command] [options]")]
    [InlineData(new[] { "emulator" }, "wiro emulator [options]")]
    [InlineData(new[] { "add" }, "wiro add <tools>... [options]")]
    [InlineData(new[] { "update" }, "wiro update [<DIR>] [options]")]
    [InlineData(new[] { "list" }, "wiro list [options]")]
    public async Task Help_shows_the_usage_and_the_exit_codes(string[] command, string usage)
    {
        var result = await WiroCli.RunAsync([.. command, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(usage, result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emulator", "--api-secret", "s", "--key-only")]
    [InlineData("emulator", "--port", "70000")]
    [InlineData("add")]
    [InlineData("add", "no-slash")]
    [InlineData("add", "a/b/c")]
    [InlineData("add", "acme/x", "--source", "ftp://example.com")]
    [InlineData("launch")]
    public async Task An_invalid_command_line_is_exit_code_1(params string[] args)
    {
        var result = await WiroCli.RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.NotEmpty(result.Error);
    }
}

namespace Wiro.Tool.Tests;

/// <summary>
/// Text a server sends reaches the terminal only escaped: escape sequences (clear screen, window title, hyperlinks),
/// bells, bidi controls and line breaks in a Tool/List answer are shown as <c>\uXXXX</c>, so no answer can act on the
/// terminal or forge a line, and a server's error message is one stderr line.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly Dictionary<string, string> Credentials = new() { ["WIRO_API_KEY"] = "k" };

    private const string HostileList = """
        {"result":true,"total":"2","tool":[
          {"slugowner":"ev\u001b[2Jil","slugproject":"x\u001b]0;pwned\u0007","title":"nice\r\nwiro: forged line","categories":["a\u001b]8;;https://evil.example\u001b\\link","b\u202Ec"]},
          {"slugowner":"acme","slugproject":"robot","title":"Robot\u0000\u009b31m","categories":[]}
        ]}
        """;

    private const string HostileError = """
        {"result":false,"errors":[{"code":0,"message":"bad\u001b]0;title\u0007\r\nwiro: all good\nthird line"}]}
        """;

    [Fact]
    public async Task Control_bidi_and_line_breaks_in_a_tool_list_are_printed_escaped()
    {
        await using var server = await PlainServer.StartAsync("/v1/Tool/List", HostileList, "application/json");

        var result = await WiroCli.RunAsync(Credentials, "list", "--api", new Uri(server.Address, "v1/").AbsoluteUri);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.DoesNotContain(line, c => char.IsControl(c) || c == '\u202E'));
        Assert.Equal(@"ev\u001B[2Jil/x\u001B]0;pwned\u0007  nice\u000D\u000Awiro: forged line  [a\u001B]8;;https://evil.example\u001B\link, b\u202Ec]", lines[0]);
        Assert.Equal(@"acme/robot  Robot\u0000\u009B31m", lines[1]);
        Assert.DoesNotContain(lines, line => line.StartsWith("wiro:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_message_is_one_escaped_line()
    {
        await using var server = await PlainServer.StartAsync("/v1/Tool/List", HostileError, "application/json");

        var result = await WiroCli.RunAsync(Credentials, "list", "--api", new Uri(server.Address, "v1/").AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.Unreachable, result.ToString());
        var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wiro: ", line, StringComparison.Ordinal);
        Assert.Contains(@"bad\u001B]0;title\u0007\u000D\u000Awiro: all good\u000Athird line", line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, char.IsControl);
    }

    [Fact]
    public void The_sanitiser_keeps_plain_text_and_emoji_and_escapes_lone_surrogates()
    {
        Assert.Equal("acme/Robot v4.0 — ünïcode 🤖", TerminalText.Escape("acme/Robot v4.0 — ünïcode 🤖"));
        Assert.Equal(@"a\uD800b", TerminalText.Escape("a\uD800b"));
        Assert.Equal(@"zero\u200Bwidth tag\uDB40\uDC01", TerminalText.Escape("zero\u200Bwidth tag\U000E0001"));
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Wiro.Samples.Tests;

/// <summary>
/// <c>samples/Chat</c> run as a process (<c>dotnet Chat.dll</c>) with no <c>WIRO_API_KEY</c>, so on its built-in
/// emulator, whose LLM tool streams a fixed answer (it thinks, answers, thinks again, answers on) and keeps the
/// conversation per session: two lines on stdin, then the end of input.
/// </summary>
public sealed partial class ChatSampleTests
{
    /// <summary>A hang guard only: a turn takes about a second on the emulator.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private const string Closing = " This answer comes from the Wiro emulator, served in a café.";

    [Fact]
    public async Task Two_turns_stream_their_answers_with_the_thinking_apart_continue_one_conversation_and_exit_at_the_end_of_input()
    {
        var (exitCode, output, error) = await RunAsync("hello\nand again\n");
        var transcript = $"exit code {exitCode}\nstdout:\n{output}\nstderr:\n{error}";

        Assert.True(exitCode == 0, "The sample did not exit cleanly.\n" + transcript);
        Assert.True(error.Length == 0, "The sample wrote to stderr.\n" + transcript);
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.True(lines[0].StartsWith("WIRO_API_KEY is not set: chatting with the built-in Wiro emulator at http://127.0.0.1:", StringComparison.Ordinal), transcript);

        // Each turn, as streamed: the first thought on the prompt's line, the answer's first part on a line of its own,
        // the second thought, then the rest of the answer with the cost. The second thought between the two parts of
        // the answer is what only a stream shows: an answer read at the end comes with all its thinking first.
        string[] expected =
        [
            "> (thinking) The user wrote \"hello\". This is the first turn.",
            "You said \"hello\".",
            "(thinking) Is the reply complete?",
            Closing + "  [{cost} credits]",
            "> (thinking) The user wrote \"and again\". This is turn 2; before it they wrote \"hello\".",
            "You said \"and again\" (turn 2); before that you said \"hello\".",
            "(thinking) Is the reply complete?",
            Closing + "  [{cost} credits]",
            "> ",
        ];
        var turns = lines.Skip(1).Select(line => Cost().Replace(line, "[{cost} credits]")).ToArray();
        Assert.True(expected.SequenceEqual(turns), $"Expected the lines\n{string.Join('\n', expected)}\n\n{transcript}");
        Assert.True(Cost().Matches(output).Count == 2, "Each turn shows its cost.\n" + transcript);
    }

    /// <summary>Runs the built sample with <paramref name="input"/> on stdin (then its end); gives its exit code and what it printed.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string input)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chat.dll"));
        start.Environment.Remove("WIRO_API_KEY");
        start.Environment.Remove("WIRO_API_SECRET");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The sample was still running {Bound.TotalMinutes:0} minutes after its input ended.\nstdout:\n{await output}\nstderr:\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"\[[0-9]+(\.[0-9]+)? credits\]")]
    private static partial Regex Cost();
}

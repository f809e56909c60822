using System.CommandLine;
using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// <c>wiro update [DIR]</c>: fetches every spec in the folder again (by its Run endpoint's owner and slug, the truth
/// for a tool's name), prints per tool what changed for code written against it, and saves the new pages.
/// </summary>
internal static class UpdateCommand
{
    public static Command Create(ToolConsole console)
    {
        var folder = new Argument<string>("DIR") { Description = "Folder of *.wiro.md specs.", DefaultValueFactory = _ => ".", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string>("--source") { Description = "Where tool pages are published: {source}/" + SpecFiles.PageRoute + ".", DefaultValueFactory = _ => PageSource.DefaultSource, HelpName = "URL" };
        var check = new Option<bool>("--check") { Description = "Only report; leave every file as it is." };
        var command = new Command("update", "Fetch every spec in DIR again and print, per tool, what changes for code written against it: inputs added, "
            + "removed or retyped, options added, removed or renamed, wire keys and defaults changed. Exit codes: 0 nothing breaks, "
            + "1 invalid command line, 2 a change breaks code written against the old spec (a type, property or enum member gone, "
            + "or a property's C# type changed), 3 a tool is no longer published, 4 source unreachable, "
            + "7 a file is unreadable or not a spec.")
        {
            folder, source, check,
        };
        command.SetAction((parse, cancellationToken) => WiroCommandLine.GuardAsync(console,
            () => RunAsync(console, parse.GetValue(folder)!, parse.GetValue(source)!, parse.GetValue(check), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, string folder, string sourceText, bool check, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new WiroToolException(ExitCodes.LocalFile, $"'{folder}' is not a folder.");
        }

        var files = Directory.GetFiles(folder, "*" + SpecFiles.Suffix).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new WiroToolException(ExitCodes.LocalFile, $"no *{SpecFiles.Suffix} file in '{folder}'.");
        }

        using var source = new PageSource(sourceText, ToolTimeouts.From(console));
        var failure = ExitCodes.Success;
        var breaking = false;
        foreach (var path in files)
        {
            try
            {
                breaking |= await UpdateAsync(console, source, path, check, cancellationToken).ConfigureAwait(false);
            }
            catch (WiroToolException problem) when (problem.ExitCode != ExitCodes.Unreachable)
            {
                var code = console.Fail(problem);
                failure = failure == ExitCodes.Success ? code : failure;
            }
        }

        // A spec that could not be compared leaves the answer incomplete: its failure wins over "breaking".
        return failure != ExitCodes.Success ? failure : breaking ? ExitCodes.Breaking : ExitCodes.Success;
    }

    /// <summary>Compares one file with its page; true when a change breaks code.</summary>
    private static async Task<bool> UpdateAsync(ToolConsole console, PageSource source, string path, bool check, CancellationToken cancellationToken)
    {
        var text = SpecPage.Load(path);
        var before = SpecPage.Read(path, text)
            ?? throw new WiroToolException(ExitCodes.LocalFile, $"{path} is not a Wiro tool spec; it was left as it is.");
        var tool = new ToolName(before.Owner, before.Slug);
        var page = await source.FetchAsync(tool, cancellationToken).ConfigureAwait(false);
        var after = SpecPage.ReadFetched(tool, tool.PageAddress(source.Address), page);
        if (page == text)
        {
            console.Print($"{tool}: unchanged.");
            return false;
        }

        var changes = PlanComparer.Compare(ToolVersion.Of(before), ToolVersion.Of(after));
        var breaking = changes.Count(change => change.IsBreaking);
        console.Print(changes.Count == 0
            ? $"{tool}: the page changed, but nothing that reaches your code."
            : $"{tool}: {changes.Count} change(s), {breaking} breaking.");
        foreach (var change in changes)
        {
            console.Print($"  {(change.IsBreaking ? "BREAKING " : "")}{change.Text}");
        }

        if (!check)
        {
            SpecPage.Write(path, page);
            console.Print($"  saved {path}");
        }

        return breaking > 0;
    }
}

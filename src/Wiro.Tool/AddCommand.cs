using System.CommandLine;
using Wiro.Specs;

namespace Wiro.Tool;

/// <summary><c>wiro add owner/model...</c>: saves each tool's spec page as <c>{owner}__{model}.wiro.md</c>, which the generator picks up.</summary>
internal static class AddCommand
{
    public static Command Create(ToolConsole console)
    {
        var tools = new Argument<string[]>("tools") { Description = "Tools as owner/model, e.g. wiroai/LTX-Video-Text2Video.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder to save the specs in (created if missing).", DefaultValueFactory = _ => ".", HelpName = "DIR" };
        var source = new Option<string>("--source") { Description = "Where tool pages are published: {source}/" + SpecFiles.PageRoute + ".", DefaultValueFactory = _ => PageSource.DefaultSource, HelpName = "URL" };
        var force = new Option<bool>("--force") { Description = "Overwrite a spec file whose content differs from the page." };
        var command = new Command("add", "Fetch each tool's spec page and save it as {owner}__{model}.wiro.md for Wiro.Generator. "
            + "Exit codes: 0 saved or up to date, 1 invalid command line, 3 unknown tool, 4 source unreachable, "
            + "5 a file exists with other content (--force overwrites), 7 cannot write.")
        {
            tools, output, source, force,
        };
        command.SetAction((parse, cancellationToken) => WiroCommandLine.GuardAsync(console,
            () => RunAsync(console, parse.GetValue(tools)!, parse.GetValue(output)!, parse.GetValue(source)!, parse.GetValue(force), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, string[] names, string folder, string sourceText, bool force, CancellationToken cancellationToken)
    {
        var tools = new List<ToolName>();
        foreach (var name in names)
        {
            tools.Add(ToolName.TryParse(name, out var problem) ?? throw new WiroToolException(ExitCodes.Usage, problem));
        }

        using var source = new PageSource(sourceText, ToolTimeouts.From(console));
        CreateFolder(folder);
        var exitCode = ExitCodes.Success;
        foreach (var tool in tools)
        {
            try
            {
                var page = await source.FetchAsync(tool, cancellationToken).ConfigureAwait(false);
                var spec = SpecPage.ReadFetched(tool, tool.PageAddress(source.Address), page);
                var path = Path.Combine(folder, tool.FileName);
                if (File.Exists(path))
                {
                    if (SpecPage.Load(path) == page)
                    {
                        console.Print($"{tool}: {path} is up to date.");
                        continue;
                    }

                    if (!force)
                    {
                        throw new WiroToolException(ExitCodes.Conflict, $"{path} exists and differs from the page of '{tool}'; --force overwrites it (or see `wiro update`).");
                    }
                }

                SpecPage.Write(path, page);
                console.Print($"{tool}: saved {path} ({spec.Inputs.Count} inputs, runs at {spec.Owner}/{spec.Slug}).");
            }
            catch (WiroToolException failure) when (failure.ExitCode != ExitCodes.Unreachable)
            {
                // One unknown or conflicting tool does not stop the others; the first failure's code is the exit code.
                var code = console.Fail(failure);
                exitCode = exitCode == ExitCodes.Success ? code : exitCode;
            }
        }

        return exitCode;
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new WiroToolException(ExitCodes.LocalFile, $"cannot create {folder}: {exception.Message}", exception);
        }
    }
}

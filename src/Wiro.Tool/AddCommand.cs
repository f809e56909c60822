using System.CommandLine;
using Wiro.Specs;

namespace Wiro.Tool;

/// <summary>
/// <c>wiro add owner/model...</c>: saves each tool's spec page as <c>{owner}__{model}.wiro.md</c>, which the generator
/// picks up; with <c>--detail</c>, also its Tool/Detail answer (required inputs, ranges) as <c>{owner}__{model}.wiro.json</c>.
/// </summary>
internal static class AddCommand
{
    public static Command Create(ToolConsole console)
    {
        var tools = new Argument<string[]>("tools") { Description = "Tools as owner/model, e.g. wiroai/LTX-Video-Text2Video.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder to save the specs in (created if missing).", DefaultValueFactory = _ => ".", HelpName = "DIR" };
        var source = new Option<string>("--source") { Description = "Where tool pages are published: {source}/" + SpecFiles.PageRoute + ".", DefaultValueFactory = _ => PageSource.DefaultSource, HelpName = "URL" };
        var force = new Option<bool>("--force") { Description = "Overwrite a spec file whose content differs from the page." };
        var detail = new Option<bool>("--detail")
        {
            Description = "Also save the tool's Tool/Detail answer (required inputs, min/max/step) as {owner}__{model}" + SpecFiles.DetailSuffix
                + ", signed with WIRO_API_KEY and WIRO_API_SECRET (key only when no secret is set).",
        };
        var api = new Option<string>("--api") { Description = "The API base URL for --detail (the emulator's base address, say).", DefaultValueFactory = _ => ApiAccess.DefaultApi, HelpName = "URL" };
        var command = new Command("add", "Fetch each tool's spec page and save it as {owner}__{model}.wiro.md for Wiro.Generator; with --detail, its "
            + "Tool/Detail answer beside it. Exit codes: 0 saved or up to date, 1 invalid command line, 3 unknown tool, 4 source or API unreachable, "
            + "5 a file exists with other content (--force overwrites), 6 --detail without WIRO_API_KEY or with refused credentials, 7 cannot write.")
        {
            tools, output, source, force, detail, api,
        };
        command.SetAction((parse, cancellationToken) => WiroCommandLine.GuardAsync(console,
            () => RunAsync(console, new AddRequest(parse.GetValue(tools)!, parse.GetValue(output)!, parse.GetValue(source)!, parse.GetValue(force),
                parse.GetValue(detail), parse.GetValue(api)!), cancellationToken)));
        return command;
    }

    private sealed record AddRequest(string[] Names, string Folder, string Source, bool Force, bool Detail, string Api);

    private static async Task<int> RunAsync(ToolConsole console, AddRequest request, CancellationToken cancellationToken)
    {
        var tools = new List<ToolName>();
        foreach (var name in request.Names)
        {
            tools.Add(ToolName.TryParse(name, out var problem) ?? throw new WiroToolException(ExitCodes.Usage, problem));
        }

        using var source = new PageSource(request.Source, ToolTimeouts.From(console));
        using var api = request.Detail ? DetailClient(console, request.Api) : null;
        CreateFolder(request.Folder);
        var exitCode = ExitCodes.Success;
        foreach (var tool in tools)
        {
            try
            {
                await AddAsync(console, request, source, api, tool, cancellationToken).ConfigureAwait(false);
            }
            catch (WiroToolException failure) when (failure.ExitCode is not (ExitCodes.Unreachable or ExitCodes.Unauthorized))
            {
                // One unknown or conflicting tool does not stop the others; the first failure's code is the exit code.
                var code = console.Fail(failure);
                exitCode = exitCode == ExitCodes.Success ? code : exitCode;
            }
        }

        return exitCode;
    }

    /// <summary>
    /// Fetches the page (and the detail), checks both as the build will read them, then writes what changed: nothing is
    /// written unless everything asked for was fetched and readable, and no file with other content is overwritten
    /// without <c>--force</c>.
    /// </summary>
    private static async Task AddAsync(ToolConsole console, AddRequest request, PageSource source, ToolListClient? api, ToolName tool, CancellationToken cancellationToken)
    {
        var page = await source.FetchAsync(tool, cancellationToken).ConfigureAwait(false);
        var spec = SpecPage.ReadFetched(tool, tool.PageAddress(source.Address), page);
        var pagePath = Path.Combine(request.Folder, tool.FileName);
        var files = new List<(string Path, string Text, string Saved)>
        {
            (pagePath, page, $"saved {pagePath} ({spec.Inputs.Count} inputs, runs at {spec.Owner}/{spec.Slug})"),
        };

        if (api is not null)
        {
            // Asked by the Run endpoint's owner and slug, the truth for the tool's name (as `wiro update` does).
            var detail = await api.DetailAsync(spec.Owner, spec.Slug, cancellationToken).ConfigureAwait(false);
            var detailPath = Path.Combine(request.Folder, SpecFiles.DetailFileName(tool.Owner, tool.Model));
            files.Add((detailPath, detail, $"saved {detailPath} ({DescribeDetail(console, tool, spec, detailPath, detail)})"));
        }

        var changed = new List<(string Path, string Text, string Saved)>();
        foreach (var file in files)
        {
            if (!File.Exists(file.Path))
            {
                changed.Add(file);
            }
            else if (SpecPage.Load(file.Path) == file.Text)
            {
                console.Print($"{tool}: {file.Path} is up to date.");
            }
            else if (!request.Force)
            {
                throw new WiroToolException(ExitCodes.Conflict, $"{file.Path} exists and differs from what Wiro publishes for '{tool}'; --force overwrites it (or see `wiro update`).");
            }
            else
            {
                changed.Add(file);
            }
        }

        foreach (var file in changed)
        {
            SpecPage.Write(file.Path, file.Text);
            console.Print($"{tool}: {file.Saved}.");
        }
    }

    /// <summary>
    /// Reads a fetched detail as the generator will, against the fetched page: one the build cannot read is not saved
    /// (exit 4); a value it leaves out is printed as the warning the build will give.
    /// </summary>
    private static string DescribeDetail(ToolConsole console, ToolName tool, ToolSpec spec, string path, string text)
    {
        var detail = DetailReader.Read(path, text, CancellationToken.None);
        if (detail.Diagnostics.FirstOrDefault(d => d.Code is DiagnosticId.UnreadableDetail or DiagnosticId.InternalError) is { } unreadable)
        {
            throw new WiroToolException(ExitCodes.Unreachable, $"'{tool}': the Tool/Detail answer cannot be read by the generator ({string.Join(", ", unreadable.MessageArgs)}); nothing was saved.");
        }

        var (constrained, matched) = DetailReader.Apply(spec, detail);
        foreach (var warning in detail.Diagnostics.Concat(matched))
        {
            var args = warning.MessageArgs;
            var said = warning.Code switch
            {
                DiagnosticId.UnknownDetailInput => $"input '{args[0]}' is not on the page of {args[1]}; the build leaves it out",
                _ => $"{string.Join(" ", args)}; the build does not use it",
            };
            console.Print($"{tool}: warning {warning.Id}: {said}.");
        }

        var required = constrained.Inputs.Count(input => input.Constraints.IsRequired);
        var ranges = constrained.Inputs.Count(input => input.Constraints.HasRange);
        return $"{required} required, {ranges} with a range";
    }

    /// <summary>The signed Tool/Detail client; <c>--detail</c> without a key is exit 6 before anything is fetched.</summary>
    private static ToolListClient DetailClient(ToolConsole console, string apiText)
        => new(ApiAccess.From(console, apiText, "save Tool/Detail with --detail"), ToolTimeouts.From(console));

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

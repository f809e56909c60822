using System.CommandLine;

namespace Wiro.Tool;

/// <summary><c>wiro list</c>: Wiro's tools through Tool/List, signed with <c>WIRO_API_KEY</c> and <c>WIRO_API_SECRET</c>.</summary>
internal static class ListCommand
{
    public static Command Create(ToolConsole console)
    {
        var search = new Option<string?>("--search") { Description = "Only tools whose name or description holds TEXT.", HelpName = "TEXT" };
        var category = new Option<string[]>("--category") { Description = "Only tools in category C (e.g. text-to-video); may be repeated.", HelpName = "C" };
        var api = new Option<string>("--api") { Description = "The API base URL (the emulator's base address, say).", DefaultValueFactory = _ => ApiAccess.DefaultApi, HelpName = "URL" };
        var command = new Command("list", "List Wiro's tools through Tool/List, signed with WIRO_API_KEY and WIRO_API_SECRET (key only when no secret is set). "
            + "Exit codes: 0 listed, 1 invalid command line, 4 API unreachable or failed, 6 missing or refused credentials.")
        {
            search, category, api,
        };
        command.SetAction((parse, cancellationToken) => WiroCommandLine.GuardAsync(console,
            () => RunAsync(console, parse.GetValue(search), parse.GetValue(category) ?? [], parse.GetValue(api)!, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, string? search, string[] categories, string apiText, CancellationToken cancellationToken)
    {
        using var client = new ToolListClient(ApiAccess.From(console, apiText, "list tools"), ToolTimeouts.From(console));
        var tools = await client.ListAsync(search, categories, cancellationToken).ConfigureAwait(false);
        foreach (var tool in tools)
        {
            var title = tool.Title.Length > 0 && tool.Title != tool.Slug ? "  " + tool.Title : "";
            var tags = tool.Categories.Count > 0 ? "  [" + string.Join(", ", tool.Categories) + "]" : "";
            console.Print($"{tool.Owner}/{tool.Slug}{title}{tags}");
        }

        console.Print($"{tools.Count} tool(s).");
        return ExitCodes.Success;
    }
}

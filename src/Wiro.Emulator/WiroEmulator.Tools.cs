using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>What Wiro publishes about its tools, answered from <see cref="WiroEmulatorOptions.SpecFiles"/>: each spec's page, Tool/Detail and Tool/List.</summary>
public sealed partial class WiroEmulator
{
    private const int DefaultListLimit = 20;

    /// <summary>The page at <c>/models/{owner}/{model}/llms.txt</c>, without auth as on wiro.ai; 404 for a tool no spec names.</summary>
    private async Task PageAsync(HttpContext context)
    {
        var owner = (string)context.Request.RouteValues["owner"]!;
        var model = (string)context.Request.RouteValues["model"]!;
        if (_specs.Find(owner, model) is not { } tool)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var page = Encoding.UTF8.GetBytes(tool.Page);
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = page.Length;
        await context.Response.Body.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Tool/Detail for <c>slugowner</c>/<c>slugproject</c>; an unknown tool is HTTP 404 with error code 1, as a Run of one.</summary>
    private async Task ToolDetailAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var tools = _specs.Tools.ToList();
        var index = tools.FindIndex(spec =>
            string.Equals(spec.Owner, body.First("slugowner"), StringComparison.OrdinalIgnoreCase)
            && string.Equals(spec.Slug, body.First("slugproject"), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            await Answer.ErrorAsync(context, StatusCodes.Status404NotFound, 1, $"Tool '{body.First("slugowner")}/{body.First("slugproject")}' not found.").ConfigureAwait(false);
            return;
        }

        await Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteStartArray("tool");
            ToolJson.WriteTool(w, tools[index], index, detail: true);
            w.WriteEndArray();
        })).ConfigureAwait(false);
    }

    /// <summary>Tool/List: <c>search</c>, <c>categories</c>, <c>slugowner</c>, <c>start</c> and <c>limit</c>; <c>total</c> is a number, as Wiro sends it.</summary>
    private async Task ToolListAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var categories = body.Fields.GetValueOrDefault("categories") ?? [];
        var owner = body.First("slugowner");
        var matches = _specs.Tools
            .Select((spec, index) => (Spec: spec, Index: index))
            .Where(tool => ToolJson.Matches(tool.Spec, body.First("search"), categories))
            .Where(tool => string.IsNullOrEmpty(owner) || string.Equals(tool.Spec.Owner, owner, StringComparison.OrdinalIgnoreCase))
            .OrderBy(tool => tool.Spec.Owner + "/" + tool.Spec.Slug, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var start = Count(body.First("start"), 0);
        var limit = Count(body.First("limit"), DefaultListLimit);

        await Answer.JsonAsync(context, StatusCodes.Status200OK, WiroJson.Write(w =>
        {
            WiroJson.WriteOk(w);
            w.WriteNumber("total", matches.Count);
            w.WriteStartArray("tool");
            foreach (var (spec, index) in matches.Skip(start).Take(limit))
            {
                ToolJson.WriteTool(w, spec, index, detail: false);
            }

            w.WriteEndArray();
        })).ConfigureAwait(false);
    }

    /// <summary>A non-negative count sent as a string or a number; <paramref name="fallback"/> when absent or not one.</summary>
    private static int Count(string? text, int fallback)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : fallback;
}

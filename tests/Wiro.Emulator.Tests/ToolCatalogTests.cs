using System.Text.Json;

namespace Wiro.Emulator.Tests;

/// <summary>What the emulator publishes about the specs it serves: each page, Tool/Detail and Tool/List, over real HTTP.</summary>
public sealed class ToolCatalogTests
{
    private static readonly string Ltx = Path.Combine(AppContext.BaseDirectory, "Specs", "ltx-video-text2video.wiro.md");
    private static readonly string Robot = Path.Combine(AppContext.BaseDirectory, "Specs", "acme-robot.wiro.md");
    private static readonly string Face = Path.Combine(AppContext.BaseDirectory, "Specs", "acme-face.wiro.md");

    [Fact]
    public async Task Each_spec_page_is_served_as_written_without_auth_and_an_unknown_one_is_404()
    {
        await using var env = await StartAsync();
        var root = new Uri(env.Emulator.BaseAddress, "/");

        using var page = await env.Api.Http.GetAsync(new Uri(root, "models/acme/Robot%20v4.0/llms.txt"));
        using var ignoringCase = await env.Api.Http.GetAsync(new Uri(root, "models/WIROAI/ltx-video-text2video/llms.txt"));
        using var unknown = await env.Api.Http.GetAsync(new Uri(root, "models/acme/nothing/llms.txt"));

        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Robot), await page.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Ltx), await ignoringCase.Content.ReadAsStringAsync());
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Fact]
    public async Task Tool_detail_lists_every_input_with_its_type_default_and_options()
    {
        await using var env = await StartAsync();

        var answer = await env.Api.PostJsonAsync("Tool/Detail", """{"slugowner":"acme","slugproject":"Robot v4.0"}""");

        Assert.True(answer.Status == 200 && answer.Result, answer.Text);
        var tool = Assert.Single(answer.Root.GetProperty("tool").EnumerateArray().ToList());
        Assert.Equal("acme", tool.GetProperty("slugowner").GetString());
        Assert.Equal("Robot v4.0", tool.GetProperty("slugproject").GetString());
        Assert.Equal("robot-v4.0", tool.GetProperty("cleanslugproject").GetString());
        Assert.Contains("text-to-image", tool.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var items = tool.GetProperty("parameters")[0].GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["prompt", "steps", "scheduler", "aspectRatio"], items.Select(i => i.GetProperty("id").GetString()));
        var ratio = items.Single(i => i.GetProperty("id").GetString() == "aspectRatio");
        Assert.Equal("select", ratio.GetProperty("type").GetString());
        Assert.Contains("1:1", ratio.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Tool_detail_of_an_unknown_tool_is_a_404_with_code_1_and_it_needs_a_signature()
    {
        await using var env = await StartAsync();
        using var unsigned = new WiroApi(env.Emulator.BaseAddress, Emulated.Key, apiSecret: null);

        var unknown = await env.Api.PostJsonAsync("Tool/Detail", """{"slugowner":"acme","slugproject":"nothing"}""");
        var refused = await unsigned.PostJsonAsync("Tool/Detail", """{"slugowner":"acme","slugproject":"Robot v4.0"}""");

        Assert.Equal((404, 1), (unknown.Status, unknown.Error.Code));
        Assert.Contains("acme/nothing", unknown.Error.Message, StringComparison.Ordinal);
        Assert.Equal(401, refused.Status);
    }

    [Fact]
    public async Task Tool_list_filters_by_search_and_category_and_pages_with_a_numeric_total()
    {
        await using var env = await StartAsync();

        var all = await env.Api.PostJsonAsync("Tool/List", "{}");
        var search = await env.Api.PostJsonAsync("Tool/List", """{"search":"ROBOT"}""");
        var video = await env.Api.PostJsonAsync("Tool/List", """{"categories":["text-to-video"]}""");
        var page = await env.Api.PostJsonAsync("Tool/List", """{"start":"1","limit":"1"}""");

        Assert.Equal(["acme/face-swap", "acme/Robot v4.0", "wiroai/LTX-Video-Text2Video"], Names(all));
        Assert.Equal(JsonValueKind.Number, all.Root.GetProperty("total").ValueKind);
        Assert.Equal(3, all.Root.GetProperty("total").GetInt32());
        Assert.Equal(["acme/Robot v4.0"], Names(search));
        Assert.Equal(["wiroai/LTX-Video-Text2Video"], Names(video));
        Assert.Equal(["acme/Robot v4.0"], Names(page));
        Assert.Equal(3, page.Root.GetProperty("total").GetInt32());
    }

    private static string[] Names(Answer answer)
        => answer.Root.GetProperty("tool").EnumerateArray()
            .Select(t => t.GetProperty("slugowner").GetString() + "/" + t.GetProperty("slugproject").GetString())
            .ToArray();

    private static Task<Emulated> StartAsync() => Emulated.StartAsync(o => o.SpecFiles = [Ltx, Robot, Face]);
}

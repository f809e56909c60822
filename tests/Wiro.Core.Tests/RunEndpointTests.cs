namespace Wiro.Core.Tests;

/// <summary>
/// A Run goes to <c>{BaseAddress}Run/{owner}/{model}</c> and nowhere else, whatever owner and model it is given: a
/// value that a URI would read as a dot segment, a separator, a query, a fragment or an escape is refused before
/// anything is sent, naming the parameter, over a real socket that must see no connection at all.
/// </summary>
public sealed class RunEndpointTests
{
    private const string RunOk = """{"result":true,"errors":[],"taskid":"2221","socketaccesstoken":"tok"}""";

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "..", "..", "owner" },
        { "wiroai", "..", "model" },
        { "..", "x", "owner" },
        { ".", "x", "owner" },
        { "wiroai", ".", "model" },
        { "", "x", "owner" },
        { "wiroai", "", "model" },
        { "a/b", "x", "owner" },
        { "wiroai", "../x", "model" },
        { "wiroai", "x/..", "model" },
        { "wiroai", "..\\..", "model" },
        { "wiroai", "a\\b", "model" },
        { "wiroai", "c?d", "model" },
        { "wiroai", "m#frag", "model" },
        { "wiroai", "%2e%2e", "model" },
        { "%2E", "x", "owner" },
        { "wiroai", "m%2Fx", "model" },
        { "wiroai", "line\nbreak", "model" },
        { "tab\towner", "x", "owner" },
        { "wiroai", "nul\0", "model" },
        { "wiroai", "del\u007f", "model" },
        { "wiroai", "c1\u0085", "model" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_owner_or_model_is_refused_and_nothing_is_sent(string owner, string model, string parameter)
    {
        await using var server = HostileServer.Start((_, stream, _) => HostileServer.WriteJsonAsync(stream, RunOk));
        using var client = new WiroClient(Options(server));

        var run = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAsync(owner, model, new EnvelopeAndRetryTests.EmptyRequest()));
        var runAndWait = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAndWaitAsync(owner, model, new EnvelopeAndRetryTests.EmptyRequest()));

        Assert.Equal(parameter, run.ParamName);
        Assert.Equal(parameter, runAndWait.ParamName);
        Assert.Equal(0, server.Connections);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("JoeLink", "Robot v4.0", "/v1/Run/JoeLink/Robot%20v4.0")]
    [InlineData("google", "veo3-1", "/v1/Run/google/veo3-1")]
    [InlineData("wiroai", "...", "/v1/Run/wiroai/...")]
    [InlineData("wiroai", "..x", "/v1/Run/wiroai/..x")]
    [InlineData("wiroai", "v.", "/v1/Run/wiroai/v.")]
    [InlineData("own er", "m+n:o", "/v1/Run/own%20er/m%2Bn%3Ao")]
    [InlineData("wiroai", "caf\u00e9", "/v1/Run/wiroai/caf%C3%A9")]
    public async Task Slugs_with_spaces_and_dots_still_run_under_the_base_address(string owner, string model, string path)
    {
        await using var server = HostileServer.Start((_, stream, _) => HostileServer.WriteJsonAsync(stream, RunOk));
        using var client = new WiroClient(Options(server));

        var run = await client.RunAsync(owner, model, new EnvelopeAndRetryTests.EmptyRequest());

        Assert.Equal(new WiroRunResult("2221", "tok"), run);
        var sent = Assert.Single(server.Received);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(path, sent.Target);
    }

    private static WiroClientOptions Options(HostileServer server) => new()
    {
        ApiKey = TestEnvironment.Key,
        ApiSecret = TestEnvironment.Secret,
        BaseAddress = new Uri(server.Address, "v1/"),
        UseWebSocket = false,
    };
}

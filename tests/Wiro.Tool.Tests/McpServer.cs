using ModelContextProtocol.Client;

namespace Wiro.Tool.Tests;

/// <summary><c>wiro mcp</c> as a real process (the built tool beside the tests), reached by the MCP SDK's own client over stdio.</summary>
internal static class McpServer
{
    /// <summary>The specs copied beside the tests: LTX-Video and acme/Robot v4.0.</summary>
    public static string Specs => Path.Combine(AppContext.BaseDirectory, "Specs");

    /// <summary>Starts <c>wiro mcp</c> with <paramref name="args"/> and connects to it.</summary>
    public static async Task<McpClient> ConnectAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var variables = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // Never the machine's own credentials.
            ["WIRO_API_KEY"] = null,
            ["WIRO_API_SECRET"] = null,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "wiro",
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "Wiro.Tool.dll"), "mcp", .. args],
            WorkingDirectory = AppContext.BaseDirectory,
            EnvironmentVariables = variables,
        });
        using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await McpClient.CreateAsync(transport, cancellationToken: starting.Token);
    }
}

using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelContextProtocol.Client;
using Wiro.Generator.Tests.Infrastructure;

namespace Wiro.Corpus.Tests;

/// <summary>
/// <c>wiro mcp --emulator</c> over every real page, listed by the MCP SDK's own client: one tool per page, and each
/// tool's name, title, description and input schema equal to what the generator writes into that page's
/// <c>FunctionDescriptor</c> (read from the generated source), so an agent sees the same tool either way.
/// </summary>
public sealed class McpTests
{
    [Fact]
    public async Task Every_page_is_an_MCP_tool_with_the_generated_functions_name_title_description_and_schema()
    {
        var generated = GeneratedDescriptors();
        var tool = typeof(McpTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WiroTool").Value!;
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "wiro",
            Command = "dotnet",
            // Named one by one: the pages are *.md, and a folder gives only its *.wiro.md files.
            Arguments = [tool, "mcp", "--emulator", "--specs", .. GenerationTests.AllPages.Select(p => Path.Combine(Corpus.SpecsRoot, (string)p[0], (string)p[1]))],
            EnvironmentVariables = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["WIRO_API_KEY"] = null },
        });
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: bound.Token);

        var tools = await client.ListToolsAsync(cancellationToken: bound.Token);

        Assert.Equal(GenerationTests.AllPages.Count(), generated.Count);
        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, listed =>
        {
            var (description, schema, title) = generated[listed.Name];
            Assert.Equal(description, listed.Description);
            Assert.Equal(title, listed.ProtocolTool.Title);
            using var expected = JsonDocument.Parse(schema);
            Assert.True(JsonElement.DeepEquals(expected.RootElement, listed.ProtocolTool.InputSchema), listed.Name + ": the schemas differ");
        });
    }

    /// <summary>Name, description, schema and title of each page's generated <c>FunctionDescriptor</c>, by name.</summary>
    private static Dictionary<string, (string Description, string Schema, string Title)> GeneratedDescriptors()
    {
        var run = FunctionTests.RunAllPagesWithAIAbstractions();

        var descriptors = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var source in run.Sources.Where(s => s.Key.StartsWith("Wiro.Tools.", StringComparison.Ordinal)).Select(s => s.Value))
        {
            var property = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()
                .Single(p => p.Identifier.Text == "FunctionDescriptor");
            var arguments = ((BaseObjectCreationExpressionSyntax)property.Initializer!.Value).ArgumentList!.Arguments;
            string Text(int index) => ((LiteralExpressionSyntax)arguments[index].Expression).Token.ValueText;
            descriptors.Add(Text(0), (Text(1), Text(2), Text(5)));
        }

        return descriptors;
    }
}

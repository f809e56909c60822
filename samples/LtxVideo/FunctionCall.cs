using System.Text.Json;
using Microsoft.Extensions.AI;
using Wiro;

namespace LtxVideo;

/// <summary>
/// <c>--function</c>: the tool as the AI function a chat client or an MCP server calls (from <see cref="WiroClient.AsAIFunctions"/>),
/// invoked with JSON arguments as <see cref="JsonElement"/> values, the way they arrive from a model; prints what the
/// function returns. Also what the NativeAOT test runs, so the AI part of the client is compiled ahead of time too.
/// </summary>
internal static class FunctionCall
{
    public static async Task<int> RunAsync(WiroClient wiro, string json, CancellationToken cancellationToken)
    {
        AIFunctionArguments arguments;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Console.Error.WriteLine("--function needs a JSON object of arguments.");
                return 2;
            }

            arguments = [];
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }
        catch (JsonException exception)
        {
            Console.Error.WriteLine($"--function needs JSON: {exception.Message}");
            return 2;
        }

        var function = wiro.AsAIFunctions().Single(f => f.Name == LtxVideoText2VideoClient.FunctionDescriptor.Name);
        Console.WriteLine($"Calling function {function.Name}");
        var result = await function.InvokeAsync(arguments, cancellationToken);
        var contents = result as IEnumerable<AIContent> ?? (result is AIContent single ? [single] : []);
        var failed = false;
        foreach (var content in contents)
        {
            switch (content)
            {
                case ErrorContent error:
                    failed = true;
                    Console.Error.WriteLine($"Error ({error.ErrorCode}): {error.Message}");
                    break;
                case UriContent link:
                    Console.WriteLine($"Output link: {link.Uri} ({link.MediaType})");
                    break;
                case TextContent text:
                    Console.WriteLine(text.Text);
                    break;
            }
        }

        return failed ? 1 : 0;
    }
}

using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace Wiro.Tool.Mcp;

/// <summary>
/// A <c>WiroToolFunction</c> result as an MCP tool result: each text as a text block, each output as a resource link
/// (URL, name, media type, size), and an error result (<c>isError</c>) when the function's result says the tool was
/// not run or the task failed, so the model reads Wiro's reason.
/// </summary>
internal static class McpResult
{
    public static CallToolResult Of(object? result)
    {
        var blocks = new List<ContentBlock>();
        var isError = false;
        foreach (var content in result as IEnumerable<AIContent> ?? (result is AIContent single ? [single] : []))
        {
            switch (content)
            {
                case ErrorContent error:
                    isError = true;
                    blocks.Add(new TextContentBlock { Text = error.Message });
                    break;
                case TextContent text:
                    blocks.Add(new TextContentBlock { Text = text.Text });
                    break;
                case UriContent link:
                    // The function keeps the output it links to as the link's raw representation.
                    var output = link.RawRepresentation as WiroOutput;
                    blocks.Add(new ResourceLinkBlock
                    {
                        Uri = link.Uri.AbsoluteUri,
                        Name = output?.Name ?? Path.GetFileName(link.Uri.AbsolutePath),
                        MimeType = link.MediaType,
                        Size = output?.Size,
                    });
                    break;
            }
        }

        return new CallToolResult { Content = blocks, IsError = isError };
    }

    /// <summary>A call that failed in a way the function does not return as a result: the tool's error, not a dead server.</summary>
    public static CallToolResult Failed(Exception exception)
        => new()
        {
            Content = [new TextContentBlock { Text = "The tool failed: " + (exception is WiroApiException ? exception.Message : exception.GetType().Name) }],
            IsError = true,
        };
}

using System;

namespace Wiro.Specs;

/// <summary>
/// The keys a spec input travels under. Generated requests and the emulator's validation both read them here, so
/// what a client sends and what the emulator demands cannot drift apart.
/// </summary>
public static class WireKeys
{
    /// <summary>
    /// The key of <paramref name="input"/>, and for a file input the multipart part its local bytes go in. Wiro shows a
    /// file input <c>x</c> on its pages as a text input <c>xUrl</c>: both send the URL as <c>xUrl</c>, bytes as <c>x</c>.
    /// </summary>
    public static (string Key, string? FilePart) Of(ToolInput input)
    {
        if (input.Kind == InputKind.FileInput)
        {
            return (input.Name + "Url", input.Name);
        }

        if (input.Kind == InputKind.Text && input.Name.Length > 3 && input.Name.EndsWith("Url", StringComparison.Ordinal))
        {
            return (input.Name, input.Name.Substring(0, input.Name.Length - 3));
        }

        return (input.Name, null);
    }
}

using System.Text;

namespace Wiro.Emulator;

/// <summary>
/// A file a successful emulated task produces. The emulator lists it in the task's <c>outputs</c> and serves its
/// bytes at the listed URL (no authentication, as Wiro's CDN).
/// </summary>
public sealed class WiroOutputFile
{
    private WiroOutputFile(string name, string contentType, ReadOnlyMemory<byte> content)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/') || name.Contains('\\'))
        {
            throw new ArgumentException("An output name is a plain file name such as '0.png'.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Name = name;
        ContentType = contentType;
        Content = content;
    }

    /// <summary>The file name, e.g. <c>0.png</c>.</summary>
    public string Name { get; }

    /// <summary>The content type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>The bytes served.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>A small valid PNG (8×8, one colour, correct CRCs).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Png(string name = "0.png") => new(name, "image/png", TinyPng.Default);

    /// <summary>A UTF-8 text file.</summary>
    /// <param name="name">The file name, e.g. <c>0.txt</c>.</param>
    /// <param name="text">The text.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Text(string name, string text, string contentType = "text/plain")
        => new(name, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>A JSON file.</summary>
    /// <param name="name">The file name, e.g. <c>0.json</c>.</param>
    /// <param name="json">The JSON text (served as given).</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Json(string name, string json) => Text(name, json, "application/json");

    /// <summary>Any content.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="contentType">The content type.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Create(string name, string contentType, ReadOnlyMemory<byte> content) => new(name, contentType, content);
}

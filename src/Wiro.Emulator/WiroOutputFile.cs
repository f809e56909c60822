using System.Text;

namespace Wiro.Emulator;

/// <summary>
/// A file a successful emulated task produces. The emulator lists it in the task's <c>outputs</c> and serves its
/// bytes at the listed URL (no authentication, as Wiro's CDN).
/// </summary>
public sealed class WiroOutputFile
{
    private WiroOutputFile(string name, string contentType, ReadOnlyMemory<byte> content, string? inlineJson = null)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/') || name.Contains('\\'))
        {
            throw new ArgumentException("An output name is a plain file name such as '0.png'.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Name = name;
        ContentType = contentType;
        Content = content;
        InlineJson = inlineJson;
    }

    /// <summary>The file name, e.g. <c>0.png</c>.</summary>
    public string Name { get; }

    /// <summary>The content type, e.g. <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>The bytes served.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>For an LLM answer: the inline <c>content</c> object, listed with no URL; null for a file.</summary>
    internal string? InlineJson { get; }

    /// <summary>A small valid PNG (8×8, one colour, correct CRCs).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Png(string name = "0.png") => new(name, "image/png", TinyPng.Default);

    /// <summary>A short playable video: 1 s of H.264 at 64×64, 8 frames, in an MP4 (a committed fixture).</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Mp4(string name = "0.mp4") => new(name, "video/mp4", Fixtures.Clip);

    /// <summary>A short playable sound: a 440 Hz tone, 16-bit PCM mono at 8 kHz, in a WAV file.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile Wav(string name = "0.wav") => new(name, "audio/wav", Fixtures.Tone);

    /// <summary>
    /// An LLM tool's answer, inline as Wiro gives it: <c>{"contenttype":"raw","content":{"prompt","raw","thinking":[],"answer":[]}}</c>
    /// with no URL (the client reads it as <c>ContentJson</c>).
    /// </summary>
    /// <param name="prompt">The prompt the answer is to.</param>
    /// <param name="answer">The answer text.</param>
    /// <returns>The output.</returns>
    public static WiroOutputFile LlmAnswer(string prompt, string answer)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(answer);
        return LlmAnswer(prompt, answer, [], [answer]);
    }

    /// <summary>An LLM answer with its thoughts, as an emulated LLM tool streamed it (<see cref="LlmScript"/>).</summary>
    internal static WiroOutputFile LlmAnswer(string prompt, string raw, IReadOnlyList<string> thinking, IReadOnlyList<string> answer)
    {
        var json = WiroJson.Write(w =>
        {
            w.WriteString("prompt", prompt);
            w.WriteString("raw", raw);
            LlmScript.WriteArray(w, "thinking", thinking);
            LlmScript.WriteArray(w, "answer", answer);
        });
        return new WiroOutputFile("answer", "raw", json, Encoding.UTF8.GetString(json));
    }

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

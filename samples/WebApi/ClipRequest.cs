using Wiro;

namespace WebApi;

/// <summary>The body of <c>POST /clips</c>: a prompt and, optionally, the tool's main inputs (the spec's defaults otherwise).</summary>
/// <param name="Prompt">What the clip shows. Required.</param>
/// <param name="NegativePrompt">What to avoid.</param>
/// <param name="Frames">The number of frames.</param>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
/// <param name="Fps">Frames per second.</param>
/// <param name="Steps">Inference steps.</param>
/// <param name="Seed">The random seed.</param>
internal sealed record ClipRequest(
    string? Prompt,
    string? NegativePrompt = null,
    int? Frames = null,
    int? Width = null,
    int? Height = null,
    int? Fps = null,
    int? Steps = null,
    string? Seed = null)
{
    /// <summary>What is wrong with the body, by field; empty when it can be sent.</summary>
    internal Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Prompt))
        {
            errors["prompt"] = ["A prompt is required."];
        }

        foreach (var (name, value) in new[] { ("frames", Frames), ("width", Width), ("height", Height), ("fps", Fps), ("steps", Steps) })
        {
            if (value is <= 0)
            {
                errors[name] = ["Must be a positive whole number."];
            }
        }

        return errors;
    }

    /// <summary>The tool's request: the given values over the spec's defaults.</summary>
    internal LtxVideoText2VideoRequest ToRequest()
    {
        var defaults = new LtxVideoText2VideoRequest();
        return defaults with
        {
            Prompt = Prompt!,
            NegativePrompt = NegativePrompt ?? defaults.NegativePrompt,
            NumFrames = Frames ?? defaults.NumFrames,
            Width = Width ?? defaults.Width,
            Height = Height ?? defaults.Height,
            Fps = Fps ?? defaults.Fps,
            Steps = Steps ?? defaults.Steps,
            Seed = Seed ?? defaults.Seed,
        };
    }
}

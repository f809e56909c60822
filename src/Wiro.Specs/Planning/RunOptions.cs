using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>One option of a run itself (not a tool input): its wire key and the <c>WiroRequest</c> property that sets it.</summary>
public sealed record RunOption(string Key, string PropertyName);

/// <summary>
/// The run options every request carries. Their keys come from the client core's own constants
/// (<c>WiroRunOptionKeys</c>, compiled into this layer), so a tool input can never take one and the emulator accepts
/// exactly what the client sends.
/// </summary>
public static class RunOptions
{
    /// <summary>Where Wiro posts the task when it ends.</summary>
    public static readonly RunOption CallbackUrl = new(global::Wiro.WiroRunOptionKeys.CallbackUrl, "CallbackUrl");

    /// <summary>The project the run is billed to.</summary>
    public static readonly RunOption ProjectId = new(global::Wiro.WiroRunOptionKeys.ProjectId, "ProjectId");

    public static readonly IReadOnlyList<RunOption> All = new[] { CallbackUrl, ProjectId };

    /// <summary>True when <paramref name="key"/> is a run option's key (exact, as Wiro reads keys).</summary>
    public static bool IsKey(string key)
    {
        foreach (var option in All)
        {
            if (option.Key == key)
            {
                return true;
            }
        }

        return false;
    }
}

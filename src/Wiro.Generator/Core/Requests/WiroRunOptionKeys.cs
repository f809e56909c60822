#nullable enable
namespace Wiro;

/// <summary>
/// The keys of a run's own options, sent beside a tool's inputs. This file is their one home: the core writes them,
/// and the spec layer (compiled with this file) keeps every tool input off them and lets the emulator accept them.
/// </summary>
internal static class WiroRunOptionKeys
{
    /// <summary>Where Wiro posts the task when it ends (<c>WiroRequest.CallbackUrl</c>).</summary>
    public const string CallbackUrl = "callbackUrl";

    /// <summary>The project the run is billed to (<c>WiroRequest.ProjectId</c>).</summary>
    public const string ProjectId = "projectid";
}

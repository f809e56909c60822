namespace Wiro.Tool;

/// <summary>Names the client core declares that generated code may not take (read from the core compiled into this tool).</summary>
internal static class CoreNames
{
    /// <summary>The members <c>WiroRequest</c> declares; no request property may hide one.</summary>
    public static IReadOnlyCollection<string> RequestMembers { get; } = [];
}

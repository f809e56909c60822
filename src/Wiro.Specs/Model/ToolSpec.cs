namespace Wiro.Specs;

/// <summary>Everything read from one Wiro tool-spec page, independent of its layout.</summary>
/// <param name="FilePath">The spec file's path, for diagnostics and hint names.</param>
/// <param name="ToolName">The display name after <c>Tool name:</c> / <c>Model name:</c>, e.g. <c>wiroai/LTX-Video-Text2Video</c>.</param>
/// <param name="Owner">The owner segment of the Run endpoint (the truth for the wire).</param>
/// <param name="Slug">The model segment of the Run endpoint; may contain dots and spaces.</param>
/// <param name="RunEndpoint">The full Run endpoint URL as written.</param>
/// <param name="TaskDetailEndpoint">The Task Detail endpoint URL as written, or empty.</param>
/// <param name="IsTruncated">True when the page ends mid-way (a damaged copy); what was complete is kept.</param>
public sealed record ToolSpec(
    string FilePath,
    string ToolName,
    string Description,
    string Cover,
    EquatableArray<string> Categories,
    EquatableArray<string> Tags,
    string RunEndpoint,
    string Owner,
    string Slug,
    string TaskDetailEndpoint,
    EquatableArray<ToolInput> Inputs,
    StatusSection? Statuses,
    bool IsTruncated);

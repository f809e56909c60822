namespace Wiro.Specs;

/// <summary>
/// A tool as an AI function (Microsoft.Extensions.AI's <c>AIFunction</c>, an MCP tool): its name, description and
/// JSON Schema, and what the core's run-time function needs to check and send its arguments. Built from the spec and
/// its plan by <see cref="FunctionPlanner"/>, the one home of these rules: the generator writes it as a descriptor,
/// and a server that plans a page at run time (a later <c>wiro mcp</c>) builds the very same value. Value-equal.
/// </summary>
/// <param name="Name">The function's name (<see cref="FunctionName"/>).</param>
/// <param name="Description">What the model reads about the tool (<see cref="FunctionDescription"/>).</param>
/// <param name="Title">The name a person reads, from the page's title (<see cref="FunctionDescription.TitleOf"/>).</param>
/// <param name="JsonSchema">The arguments' JSON Schema as JSON text (<see cref="FunctionSchema"/>).</param>
/// <param name="Owner">The owner segment of the Run endpoint.</param>
/// <param name="Model">The model segment of the Run endpoint.</param>
/// <param name="Inputs">One per request property, in the request's order: what the function sends for it.</param>
public sealed record FunctionPlan(
    string Name,
    string Description,
    string Title,
    string JsonSchema,
    string Owner,
    string Model,
    EquatableArray<FunctionInputPlan> Inputs);

/// <summary>How the run-time function takes and sends one input.</summary>
/// <param name="Key">The wire key, the argument's name (<see cref="WireKeys"/>, as the typed request sends it).</param>
/// <param name="Kind">The argument's JSON kind, and the writer call that sends it.</param>
/// <param name="Default">
/// What a default typed request sends when the argument is not given, as text: an invariant number, <c>true</c> or
/// <c>false</c>, an option's wire value, a URL, or list items joined by <c>,</c>; null when it sends the input empty
/// (<c>""</c>), as Wiro's form does.
/// </param>
/// <param name="AllowedValues">The exact wire values a select (or each item of a multiselect) may take; empty when free.</param>
public sealed record FunctionInputPlan(string Key, FunctionInputKind Kind, string? Default, EquatableArray<string> AllowedValues);

/// <summary>The JSON kinds of a function argument; the core's <c>WiroToolInputKind</c> has the same members.</summary>
public enum FunctionInputKind
{
    /// <summary>A JSON string, sent as written (a select's value too, checked against its options).</summary>
    String,

    /// <summary>A JSON integer, sent as a number.</summary>
    Integer,

    /// <summary>A JSON number, sent as a number.</summary>
    Number,

    /// <summary>A JSON boolean, sent as the string <c>true</c> or <c>false</c> (as Wiro's select sends it).</summary>
    Boolean,

    /// <summary>A JSON array of strings, sent comma-joined (a multiselect).</summary>
    StringList,

    /// <summary>A file input: an absolute http(s) URL in a JSON string, sent as the typed request sends a file URL.</summary>
    FileUrl,

    /// <summary>A multi-file input: a JSON array of absolute http(s) URLs, sent as an array.</summary>
    FileUrlList,
}

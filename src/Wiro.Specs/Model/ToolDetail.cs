namespace Wiro.Specs;

/// <summary>
/// What a saved Tool/Detail answer (<c>{owner}__{model}.wiro.json</c>) says about a tool's inputs, read by
/// <see cref="DetailReader"/>: value-equal, so it crosses the generator's pipeline and stays cached.
/// </summary>
/// <param name="FilePath">The detail file's path; its diagnostics point into it.</param>
/// <param name="Items">One entry per input id the file describes with something to say, in file order.</param>
/// <param name="Diagnostics">What could not be read (WIRO019 for the whole file, WIRO020 for one value).</param>
public sealed record ToolDetail(string FilePath, EquatableArray<DetailItem> Items, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One <c>parameters[].items[]</c> entry of Tool/Detail.</summary>
/// <param name="Id">Its <c>id</c>: a page input's name, or for a file input the name without <c>Url</c>.</param>
/// <param name="Constraints">Its required flag, range and step.</param>
/// <param name="Location">Where its <c>id</c> is in the detail file.</param>
public sealed record DetailItem(string Id, InputConstraints Constraints, LocationInfo Location);

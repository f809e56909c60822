using System.Globalization;
using Wiro.Specs;

namespace Wiro.Emulator;

/// <summary>
/// The tool specs the emulator validates runs against, read with the generator's own parser so the emulator and
/// the generated clients agree on what a spec says.
/// </summary>
internal sealed class SpecCatalog
{
    private readonly Dictionary<string, ToolSpec> _tools;
    private readonly Dictionary<string, string> _pages;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _imageCountInputs = new(StringComparer.OrdinalIgnoreCase);

    private SpecCatalog(Dictionary<string, ToolSpec> tools, Dictionary<string, string> pages)
    {
        _tools = tools;
        _pages = pages;
    }

    /// <summary>The specs served, in the order their files were given (a later file with the same endpoint wins).</summary>
    public IEnumerable<ToolSpec> Tools => _tools.Values;

    /// <summary>The spec whose Run endpoint is <paramref name="owner"/>/<paramref name="model"/> (ignoring case), with its page text.</summary>
    public (ToolSpec Spec, string Page)? Find(string owner, string model)
        => _tools.TryGetValue(owner + "/" + model, out var spec) ? (spec, _pages[owner + "/" + model]) : null;

    public static SpecCatalog Load(IEnumerable<string> paths)
    {
        var tools = new Dictionary<string, ToolSpec>(StringComparer.OrdinalIgnoreCase);
        var pages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            if (SpecFiles.IsDetailFile(path))
            {
                // A Tool/Detail file is read beside its page, never as a page.
                continue;
            }

            var text = File.ReadAllText(path);
            var (spec, problem) = LocalSpecReader.Read(path, text, ReadIfPresent);
            if (spec is null)
            {
                throw new ArgumentException(problem);
            }

            tools[spec.Owner + "/" + spec.Slug] = spec;
            pages[spec.Owner + "/" + spec.Slug] = text;
        }

        return new SpecCatalog(tools, pages);
    }

    /// <summary>
    /// The key of the input that takes how many images an image tool makes (the spec layer's <see cref="ImagePlanner"/>,
    /// as the generated image generator sends it); null for a tool that is no image tool or has none.
    /// </summary>
    public string? ImageCountInput(ToolSpec spec)
        => _imageCountInputs.GetOrAdd(spec.Owner + "/" + spec.Slug, _ =>
        {
            try
            {
                var (plan, _) = ToolPlanner.Plan(spec, null, Array.Empty<string>(), CancellationToken.None);
                return ImagePlanner.Plan(spec, FunctionPlanner.Plan(spec, plan))?.CountInput;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A page the planner cannot plan still runs, with one image, as the build skips what it cannot plan.
                return null;
            }
        });

    private static string? ReadIfPresent(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    /// <summary>Null when the run is valid; otherwise Wiro's error code and a message naming the parameter.</summary>
    public (int Code, string Message)? Validate(string owner, string model, Dictionary<string, List<string>> fields, List<RecordedFile> files)
    {
        if (_tools.Count == 0)
        {
            return null;
        }

        if (!_tools.TryGetValue(owner + "/" + model, out var spec))
        {
            return (1, $"Tool '{owner}/{model}' not found.");
        }

        var inputs = new Dictionary<string, (ToolInput Input, string? Part)>(StringComparer.Ordinal);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        var keys = WireKeys.Of(spec.Inputs);
        for (var i = 0; i < keys.Length; i++)
        {
            inputs.TryAdd(keys[i].Key, (spec.Inputs[i], keys[i].FilePart));
            if (keys[i].FilePart is { } part)
            {
                parts.Add(part);
            }
        }

        foreach (var (name, values) in fields)
        {
            if (RunOptions.IsKey(name))
            {
                continue;
            }

            if (!inputs.TryGetValue(name, out var declared))
            {
                return (0, $"Parameter '{name}' is not an input of {owner}/{model}.");
            }

            foreach (var value in values)
            {
                if (Check(declared.Input, value) is { } problem)
                {
                    return (0, problem);
                }
            }
        }

        foreach (var file in files)
        {
            if (!inputs.ContainsKey(file.Field) && !parts.Contains(file.Field))
            {
                return (0, $"File field '{file.Field}' is not an input of {owner}/{model}.");
            }
        }

        // Wiro refuses a run that lacks one of the tool's keys; its own form sends an unset input as "".
        foreach (var (key, (_, part)) in inputs)
        {
            if (!RunOptions.IsKey(key) && !fields.ContainsKey(key) && !files.Any(file => file.Field == key || file.Field == part))
            {
                return (0, $"Parameter '{key}' is missing; {owner}/{model} declares it (send \"\" to leave it unset).");
            }
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (Constrained(spec.Inputs[i], keys[i], fields, files) is { } problem)
            {
                return (0, problem);
            }
        }

        return null;
    }

    /// <summary>
    /// What Tool/Detail's constraints say about the value sent, in the words of Wiro's own validator
    /// (<c>Request parameter [x] required</c>, <c>Request files [x] required</c>, <c>Request parameter [x] must be
    /// between 1 and 100</c>); null when they hold. A value that is not a number is left to <see cref="Check"/>.
    /// </summary>
    private static string? Constrained(ToolInput input, WireKey key, Dictionary<string, List<string>> fields, List<RecordedFile> files)
    {
        var constraints = input.Constraints;
        if (constraints.IsEmpty)
        {
            return null;
        }

        var values = fields.GetValueOrDefault(key.Key) ?? [];
        var hasFile = files.Any(file => file.Field == key.Key || file.Field == key.FilePart);
        if (constraints.IsRequired && !hasFile && values.All(value => value.Trim().Length == 0))
        {
            return key.FilePart is { } part
                ? $"Request files [{part}] required"
                : $"Request parameter [{input.Name}] required";
        }

        if (!constraints.HasRange)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !constraints.Contains(number))
            {
                var range = (constraints.Minimum, constraints.Maximum) switch
                {
                    ({ } min, { } max) => $"between {InputConstraints.Number(min)} and {InputConstraints.Number(max)}",
                    ({ } min, null) => $"at least {InputConstraints.Number(min)}",
                    (_, var max) => $"at most {InputConstraints.Number(max!.Value)}",
                };
                return $"Request parameter [{input.Name}] must be {range}";
            }
        }

        return null;
    }

    private static string? Check(ToolInput input, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        switch (input.Kind)
        {
            case InputKind.Number or InputKind.Float or InputKind.Range:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? null
                    : $"Parameter '{input.Name}' must be a number, not '{value}'.";
            case InputKind.Select when input.Options.Count > 0:
                return input.Options.Any(option => option.Value == value)
                    ? null
                    : $"Parameter '{input.Name}' must be one of its options, not '{value}'.";
            case InputKind.MultiSelect when input.Options.Count > 0:
                return value.Split(',').All(part => input.Options.Any(option => option.Value == part))
                    ? null
                    : $"Parameter '{input.Name}' has a value that is not one of its options: '{value}'.";
            default:
                return null;
        }
    }
}

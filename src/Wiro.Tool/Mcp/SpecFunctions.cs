using Wiro.Specs;

namespace Wiro.Tool.Mcp;

/// <summary>
/// The AI functions of spec files, planned at run time by the same spec layer the generator plans them with at
/// compile time (<see cref="LocalSpecReader"/>, <see cref="ToolVersion"/>, <see cref="FunctionPlanner"/>): a tool served
/// by <c>wiro mcp</c> has the name, schema and argument rules of the generated <c>AsAIFunction()</c> for the same page.
/// </summary>
internal static class SpecFunctions
{
    /// <summary>One function per usable spec, in the order given; each spec left out is told to <paramref name="skipped"/> in one line.</summary>
    /// <returns>The functions, with the spec file each comes from.</returns>
    public static List<(string Path, WiroToolFunctionDescriptor Descriptor)> Load(IEnumerable<string> specPaths, Action<string> skipped)
    {
        var functions = new List<(string, WiroToolFunctionDescriptor)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in specPaths)
        {
            if (SpecFiles.IsDetailFile(path))
            {
                continue;
            }

            var (spec, problem) = LocalSpecReader.Read(path, File.ReadAllText(path), ReadIfPresent);
            if (spec is null)
            {
                skipped(problem!);
                continue;
            }

            var function = FunctionPlanner.Plan(spec, ToolVersion.Of(spec).Plan);
            if (names.TryGetValue(function.Name, out var first))
            {
                skipped($"'{path}' is the tool {spec.Owner}/{spec.Slug} again (first in '{first}').");
                continue;
            }

            names.Add(function.Name, path);
            functions.Add((path, Descriptor(function)));
        }

        return functions;
    }

    /// <summary>The core's descriptor of a plan: what the generated <c>FunctionDescriptor</c> holds for the same page.</summary>
    public static WiroToolFunctionDescriptor Descriptor(FunctionPlan function)
        => new(function.Name, function.Description, function.JsonSchema, function.Owner, function.Model, function.Title,
            function.Inputs.Select(input => new WiroToolFunctionInput(input.Key, Kind(input.Kind), input.Default,
                input.AllowedValues.Count > 0 ? input.AllowedValues.ToArray() : null)).ToArray());

    private static WiroToolInputKind Kind(FunctionInputKind kind) => kind switch
    {
        FunctionInputKind.String => WiroToolInputKind.String,
        FunctionInputKind.Integer => WiroToolInputKind.Integer,
        FunctionInputKind.Number => WiroToolInputKind.Number,
        FunctionInputKind.Boolean => WiroToolInputKind.Boolean,
        FunctionInputKind.StringList => WiroToolInputKind.StringList,
        FunctionInputKind.FileUrl => WiroToolInputKind.FileUrl,
        FunctionInputKind.FileUrlList => WiroToolInputKind.FileUrlList,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A function input kind the core does not know."),
    };

    private static string? ReadIfPresent(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}

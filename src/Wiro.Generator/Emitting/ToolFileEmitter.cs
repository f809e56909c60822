using Wiro.Generator.Planning;
using Wiro.Specs;

namespace Wiro.Generator.Emitting;

/// <summary>
/// Writes everything one spec contributes into one file: its request record and enums, then its client. One file per
/// tool, not one per type, because Roslyn checks each generated file's hint name against every other on every run
/// (even when all outputs are cached), a cost that grows with the square of the file count; see docs/benchmarks.md.
/// </summary>
internal static class ToolFileEmitter
{
    /// <summary>
    /// <c>{namespace}.Tools.{TypeName}.g.cs</c>: the <c>Tools.</c> segment keeps tool files apart from the core and the
    /// status enum whatever a tool is called (Roslyn compares hint names ignoring case, and a clash fails the generator).
    /// </summary>
    public static string HintName(ToolPlan plan, EmitContext context) => GeneratedFile.HintName(context, "Tools." + plan.Names.Stem);

    public static string Emit(ToolPlan plan, EmitContext context, FunctionPlan? function = null, AdapterPlans? adapters = null)
    {
        var writer = GeneratedFile.Begin(context.Namespace);
        RequestEmitter.Write(writer, plan, context);
        writer.WriteLine();
        ToolClientEmitter.Write(writer, plan, context, function, adapters);
        return GeneratedFile.End(writer);
    }
}

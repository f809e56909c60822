using System.Globalization;

namespace Wiro.Specs;

/// <summary>
/// What Wiro's Tool/Detail answer says about one input and its page does not: whether a run must give it, and the
/// range and step of a number. Read from a saved <c>{owner}__{model}.wiro.json</c> (<see cref="DetailReader"/>);
/// every value is finite, <see cref="Step"/> is positive and <see cref="Minimum"/> is at most <see cref="Maximum"/>.
/// </summary>
/// <param name="IsRequired">Tool/Detail's <c>required</c>: Wiro refuses a run that leaves the input empty.</param>
/// <param name="Minimum">Tool/Detail's <c>min</c>, or null.</param>
/// <param name="Maximum">Tool/Detail's <c>max</c>, or null.</param>
/// <param name="Step">Tool/Detail's <c>step</c>, or null.</param>
public sealed record InputConstraints(bool IsRequired, double? Minimum, double? Maximum, double? Step)
{
    /// <summary>Nothing known: the input is optional and has no range (every input of a page without a detail file).</summary>
    public static readonly InputConstraints None = new(false, null, null, null);

    /// <summary>True when a minimum or a maximum is known.</summary>
    public bool HasRange => Minimum is not null || Maximum is not null;

    /// <summary>True when anything is known.</summary>
    public bool IsEmpty => !IsRequired && !HasRange && Step is null;

    /// <summary>True when <paramref name="value"/> is within <see cref="Minimum"/> and <see cref="Maximum"/> (the step is not checked).</summary>
    public bool Contains(double value)
        => (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);

    /// <summary>The range as docs write it: <c>From 1 to 100, step 1.</c>, <c>At least 0.</c>, <c>In steps of 0.5.</c>; empty when none.</summary>
    public string RangeText()
    {
        var text = (Minimum, Maximum) switch
        {
            ({ } min, { } max) => "From " + Number(min) + " to " + Number(max),
            ({ } min, null) => "At least " + Number(min),
            (null, { } max) => "At most " + Number(max),
            _ => "",
        };
        if (Step is { } step)
        {
            text = text.Length == 0 ? "In steps of " + Number(step) : text + ", step " + Number(step);
        }

        return text.Length == 0 ? "" : text + ".";
    }

    /// <summary>A number as Wiro's messages and the docs write it: invariant, shortest round-trip form.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

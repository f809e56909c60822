
namespace Wiro.Specs;

/// <summary>
/// Every name one tool puts in the compilation: its <c>WiroClient</c> member (the stem) and its top-level types.
/// A plan starts with the names its own spec asks for; the claims over all specs
/// (the generator's name claims) then hand out the final ones, so no two tools and no tool and the core clash.
/// </summary>
/// <param name="Stem">The tool's name, e.g. <c>LtxVideoText2Video</c>: the <c>WiroClient</c> property.</param>
/// <param name="Request">The request record.</param>
/// <param name="Client">The tool client class.</param>
/// <param name="WireValues">The class of <c>ToWireValue</c> helpers for the tool's enums.</param>
/// <param name="Extensions">The class of extension accessors, used when the core lives in a referenced assembly.</param>
/// <param name="Enums">One enum per select input, in the order of <see cref="ToolPlan.Enums"/>.</param>
public sealed record ToolNames(
    string Stem,
    string Request,
    string Client,
    string WireValues,
    string Extensions,
    EquatableArray<string> Enums)
{
    /// <summary>The names a tool called <paramref name="stem"/> asks for, with one enum per select property.</summary>
    public static ToolNames For(string stem, EquatableArray<string> enumPropertyNames)
    {
        var enums = new string[enumPropertyNames.Count];
        for (var i = 0; i < enums.Length; i++)
        {
            enums[i] = stem + enumPropertyNames[i];
        }

        return new ToolNames(stem, stem + "Request", stem + "Client", stem + "WireValues", stem + "ClientExtensions", enums.ToEquatableArray());
    }

    /// <summary>The same names with the stem <paramref name="stem"/> in place of <see cref="Stem"/>.</summary>
    public ToolNames WithStem(string stem)
    {
        var enums = new string[Enums.Count];
        for (var i = 0; i < enums.Length; i++)
        {
            enums[i] = stem + Enums[i].Substring(Stem.Length);
        }

        return new ToolNames(stem, Restem(Request), Restem(Client), Restem(WireValues), Restem(Extensions), enums.ToEquatableArray());

        string Restem(string name) => stem + name.Substring(Stem.Length);
    }

    /// <summary>The <c>WiroClient</c> field that holds the tool's client.</summary>
    public string ClientField => ClientFieldOf(Stem);

    /// <summary>The <c>WiroClient</c> field that holds the client of a tool called <paramref name="stem"/>.</summary>
    public static string ClientFieldOf(string stem) => "_tool" + stem;

    /// <summary>The top-level type names, in the fixed order claims are made in.</summary>
    public string[] TypeNames()
    {
        var names = new string[4 + Enums.Count];
        names[0] = Request;
        names[1] = Client;
        names[2] = WireValues;
        names[3] = Extensions;
        for (var i = 0; i < Enums.Count; i++)
        {
            names[4 + i] = Enums[i];
        }

        return names;
    }

    /// <summary>The inverse of <see cref="TypeNames"/>.</summary>
    public static ToolNames FromTypeNames(string stem, string[] names)
    {
        var enums = new string[names.Length - 4];
        System.Array.Copy(names, 4, enums, 0, enums.Length);
        return new ToolNames(stem, names[0], names[1], names[2], names[3], enums.ToEquatableArray());
    }
}

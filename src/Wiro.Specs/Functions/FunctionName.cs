using System.Globalization;
using System.Text;

namespace Wiro.Specs;

/// <summary>
/// The name of a tool's AI function: valid for OpenAI and MCP (<c>^[a-zA-Z0-9_-]{1,64}$</c>), deterministic, and
/// never the same for two tools.
/// </summary>
/// <remarks>
/// <para>An owner and model made of letters, digits, <c>-</c> and single inside <c>_</c> give <c>owner__model</c>
/// (<c>wiroai__LTX-Video-Text2Video</c>) when that fits in 64 characters: the first <c>__</c> is where the owner ends,
/// so two tools never share such a name.</para>
/// <para>Any other tool (a dot or a space in the model, <c>Robot v4.0</c>; a name too long) gets its readable part
/// with every run of other characters as one <c>_</c>, joined by one <c>_</c>, cut to leave room, then <c>_</c> and 16
/// hex digits of a stable 64-bit hash (FNV-1a) of <c>owner/model</c>: such a name holds no <c>__</c>, so it never
/// equals a name of the first form, and two of them are equal only if their hashes are.</para>
/// </remarks>
public static class FunctionName
{
    /// <summary>The longest name OpenAI and MCP clients take.</summary>
    public const int MaxLength = 64;

    private const int HashLength = 16;

    /// <summary>The function name of the tool whose Run endpoint is <c>Run/{owner}/{model}</c>.</summary>
    public static string Of(string owner, string model)
    {
        if (IsClean(owner) && IsClean(model) && owner.Length + 2 + model.Length <= MaxLength)
        {
            return owner + "__" + model;
        }

        var hash = "_" + StableHash.Fnv1a64(owner + "/" + model).ToString("x16", CultureInfo.InvariantCulture);
        var stem = Readable(owner);
        var modelPart = Readable(model);
        if (stem.Length > 0 && modelPart.Length > 0)
        {
            stem += "_";
        }

        stem += modelPart;
        if (stem.Length > MaxLength - 1 - HashLength)
        {
            stem = stem.Substring(0, MaxLength - 1 - HashLength).TrimEnd('_');
        }

        return stem.Length == 0 ? "tool" + hash : stem + hash;
    }

    /// <summary>True when <paramref name="name"/> is a valid function name: 1 to 64 of <c>a-z A-Z 0-9 _ -</c>.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsNameCharacter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Letters, digits, <c>-</c>, and <c>_</c> only between two other characters, never two in a row.</summary>
    private static bool IsClean(string segment)
    {
        if (segment.Length == 0 || segment[0] == '_' || segment[segment.Length - 1] == '_')
        {
            return false;
        }

        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (!IsNameCharacter(c) || (c == '_' && segment[i - 1] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The segment's name characters, each run of other characters (and of <c>_</c>) as one <c>_</c>, trimmed of <c>_</c>.</summary>
    private static string Readable(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (IsNameCharacter(c) && c != '_')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    private static bool IsNameCharacter(char c)
        => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-';
}

using System;
using System.Text;

namespace Wiro.Specs;

/// <summary>How two different keys that a reader takes for one differ.</summary>
public enum LookAlikeKind
{
    /// <summary>The keys are equal, or a reader tells them apart.</summary>
    None,

    /// <summary>Only in letter case (<c>projectId</c>, <c>projectid</c>).</summary>
    Case,

    /// <summary>The same text in other code points: composed or decomposed (<c>é</c>, <c>e</c> + U+0301), compatibility forms (fullwidth <c>ｐ</c>).</summary>
    Normalization,

    /// <summary>A letter of another script that looks Latin (Cyrillic <c>о</c> in <c>prоmpt</c>).</summary>
    Script,
}

/// <summary>
/// Tells when two keys look alike: they share a skeleton. The skeleton is a small, fixed version of the idea of
/// Unicode's confusables (UTS #39), enough for the keys a spec declares: the text is decomposed by compatibility
/// (NFKD: a composed <c>é</c> and <c>e</c> + U+0301 agree, a fullwidth <c>ｐ</c> becomes <c>p</c>), each Cyrillic,
/// Greek or Latin letter of the table below that looks like a basic Latin letter becomes that letter (before and
/// after the decomposition), and the result is lowered (invariant). Accents stay (<c>cafe</c> and <c>café</c> are two words), and so do letters of other scripts
/// that look like no Latin letter (<c>привет</c> is no look-alike of anything Latin).
/// </summary>
/// <remarks>
/// The table is written out, so it does not depend on the host; the decomposition is the host's (a host that cannot
/// decompose, such as one with an unpaired surrogate in the text, compares the text as written).
/// </remarks>
public static class LookAlikes
{
    /// <summary>Pairs of (look-alike, Latin letter): Cyrillic, then Greek, then Latin letters outside ASCII.</summary>
    private const string Table =
        // Cyrillic capitals: А В Е К М Н О Р С Т У Х Ѕ І Ј Ԛ Ԝ Ү Һ Ӏ
        "\u0410A\u0412B\u0415E\u041AK\u041CM\u041DH\u041EO\u0420P\u0421C\u0422T\u0423Y\u0425X\u0405S\u0406I\u0408J\u051AQ\u051CW\u04AEY\u04BAH\u04C0I"
        // Cyrillic small: а е о р с у х ѕ і ј һ ԁ ԛ ԝ ӏ ү ѵ
        + "\u0430a\u0435e\u043Eo\u0440p\u0441c\u0443y\u0445x\u0455s\u0456i\u0458j\u04BBh\u0501d\u051Bq\u051Dw\u04CFl\u04AFy\u0475v"
        // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
        + "\u0391A\u0392B\u0395E\u0396Z\u0397H\u0399I\u039AK\u039CM\u039DN\u039FO\u03A1P\u03A4T\u03A5Y\u03A7X"
        // Greek small: α γ ι ν ο ρ υ ϲ ϳ
        + "\u03B1a\u03B3y\u03B9i\u03BDv\u03BFo\u03C1p\u03C5u\u03F2c\u03F3j"
        // Latin beyond ASCII: dotless ı, dotless ȷ, script ɑ, script ɡ
        + "\u0131i\u0237j\u0251a\u0261g";

    /// <summary>The skeleton of <paramref name="text"/>: two texts with one skeleton look alike.</summary>
    public static string Skeleton(string text)
    {
        // The table before the decomposition too: NFKD turns some look-alikes into letters that look less alike
        // (the lunate sigma ϲ, a c, into the final sigma ς).
        var decomposed = Decompose(ToLatin(text));
        return ToLatin(decomposed).ToLowerInvariant();
    }

    private static string ToLatin(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Latin(c));
        }

        return builder.ToString();
    }

    /// <summary>How <paramref name="a"/> and <paramref name="b"/> differ when a reader would take them for one, else <see cref="LookAlikeKind.None"/>.</summary>
    public static LookAlikeKind Compare(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal) || !string.Equals(Skeleton(a), Skeleton(b), StringComparison.Ordinal))
        {
            return LookAlikeKind.None;
        }

        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return LookAlikeKind.Case;
        }

        return string.Equals(Decompose(a), Decompose(b), StringComparison.OrdinalIgnoreCase)
            ? LookAlikeKind.Normalization
            : LookAlikeKind.Script;
    }

    /// <summary>The words a diagnostic uses for <paramref name="kind"/>.</summary>
    public static string Describe(LookAlikeKind kind) => kind switch
    {
        LookAlikeKind.Case => "letter case",
        LookAlikeKind.Normalization => "Unicode normalization (the same letters in other code points, such as a composed and a decomposed 'é', or a fullwidth letter)",
        LookAlikeKind.Script => "look-alike letters (a Cyrillic or Greek letter that looks Latin)",
        _ => "nothing",
    };

    private static char Latin(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        for (var i = 0; i < Table.Length; i += 2)
        {
            if (Table[i] == c)
            {
                return Table[i + 1];
            }
        }

        return c;
    }

    private static string Decompose(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKD) ? text : text.Normalize(NormalizationForm.FormKD);
        }
        catch (Exception exception) when (exception is ArgumentException or PlatformNotSupportedException)
        {
            return text;
        }
    }
}

using System.Globalization;

namespace Wiro.Specs;

/// <summary>
/// Characters a reviewer cannot see but a compiler reads: bidirectional controls that reorder what an editor shows
/// (the Trojan Source pattern), zero-width and other format characters, invisible letters and marks, and spaces
/// that only look like a space. Spec text holding one reaches generated code only in escaped form, and text from a
/// page or a server reaches a terminal only in escaped form (the wiro tool's <c>TerminalText</c>).
/// </summary>
public static class HiddenCharacters
{
    /// <summary>
    /// Every format character (category Cf) of Unicode 15, written out so that the output does not depend on the
    /// Unicode version of the host running the generator, then the invisible characters of other categories.
    /// </summary>
    private static readonly (int First, int Last)[] Ranges =
    {
        // Format characters (Cf): soft hyphen, Arabic and Syriac marks, bidi controls (202A-202E, 2066-2069),
        // zero-width space, joiners and marks (200B-200F), word joiner and invisible operators (2060-2064),
        // deprecated format controls, byte order mark, interlinear annotation, tags (E0001, E0020-E007F).
        (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
        (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
        (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
        (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),

        // Invisible letters and marks: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
        // variation selectors, variation selectors, braille blank.
        (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180D), (0x180F, 0x180F),
        (0x2800, 0x2800), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0100, 0xE01EF),

        // Spaces other than U+0020, which read as one.
        (0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F),
        (0x3000, 0x3000),
    };

    /// <summary>True for a code point that must not appear raw in generated code.</summary>
    public static bool IsHidden(int codePoint)
    {
        if (codePoint < 0x00A0)
        {
            return false;
        }

        foreach (var (first, last) in Ranges)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return true;
            }
        }

        // A format character newer than the table above, as far as the host knows.
        return codePoint <= 0xFFFF && char.GetUnicodeCategory((char)codePoint) == UnicodeCategory.Format;
    }
}

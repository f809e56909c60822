#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>
/// A language a caller names (<c>en</c>, <c>en-US</c>, <c>English</c>) as the value of a tool's language input: a
/// free text input takes it as given; a select takes the option whose value or label is the name, the language code
/// without its region, or the language's English name (Whisper's select lists <c>English</c>, <c>French</c>...), from
/// a table of common languages rather than the runtime's culture data, so it works the same everywhere.
/// </summary>
internal static class LanguageChoice
{
    public static string? ValueFor(ToolRunValues values, string? key, IReadOnlyList<KeyValuePair<string, string>> choices, string? language)
    {
        if (string.IsNullOrEmpty(language) || key is null)
        {
            return null;
        }

        foreach (var name in CandidatesOf(language!))
        {
            if (values.Choice(key, choices, name) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    // ISO 639-1 codes with their English names, so a code finds a select of names (Whisper's) even where the runtime
    // has no culture data (InvariantGlobalization, common under NativeAOT).
    private const string EnglishNames =
        "af:Afrikaans|ar:Arabic|az:Azerbaijani|be:Belarusian|bg:Bulgarian|bn:Bengali|bs:Bosnian|ca:Catalan|cs:Czech|cy:Welsh|"
        + "da:Danish|de:German|el:Greek|en:English|es:Spanish|et:Estonian|fa:Persian|fi:Finnish|fr:French|gl:Galician|"
        + "he:Hebrew|hi:Hindi|hr:Croatian|hu:Hungarian|hy:Armenian|id:Indonesian|is:Icelandic|it:Italian|ja:Japanese|"
        + "kk:Kazakh|kn:Kannada|ko:Korean|lt:Lithuanian|lv:Latvian|mi:Maori|mk:Macedonian|mr:Marathi|ms:Malay|ne:Nepali|"
        + "nl:Dutch|no:Norwegian|pl:Polish|pt:Portuguese|ro:Romanian|ru:Russian|sk:Slovak|sl:Slovenian|sr:Serbian|"
        + "sv:Swedish|sw:Swahili|ta:Tamil|th:Thai|tl:Tagalog|tr:Turkish|uk:Ukrainian|ur:Urdu|vi:Vietnamese|zh:Chinese";

    private static IEnumerable<string> CandidatesOf(string language)
    {
        yield return language;
        var dash = language.IndexOfAny(new[] { '-', '_' });
        var code = (dash < 0 ? language : language.Substring(0, dash)).ToLowerInvariant();
        if (code != language)
        {
            yield return code;
        }

        var at = EnglishNames.IndexOf(code + ":", StringComparison.Ordinal);
        if (code.Length == 2 && (at == 0 || (at > 0 && EnglishNames[at - 1] == '|')))
        {
            var end = EnglishNames.IndexOf('|', at);
            yield return EnglishNames.Substring(at + 3, (end < 0 ? EnglishNames.Length : end) - at - 3);
        }
    }
}

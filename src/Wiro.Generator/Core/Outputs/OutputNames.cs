#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

/// <summary>
/// Gives the outputs of one download names no two of which are equal ignoring case (as Windows and macOS compare
/// them): a name that is free is kept; otherwise <c>stem (k).ext</c> with <c>k</c> from 2, the stem shortened when
/// the name would pass <see cref="SafeFileName.MaxUtf8Bytes"/> bytes (the extension is kept; no character or
/// surrogate pair is cut). Every name given is safe by <see cref="SafeFileName"/>'s rules. The same names in the same
/// order are always given the same way.
/// </summary>
/// <remarks>
/// Linear: the numbers of each (shortened stem, extension) are tried in increasing order, each at most once, so
/// <c>n</c> names cost O(n) candidates however many are equal (<see cref="CandidatesTried"/> counts them).
/// </remarks>
internal sealed class OutputNames
{
    /// <summary>" (" and ")" around the number.</summary>
    private const int SuffixBytes = 3;

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per family, <c>stem/ext</c> (shortened stem, extension; a safe name holds no <c>/</c>), the next number to
    /// try: every smaller one was tried, and names are never given back, so none of them is free.
    /// </summary>
    private readonly Dictionary<string, long> _next = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many names were tried so far: each name itself, then each numbered candidate.</summary>
    internal long CandidatesTried { get; private set; }

    /// <summary>A name for an output called <paramref name="name"/> (already safe), taken from now on.</summary>
    /// <param name="name">The output's <see cref="WiroOutput.Name"/>.</param>
    /// <returns><paramref name="name"/>, or <c>stem (k).ext</c>.</returns>
    public string Assign(string name)
    {
        CandidatesTried++;
        if (_taken.Add(name))
        {
            return name;
        }

        var stem = SafeFileName.StemOf(name, out var extension);
        var stemBytes = Encoding.UTF8.GetByteCount(stem);
        var extensionBytes = Encoding.UTF8.GetByteCount(extension);
        string? prefix = null;
        string? suffix = null;
        string? family = null;

        // Level d holds the numbers of d digits; a longer number may need a shorter stem, hence another family.
        for (var digits = 1; ; digits++)
        {
            var low = digits == 1 ? 2 : Pow10(digits - 1);
            var high = Pow10(digits);
            var (levelPrefix, levelSuffix) = Split(name, stem, stemBytes, extension, extensionBytes, SuffixBytes + digits);
            if (family is null || levelPrefix != prefix || levelSuffix != suffix)
            {
                (prefix, suffix) = (levelPrefix, levelSuffix);
                family = prefix + "/" + suffix;
            }

            _next.TryGetValue(family, out var next);
            for (next = Math.Max(next, low); next < high; next++)
            {
                CandidatesTried++;
                var candidate = prefix + " (" + next.ToString(CultureInfo.InvariantCulture) + ")" + suffix;
                if (_taken.Add(candidate))
                {
                    _next[family] = next + 1;
                    return candidate;
                }
            }

            _next[family] = next;
        }
    }

    /// <summary>
    /// What goes before and after <c> (k)</c> when k has <paramref name="numberBytes"/> - 3 digits: the stem and the
    /// extension when they fit; else the stem cut to fit beside the extension; else, when the extension is longer than
    /// an extension is taken to be, the whole name cut and nothing after.
    /// </summary>
    private static (string Prefix, string Suffix) Split(string name, string stem, int stemBytes, string extension, int extensionBytes, int numberBytes)
    {
        if (stemBytes + numberBytes + extensionBytes <= SafeFileName.MaxUtf8Bytes)
        {
            return (stem, extension);
        }

        if (extension.Length > SafeFileName.MaxExtensionLength)
        {
            return (Cut(name, SafeFileName.MaxUtf8Bytes - numberBytes), "");
        }

        return (Cut(stem, SafeFileName.MaxUtf8Bytes - numberBytes - extensionBytes), extension);
    }

    /// <summary>
    /// The start of <paramref name="text"/> within <paramref name="budget"/> bytes, without the dots and spaces it
    /// then ends with (unless nothing else is left).
    /// </summary>
    private static string Cut(string text, int budget)
    {
        var cut = SafeFileName.CutToUtf8Bytes(text, budget);
        var trimmed = cut.TrimEnd('.', ' ');
        return trimmed.Length == 0 ? cut : trimmed;
    }

    private static long Pow10(int digits)
    {
        long value = 1;
        for (var i = 0; i < digits; i++)
        {
            value *= 10;
        }

        return value;
    }
}

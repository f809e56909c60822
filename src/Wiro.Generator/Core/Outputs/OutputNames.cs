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
    private const int ParenthesesBytes = 3;

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per family, <c>stem/ext</c> (shortened stem, extension; see <see cref="NameNumbering.FamilyKey"/>), the next number
    /// to try: every smaller one was tried, and names are never given back, so none of them is free.
    /// </summary>
    private readonly Dictionary<string, long> _next = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per name numbered (compared exactly), where its numbering stands; see <see cref="NameNumbering"/>.</summary>
    private readonly Dictionary<string, NameNumbering> _numberings = new(StringComparer.Ordinal);

    /// <summary>How many names were tried so far: each name itself, then each numbered candidate.</summary>
    internal long CandidatesTried { get; private set; }

    /// <summary>A name for an output called <paramref name="name"/> (already safe), taken from now on.</summary>
    /// <param name="name">The output's <see cref="WiroOutput.Name"/>.</param>
    /// <returns><paramref name="name"/>, or <c>stem (k).ext</c>.</returns>
    public string Unique(string name)
    {
        CandidatesTried++;
        if (_taken.Add(name))
        {
            return name;
        }

        if (!_numberings.TryGetValue(name, out var numbering))
        {
            numbering = new NameNumbering(name);
            _numberings.Add(name, numbering);
        }

        while (true)
        {
            _next.TryGetValue(numbering.FamilyKey, out var next);
            for (next = Math.Max(next, numbering.LowestNumber); next < numbering.EndOfLevel; next++)
            {
                CandidatesTried++;
                var candidate = numbering.BeforeNumber + " (" + next.ToString(CultureInfo.InvariantCulture) + ")" + numbering.AfterNumber;
                if (_taken.Add(candidate))
                {
                    _next[numbering.FamilyKey] = next + 1;
                    return candidate;
                }
            }

            // Every number of this many digits is taken in this family, for good: the next call starts a level up.
            _next[numbering.FamilyKey] = next;
            numbering.MoveToNextLevel();
        }
    }

    /// <summary>
    /// What goes before and after <c> (k)</c> when k has <paramref name="numberBytes"/> - 3 digits: the stem and the
    /// extension when they fit; else the stem cut to fit beside the extension; else, when the extension is longer than
    /// an extension is taken to be, the whole name cut and nothing after.
    /// </summary>
    private static (string Before, string After) SplitAroundNumber(string name, string stem, int stemBytes, string extension, int extensionBytes, int numberBytes)
    {
        if (stemBytes + numberBytes + extensionBytes <= SafeFileName.MaxUtf8Bytes)
        {
            return (stem, extension);
        }

        if (extension.Length > SafeFileName.MaxExtensionLength)
        {
            return (CutStem(name, SafeFileName.MaxUtf8Bytes - numberBytes), "");
        }

        return (CutStem(stem, SafeFileName.MaxUtf8Bytes - numberBytes - extensionBytes), extension);
    }

    /// <summary>
    /// The start of <paramref name="text"/> within <paramref name="budget"/> bytes, without the dots and spaces it
    /// then ends with (unless nothing else is left).
    /// </summary>
    private static string CutStem(string text, int budget)
    {
        var cut = SafeFileName.CutToUtf8Bytes(text, budget);
        var trimmed = cut.TrimEnd('.', ' ');
        return trimmed.Length == 0 ? cut : trimmed;
    }

    /// <summary>
    /// One name's numbering: its stem and extension, and the level it has reached. Level d holds the numbers of d
    /// digits; a longer number may need a shorter stem, hence another family. A level is left only when its family has
    /// no number left, which stays so (names are never given back), so later calls start at the level reached.
    /// </summary>
    private sealed class NameNumbering
    {
        private readonly string _name;
        private readonly string _stem;
        private readonly string _extension;
        private readonly int _stemBytes;
        private readonly int _extensionBytes;
        private int _digits;

        public NameNumbering(string name)
        {
            _name = name;
            _stem = SafeFileName.StemOf(name, out _extension);
            _stemBytes = Encoding.UTF8.GetByteCount(_stem);
            _extensionBytes = Encoding.UTF8.GetByteCount(_extension);
            BeforeNumber = AfterNumber = FamilyKey = "";
            MoveToNextLevel();
        }

        /// <summary>The smallest number of this level (2 for the first).</summary>
        public long LowestNumber { get; private set; }

        /// <summary>The first number past this level.</summary>
        public long EndOfLevel { get; private set; }

        /// <summary>What goes before <c> (k)</c>.</summary>
        public string BeforeNumber { get; private set; }

        /// <summary>What goes after <c> (k)</c>.</summary>
        public string AfterNumber { get; private set; }

        /// <summary><c>BeforeNumber/AfterNumber</c>: a safe name holds no <c>/</c>, so no two families share a key.</summary>
        public string FamilyKey { get; private set; }

        public void MoveToNextLevel()
        {
            _digits++;
            LowestNumber = _digits == 1 ? 2 : EndOfLevel;
            EndOfLevel = PowerOfTen(_digits);
            var (before, after) = SplitAroundNumber(_name, _stem, _stemBytes, _extension, _extensionBytes, ParenthesesBytes + _digits);
            if (FamilyKey.Length == 0 || before != BeforeNumber || after != AfterNumber)
            {
                (BeforeNumber, AfterNumber) = (before, after);
                FamilyKey = before + "/" + after;
            }
        }
    }

    private static long PowerOfTen(int digits)
    {
        long value = 1;
        for (var i = 0; i < digits; i++)
        {
            value *= 10;
        }

        return value;
    }
}

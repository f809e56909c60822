#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

/// <summary>
/// Turns a file name a server sent into one that is safe on Windows, Linux and macOS: a single path segment, never
/// empty, never <c>.</c> or <c>..</c>, no character any of them refuses or reads specially, no reserved device name.
/// </summary>
internal static class SafeFileName
{
    /// <summary>Linux allows 255 bytes per name; kept well below so that a suffix such as " (2)" still fits.</summary>
    private const int MaxUtf8Bytes = 200;

    private const int MaxExtensionLength = 16;

    private static readonly string[] ReservedDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    ];

    /// <summary>
    /// A safe name for an output: from the name Wiro gave, else from the last segment of its URL, else
    /// <c>output-{index}</c>. A directory part is dropped (<c>../../x.txt</c> gives <c>x.txt</c>).
    /// </summary>
    public static string ForOutput(string? rawName, Uri? url, int index)
        => Clean(rawName)
           ?? Clean(url is null ? null : Uri.UnescapeDataString(url.AbsolutePath))
           ?? "output-" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="name"/> is what <see cref="Clean"/> gives for itself.</summary>
    public static bool IsSafe(string name) => Clean(name) == name;

    /// <summary>
    /// <paramref name="name"/>, or <c>name (2).ext</c>, <c>name (3).ext</c>... when a name already taken differs only in
    /// case (as it would on Windows and macOS); the new name is added to <paramref name="taken"/>.
    /// </summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        var stem = StemOf(name, out var extension);
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = stem + " (" + n.ToString(CultureInfo.InvariantCulture) + ")" + extension;
        }

        return candidate;
    }

    /// <summary>The last segment of <paramref name="raw"/> made safe; null when nothing usable is left.</summary>
    private static string? Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        // Nearly every name Wiro sends ("0.png") is kept as it is, with nothing allocated.
        return IsAlreadyClean(raw!) ? raw : CleanByRules(raw!);
    }

    /// <summary>The rules of <see cref="Clean"/> applied in full, whatever <paramref name="raw"/> holds.</summary>
    internal static string? CleanByRules(string raw)
    {
        var segment = raw!.Substring(raw.LastIndexOfAny(['/', '\\']) + 1);
        var builder = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsHighSurrogate(c) && i + 1 < segment.Length && char.IsLowSurrogate(segment[i + 1]))
            {
                builder.Append(c).Append(segment[++i]);
            }
            else
            {
                builder.Append(IsRefused(c) ? '_' : c);
            }
        }

        // Windows drops trailing dots and spaces (so "x.txt." would be another file than asked), and names of only
        // dots are the folder itself or its parent.
        var name = Shorten(builder.ToString().Trim().TrimEnd('.', ' '));
        if (name.Length == 0)
        {
            return null;
        }

        return IsReservedDeviceName(name) ? "_" + name : name;
    }

    /// <summary>True when <see cref="Clean"/> would give <paramref name="raw"/> back unchanged, decided without allocating.</summary>
    internal static bool IsAlreadyClean(string raw)
    {
        if ((raw.Length * 3 > MaxUtf8Bytes && Encoding.UTF8.GetByteCount(raw) > MaxUtf8Bytes)
            || char.IsWhiteSpace(raw[0]) || char.IsWhiteSpace(raw[raw.Length - 1]) || raw[raw.Length - 1] == '.')
        {
            return false;
        }

        foreach (var c in raw)
        {
            if (IsRefused(c))
            {
                return false;
            }
        }

        return !IsReservedDeviceName(raw);
    }

    /// <summary>Characters Windows refuses in a name, control and invisible formatting characters, and lone surrogates.</summary>
    private static bool IsRefused(char c)
        => c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*'
           || char.IsSurrogate(c)
           || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
               or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;

    /// <summary><c>CON</c>, <c>nul.txt</c>, <c>COM1 .png</c>: Windows opens a device instead of a file for these.</summary>
    private static bool IsReservedDeviceName(string name)
    {
        var dot = name.IndexOf('.');
        var stem = name.AsSpan(0, dot < 0 ? name.Length : dot).TrimEnd(' ');
        foreach (var reserved in ReservedDeviceNames)
        {
            if (stem.Equals(reserved.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cuts a long name to <see cref="MaxUtf8Bytes"/>, keeping a short extension and whole surrogate pairs.</summary>
    private static string Shorten(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxUtf8Bytes)
        {
            return name;
        }

        var stem = StemOf(name, out var extension);
        if (extension.Length > MaxExtensionLength)
        {
            (stem, extension) = (name, "");
        }

        var budget = MaxUtf8Bytes - Encoding.UTF8.GetByteCount(extension);
        var length = 0;
        for (var bytes = 0; length < stem.Length;)
        {
            var width = char.IsHighSurrogate(stem[length]) && length + 1 < stem.Length ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(stem.Substring(length, width));
            if (bytes > budget)
            {
                break;
            }

            length += width;
        }

        return stem.Substring(0, length).TrimEnd('.', ' ') + extension;
    }

    private static string StemOf(string name, out string extension)
    {
        var dot = name.LastIndexOf('.');
        extension = dot > 0 ? name.Substring(dot) : "";
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}

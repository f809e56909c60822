#nullable enable
namespace Wiro;

using System;
using System.Globalization;
using System.Text;

/// <summary>
/// Turns a file name a server sent into one that is safe on Windows, Linux and macOS: a single path segment, never
/// empty, never <c>.</c> or <c>..</c>, no character any of them refuses or reads specially, no reserved device name.
/// </summary>
internal static class SafeFileName
{
    /// <summary>
    /// Linux allows 255 bytes per name; kept well below so that the temporary file a download writes first
    /// (<c>.{name}.{12 hex digits}.part</c>, 19 bytes more) still fits. <see cref="OutputNames"/> keeps numbered
    /// names within it too.
    /// </summary>
    internal const int MaxUtf8Bytes = 200;

    /// <summary>Longer "extensions" (in UTF-16 characters) are not kept when a name is cut.</summary>
    internal const int MaxExtensionLength = 16;

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

    /// <summary>Why <paramref name="name"/> is not safe, to say in an error; null when it is.</summary>
    internal static string? WhyUnsafe(string name)
    {
        if (IsSafe(name))
        {
            return null;
        }

        if (name.Length == 0)
        {
            return "is empty";
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxUtf8Bytes)
        {
            return $"is {bytes.ToString(CultureInfo.InvariantCulture)} bytes long, longer than {MaxUtf8Bytes.ToString(CultureInfo.InvariantCulture)} UTF-8 bytes";
        }

        if (name.IndexOfAny(['/', '\\']) >= 0)
        {
            return "has a directory part";
        }

        foreach (var c in name)
        {
            if (IsRefused(c))
            {
                return "holds a character Windows or Linux refuse in a file name";
            }
        }

        return IsReservedDeviceName(name)
            ? "is a device name on Windows"
            : "starts or ends with a space, or ends with a dot";
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

        return CutToUtf8Bytes(stem, MaxUtf8Bytes - Encoding.UTF8.GetByteCount(extension)).TrimEnd('.', ' ') + extension;
    }

    /// <summary>
    /// The longest start of <paramref name="text"/> of at most <paramref name="budget"/> UTF-8 bytes that ends between
    /// characters: never inside a surrogate pair, so never inside a character's UTF-8 sequence.
    /// </summary>
    internal static string CutToUtf8Bytes(string text, int budget)
    {
        var length = 0;
        for (var bytes = 0; length < text.Length;)
        {
            var c = text[length];
            var pair = char.IsHighSurrogate(c) && length + 1 < text.Length && char.IsLowSurrogate(text[length + 1]);
            bytes += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (bytes > budget)
            {
                break;
            }

            length += pair ? 2 : 1;
        }

        return length == text.Length ? text : text.Substring(0, length);
    }

    /// <summary>The name before its last dot (a leading dot is no extension), and from that dot in <paramref name="extension"/>.</summary>
    internal static string StemOf(string name, out string extension)
    {
        var dot = name.LastIndexOf('.');
        extension = dot > 0 ? name.Substring(dot) : "";
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}

#nullable enable
namespace Wiro;

/// <summary>An output's content type as a media type that HTTP headers and the AI adapters' contents accept.</summary>
internal static class MediaTypes
{
    /// <summary>What a content type that is not a media type becomes.</summary>
    public const string FallbackMediaType = "application/octet-stream";

    /// <summary>
    /// The output's content type when it is a media type (<c>type/subtype</c>, parameters after <c>;</c> dropped), else
    /// <c>application/octet-stream</c>. Checked by hand: a content type that already is one (<c>video/mp4</c>) is
    /// returned as it is, with nothing allocated.
    /// </summary>
    public static string Of(string contentType)
    {
        var end = contentType.IndexOf(';');
        var mediaType = (end < 0 ? contentType : contentType.Substring(0, end)).Trim();
        var slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1)
        {
            return FallbackMediaType;
        }

        for (var i = 0; i < mediaType.Length; i++)
        {
            if (i != slash && !IsTokenChar(mediaType[i]))
            {
                return FallbackMediaType;
            }
        }

        return mediaType;
    }

    /// <summary>A character of an RFC 9110 token.</summary>
    private static bool IsTokenChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}

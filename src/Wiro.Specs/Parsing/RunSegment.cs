namespace Wiro.Specs;

/// <summary>
/// What an owner or a model in a Run endpoint may be. The client calls <c>{BaseAddress}Run/{owner}/{model}</c>, each
/// part one path segment, so each must reach Wiro as the one name it is written as: a part that a URL would resolve
/// (<c>.</c>, <c>..</c>), split (a <c>/</c>, or a <c>\</c>, which a URL reads as one), decode (a <c>%</c> escape),
/// cut (<c>?</c>, <c>#</c>), or that holds a control character (no URL carries one), is refused, and the spec gets
/// WIRO017. Everything else is a name as written: spaces and dots inside one are Wiro's own (<c>JoeLink/Robot v4.0</c>),
/// and any other character is escaped on its way (an invisible one reaches generated code only escaped, see
/// <see cref="HiddenCharacters"/>).
/// </summary>
public static class RunSegment
{
    /// <summary>Why <paramref name="segment"/> cannot be an owner or a model, or null when it can.</summary>
    public static string? Problem(string segment)
    {
        if (segment.Length == 0)
        {
            return "is empty";
        }

        if (segment is "." or "..")
        {
            return "is a dot segment, which a URL resolves away (the run would go to another path)";
        }

        foreach (var c in segment)
        {
            switch (c)
            {
                case '/':
                    return "holds a '/': the endpoint has more than an owner and a model after Run/";
                case '\\':
                    return "holds a '\\', which a URL reads as '/'";
                case '%':
                    return "holds a '%', a URL escape: write the name itself";
                case '?':
                    return "holds a '?', which starts a URL's query";
                case '#':
                    return "holds a '#', which starts a URL's fragment";
            }

            if (char.IsControl(c))
            {
                return "holds a control character (U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ")";
            }
        }

        return null;
    }
}

namespace Wiro.Specs;

/// <summary>
/// A hash that is the same on every host, process and run (unlike <see cref="string.GetHashCode()"/>), for names that
/// must not change from one build to the next: hashed function names, shortened generated-file names.
/// </summary>
public static class StableHash
{
    /// <summary>64-bit FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }
}

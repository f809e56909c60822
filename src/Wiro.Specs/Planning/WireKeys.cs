using System;
using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>The key one input travels under, and for a file input the multipart part its local bytes go in.</summary>
/// <param name="Key">The form or JSON key (for a file input, the URL key, e.g. <c>maskUrl</c>).</param>
/// <param name="FilePart">The multipart part of a local file (e.g. <c>mask</c>); null for an input that takes no file.</param>
public readonly record struct WireKey(string Key, string? FilePart);

/// <summary>
/// The keys spec inputs travel under. Generated requests and the emulator's validation both read them here, so
/// what a client sends and what the emulator demands cannot drift apart.
/// </summary>
public static class WireKeys
{
    private const string UrlSuffix = "Url";

    /// <summary>
    /// The key of every input of a tool, in input order. Wiro shows a file input <c>x</c> on its pages as a text input
    /// <c>xUrl</c>: both send the URL as <c>xUrl</c>, bytes as <c>x</c>. A text <c>xUrl</c> beside another input named
    /// <c>x</c> (a LoRA select <c>selectedLoraModelPrivate</c> beside <c>selectedLoraModelPrivateUrl</c>) is no file
    /// input: <c>x</c> is that other input's key, so it is a plain URL sent as written.
    /// </summary>
    public static WireKey[] Of(IReadOnlyList<ToolInput> inputs)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            names.Add(input.Name);
        }

        var keys = new WireKey[inputs.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyOf(inputs[i], names);
        }

        return keys;
    }

    private static WireKey KeyOf(ToolInput input, HashSet<string> names)
    {
        if (input.Kind == InputKind.FileInput)
        {
            return new WireKey(input.Name + UrlSuffix, input.Name);
        }

        if (input.Kind == InputKind.Text && input.Name.Length > UrlSuffix.Length && input.Name.EndsWith(UrlSuffix, StringComparison.Ordinal))
        {
            var stem = input.Name.Substring(0, input.Name.Length - UrlSuffix.Length);
            return names.Contains(stem) ? new WireKey(input.Name, null) : new WireKey(input.Name, stem);
        }

        return new WireKey(input.Name, null);
    }
}

#nullable enable
namespace Wiro;

using System;
using System.Collections.Generic;

/// <summary>TEMPORARY shim: the old naming algorithm (SafeFileName.Unique) behind the new interface, instrumented.</summary>
internal sealed class OutputNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public long CandidatesTried { get; private set; }

    public string Assign(string name)
    {
        var candidate = name;
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 ? name.Substring(dot) : "";
        var stem = dot > 0 ? name.Substring(0, dot) : name;
        CandidatesTried++;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = stem + " (" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" + extension;
            CandidatesTried++;
        }

        return candidate;
    }
}

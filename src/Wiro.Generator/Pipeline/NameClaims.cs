using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Wiro.Specs;
using Wiro.Generator.Planning;

namespace Wiro.Generator.Pipeline;

/// <summary>
/// Hands every name the tools create out once over the whole compilation: each tool's <c>WiroClient</c> member (its
/// stem) and its top-level types. The outcome depends only on the specs, never on the order files arrive in: pinned
/// names (<c>WiroTypeName</c>) are served first, then the rest, each in ordinal order of file path.
/// </summary>
/// <remarks>
/// Rules, in order: the same Run endpoint twice is an error at the later file; tools of different owners that share
/// a stem are all owner-qualified (<c>alpha/Upscaler</c> → <c>AlphaUpscaler</c>); a stem the core uses gets a
/// <c>Tool</c> suffix; any name still taken gets the first free number. Each change is a warning at its spec.
/// Value-equal and sorted by file path, so a spec edit that keeps every name leaves every tool's output cached.
/// </remarks>
public sealed record NameClaims(EquatableArray<ToolNaming> Tools)
{
    /// <param name="taken">Names a referenced core's assembly already uses in the namespace and on its <c>WiroClient</c>.</param>
    public static NameClaims From(ImmutableArray<ToolSummary> summaries, EquatableArray<string> taken)
    {
        var tools = new List<(string FilePath, ToolIdentity Identity)>();
        foreach (var summary in summaries)
        {
            if (summary.Identity is not null)
            {
                tools.Add((summary.FilePath, summary.Identity));
            }
        }

        tools.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        var claims = new Claimer(tools, taken);
        var namings = new List<ToolNaming>(tools.Count);
        foreach (var (filePath, _) in tools)
        {
            namings.Add(claims.NamingOf(filePath));
        }

        return new NameClaims(namings.ToEquatableArray());
    }

    /// <summary>The naming of the spec at <paramref name="filePath"/>, or null when it generates no tool.</summary>
    public ToolNaming? For(string filePath)
    {
        int low = 0, high = Tools.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(Tools[middle].FilePath, filePath);
            if (order == 0)
            {
                return Tools[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    /// <summary>Runs the claims once, in the fixed order, and remembers each tool's outcome.</summary>
    private sealed class Claimer
    {
        private readonly Dictionary<string, ToolNaming> _byFile = new(StringComparer.Ordinal);

        // Stems become WiroClient members and hint names (compared ignoring case); types share the namespace.
        private readonly Dictionary<string, string> _stems = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _types = new(StringComparer.OrdinalIgnoreCase);

        public Claimer(List<(string FilePath, ToolIdentity Identity)> tools, EquatableArray<string> taken)
        {
            foreach (var name in taken)
            {
                _stems[name] = "a referenced assembly";
                _types.Add(name);
            }

            var firstOfEndpoint = new Dictionary<string, string>(StringComparer.Ordinal);
            var ownersOfStem = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            var live = new List<(string FilePath, ToolIdentity Identity)>();
            foreach (var tool in tools)
            {
                if (firstOfEndpoint.TryGetValue(tool.Identity.Endpoint, out var first))
                {
                    _byFile[tool.FilePath] = Refused(tool.FilePath, tool.Identity.Owner + "/" + tool.Identity.Slug, first);
                    continue;
                }

                firstOfEndpoint.Add(tool.Identity.Endpoint, tool.FilePath);
                live.Add(tool);
                if (!ownersOfStem.TryGetValue(tool.Identity.Names.Stem, out var endpoints))
                {
                    ownersOfStem.Add(tool.Identity.Names.Stem, endpoints = new HashSet<string>(StringComparer.Ordinal));
                }

                endpoints.Add(tool.Identity.Endpoint);
            }

            foreach (var pinnedPass in new[] { true, false })
            {
                foreach (var (filePath, identity) in live)
                {
                    if (identity.NameIsPinned == pinnedPass)
                    {
                        _byFile[filePath] = Claim(filePath, identity, ownersOfStem);
                    }
                }
            }
        }

        public ToolNaming NamingOf(string filePath) => _byFile[filePath];

        private ToolNaming Claim(string filePath, ToolIdentity identity, Dictionary<string, HashSet<string>> ownersOfStem)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var planned = identity.Names;
            string stem;
            if (identity.NameIsPinned)
            {
                if (_stems.TryGetValue(planned.Stem, out var holder))
                {
                    return Refused(filePath, planned.Stem, holder);
                }

                _stems.Add(planned.Stem, filePath);

                stem = planned.Stem;
            }
            else
            {
                var wanted = planned.Stem;
                if (ownersOfStem.TryGetValue(planned.Stem, out var endpoints) && endpoints.Count > 1)
                {
                    wanted = OwnerQualified(identity.Owner, planned.Stem);
                    diagnostics.Add(Renamed(filePath, "tool name", planned.Stem, "shared by " + endpoints.Count.ToString(CultureInfo.InvariantCulture) + " tools of different owners", wanted));
                }

                if (CoreVocabulary.Uses(wanted))
                {
                    diagnostics.Add(Renamed(filePath, "tool name", wanted, "a name the client core uses", wanted + "Tool"));
                    wanted += "Tool";
                }

                stem = First(wanted, IsFreeStem);
                _stems.Add(stem, filePath);
                if (stem != wanted)
                {
                    diagnostics.Add(Renamed(filePath, "tool name", wanted, "taken", stem));
                }
            }

            var types = planned.WithStem(stem).TypeNames();
            for (var i = 0; i < types.Length; i++)
            {
                var wanted = types[i];
                var isRequest = i == 0;
                var final = First(wanted, name => IsFreeType(name) && !(isRequest && Contains(identity.PropertyNames, name)));
                _types.Add(final);
                if (final != wanted)
                {
                    diagnostics.Add(Renamed(filePath, "type", wanted, "taken", final));
                }

                types[i] = final;
            }

            return new ToolNaming(filePath, ToolNames.FromTypeNames(stem, types), diagnostics.ToEquatableArray());
        }

        private bool IsFreeStem(string stem)
            => !_stems.ContainsKey(stem) && !CoreVocabulary.Uses(stem) && !CoreVocabulary.Uses(ToolNames.ClientFieldOf(stem));

        private bool IsFreeType(string name) => !_types.Contains(name) && !CoreVocabulary.Uses(name);

        private static string First(string name, Func<string, bool> isFree)
        {
            var candidate = name;
            for (var suffix = 2; !isFree(candidate); suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private static bool Contains(EquatableArray<string> names, string name)
        {
            foreach (var item in names)
            {
                if (string.Equals(item, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string OwnerQualified(string owner, string stem)
        {
            var ownerName = Identifier.ToPascalCase(owner);
            return Identifier.Sanitize(ownerName + stem, "Tool", stem);
        }

        private static ToolNaming Refused(string filePath, string what, string firstFile)
            => new(filePath, null, new[]
            {
                DiagnosticInfo.Create(DiagnosticId.TypeNameCollision, FileStart(filePath), what, firstFile),
            }.ToEquatableArray());

        private static DiagnosticInfo Renamed(string filePath, string what, string wanted, string why, string given)
            => DiagnosticInfo.Create(DiagnosticId.NameChanged, FileStart(filePath), what, wanted, why, given);

        private static LocationInfo FileStart(string filePath) => new(filePath, default, default);
    }
}

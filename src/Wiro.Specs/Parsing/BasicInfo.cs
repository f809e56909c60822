using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>What the "Basic tool info" part of a page says, with where its Run endpoint key and URL were found.</summary>
/// <param name="RunUrlPosition">Where the word holding the Run endpoint's <c>/Run/</c> starts, or -1.</param>
internal sealed record BasicInfo(
    string ToolName,
    string Description,
    string Cover,
    EquatableArray<string> Categories,
    EquatableArray<string> Tags,
    string RunEndpoint,
    string Owner,
    string Slug,
    string TaskDetailEndpoint,
    int RunKeyPosition,
    int RunUrlPosition)
{
    public bool HasRunEndpoint => Owner.Length > 0 && Slug.Length > 0;

    /// <summary>
    /// Which part of the Run endpoint cannot be called as written (owner first), with the part and the reason, or
    /// null (see <see cref="RunSegment.Problem"/>).
    /// </summary>
    public (string Part, string Segment, string Problem)? RunEndpointProblem()
    {
        if (RunSegment.Problem(Owner) is { } ownerProblem)
        {
            return ("owner", Owner, ownerProblem);
        }

        return RunSegment.Problem(Slug) is { } modelProblem ? ("model", Slug, modelProblem) : null;
    }
}

/// <summary>
/// Reads the "Basic tool info" keys. Their order is fixed (name, description, cover, categories, tags, Run
/// endpoint, Task Detail endpoint), so each value runs from its key to the next key found, whatever the layout.
/// </summary>
internal static class BasicInfoReader
{
    public const string RunKey = "Run Task Endpoint (POST):";

    private const int Name = 0, Description = 1, Cover = 2, Categories = 3, Tags = 4, Run = 5, Detail = 6;

    private static readonly string[][] Keys =
    {
        new[] { "Tool name:", "Model name:" },
        new[] { "Tool description:", "Model description:" },
        new[] { "Tool cover:", "Model cover:" },
        new[] { "Tool categories:", "Model categories:" },
        new[] { "Tool tags:", "Model tags:" },
        new[] { RunKey },
        new[] { "Get Task Detail Endpoint (POST):" },
    };

    public static BasicInfo Read(SpecText spec, int from, int to)
    {
        var keyStarts = new int[Keys.Length];
        var valueStarts = new int[Keys.Length];
        var cursor = from;
        for (var k = 0; k < Keys.Length; k++)
        {
            keyStarts[k] = -1;
            foreach (var key in Keys[k])
            {
                var hit = spec.FindKey(key, cursor, to);
                if (hit >= 0 && (keyStarts[k] < 0 || hit < keyStarts[k]))
                {
                    keyStarts[k] = hit;
                    valueStarts[k] = hit + key.Length;
                }
            }

            if (keyStarts[k] >= 0)
            {
                cursor = valueStarts[k];
            }
        }

        int ValueEnd(int k)
        {
            for (var next = k + 1; next < Keys.Length; next++)
            {
                if (keyStarts[next] >= 0)
                {
                    return keyStarts[next];
                }
            }

            return to;
        }

        string ValueOf(int k) => keyStarts[k] < 0 ? string.Empty : spec.Value(valueStarts[k], ValueEnd(k));

        var run = ValueOf(Run);
        var runUrl = keyStarts[Run] < 0 ? -1 : UrlStart(spec, valueStarts[Run], ValueEnd(Run));
        var (owner, slug) = SplitRunEndpoint(run);
        return new BasicInfo(
            ValueOf(Name),
            ValueOf(Description),
            ValueOf(Cover),
            List(ValueOf(Categories)),
            List(ValueOf(Tags)),
            run,
            owner,
            slug,
            ValueOf(Detail),
            keyStarts[Run],
            runUrl);
    }

    /// <summary>The start of the word in [from, to) that holds "/Run/" (the URL as the author wrote it), or -1.</summary>
    private static int UrlStart(SpecText spec, int from, int to)
    {
        var run = to > from ? spec.Text.IndexOf("/Run/", from, to - from, System.StringComparison.Ordinal) : -1;
        if (run < 0)
        {
            return -1;
        }

        while (run > from && !SpecText.IsSpace(spec.Text[run - 1]))
        {
            run--;
        }

        return run;
    }

    /// <summary>
    /// Owner is the first segment after "/Run/", the slug is the rest (it may hold dots and spaces; a trailing '/' is
    /// dropped). Whether each can be called as written is <see cref="RunSegment.Problem"/>'s to say.
    /// </summary>
    public static (string Owner, string Slug) SplitRunEndpoint(string url)
    {
        var run = url.IndexOf("/Run/", System.StringComparison.Ordinal);
        if (run < 0)
        {
            return (string.Empty, string.Empty);
        }

        var rest = url.Substring(run + "/Run/".Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return (string.Empty, string.Empty);
        }

        var owner = rest.Substring(0, slash).Trim();
        var slug = rest.Substring(slash + 1).Trim().TrimEnd('/').Trim();
        return owner.Length > 0 && slug.Length > 0 ? (owner, slug) : (string.Empty, string.Empty);
    }

    /// <summary>"- a - b c - d" as [a, "b c", d]; a value without dashes is one item.</summary>
    private static EquatableArray<string> List(string value)
    {
        if (value.Length == 0)
        {
            return EquatableArray<string>.Empty;
        }

        var items = new List<string>();
        var body = value.StartsWith("- ", System.StringComparison.Ordinal) ? value.Substring(2) : value == "-" ? string.Empty : value;
        foreach (var item in body.Split(new[] { " - " }, System.StringSplitOptions.None))
        {
            var trimmed = item.Trim();
            if (trimmed.Length > 0)
            {
                items.Add(trimmed);
            }
        }

        return items.ToEquatableArray();
    }
}

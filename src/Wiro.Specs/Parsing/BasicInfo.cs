using System.Collections.Generic;

namespace Wiro.Specs;

/// <summary>What the "Basic tool info" part of a page says, with where its Run endpoint key was found.</summary>
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
    int RunKeyPosition)
{
    public bool HasRunEndpoint => Owner.Length > 0 && Slug.Length > 0;
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

        string ValueOf(int k)
        {
            if (keyStarts[k] < 0)
            {
                return string.Empty;
            }

            var end = to;
            for (var next = k + 1; next < Keys.Length; next++)
            {
                if (keyStarts[next] >= 0)
                {
                    end = keyStarts[next];
                    break;
                }
            }

            return spec.Value(valueStarts[k], end);
        }

        var run = ValueOf(Run);
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
            keyStarts[Run]);
    }

    /// <summary>Owner is the first segment after "/Run/", the slug is the rest (it may hold dots and spaces).</summary>
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

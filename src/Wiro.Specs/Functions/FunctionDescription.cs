using System.Text;

namespace Wiro.Specs;

/// <summary>
/// What a model reads about a tool's AI function: the page's description, what the tool makes (its categories),
/// and that each call is a paid run whose outputs come back as links.
/// </summary>
public static class FunctionDescription
{
    /// <summary>The longest part of the page's description kept; the rest is elided (models read little of it).</summary>
    public const int MaxPageText = 700;

    public static string Of(ToolSpec spec)
    {
        var builder = new StringBuilder();
        var page = Collapse(spec.Description);
        if (page.Length > MaxPageText)
        {
            page = page.Substring(0, char.IsHighSurrogate(page[MaxPageText - 1]) ? MaxPageText - 1 : MaxPageText).TrimEnd() + "…";
        }

        if (page.Length > 0)
        {
            builder.Append(page);
            if (!EndsSentence(page))
            {
                builder.Append('.');
            }

            builder.Append(' ');
        }

        if (spec.Categories.Count > 0)
        {
            builder.Append("Makes: ");
            for (var i = 0; i < spec.Categories.Count; i++)
            {
                builder.Append(i > 0 ? ", " : "").Append(Collapse(spec.Categories[i]));
            }

            builder.Append(". ");
        }

        builder.Append("Each call is a paid run of the Wiro tool ").Append(spec.Owner).Append('/').Append(spec.Slug)
            .Append("; it waits for the run to end and returns the task id, status, cost and a link to each output.");
        return builder.ToString();
    }

    /// <summary>The longest title kept; the rest is elided.</summary>
    public const int MaxTitle = 100;

    /// <summary>The page's title on one line (an MCP tool's title, what a person picking tools reads); <c>owner/model</c> when it has none.</summary>
    public static string TitleOf(ToolSpec spec)
    {
        var title = Collapse(spec.ToolName);
        if (title.Length == 0)
        {
            return spec.Owner + "/" + spec.Slug;
        }

        return title.Length <= MaxTitle
            ? title
            : title.Substring(0, char.IsHighSurrogate(title[MaxTitle - 1]) ? MaxTitle - 1 : MaxTitle).TrimEnd() + "…";
    }

    private static bool EndsSentence(string text) => text[text.Length - 1] is '.' or '!' or '?' or '…';

    /// <summary>Runs of white space (line breaks included) as one space, trimmed.</summary>
    internal static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

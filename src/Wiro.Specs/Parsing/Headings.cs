using System;
using System.Collections.Generic;
using System.Threading;

namespace Wiro.Specs;

/// <summary>The sections of a spec page that the parser reads.</summary>
internal enum SectionKind
{
    Other,
    BasicInfo,
    Inputs,
    Status,
    CompletedStatuses,
    RunningStatuses,
}

/// <summary>One heading: its level, where it starts, and where its own text (after the title) begins.</summary>
internal readonly record struct Heading(SectionKind Kind, int Level, int Start, int ContentStart);

/// <summary>
/// Finds the headings of Wiro's own page template, and only those: a "#" run, a space and one of the titles Wiro
/// writes, at the start of a line (after a space in a collapsed page). Any other heading-like text, such as a help
/// text saying "Use ## Markdown Headings here", belongs to the section it is in.
/// </summary>
/// <remarks>
/// The page is not parsed as markdown: its structure is this fixed set of headings, and help and default texts are
/// free text that a markdown parser would read as quotes, emphasis, links or code fences. That reading cost time
/// quadratic in some texts, hit nesting limits, and let a fence in a help text hide every later heading. One pass
/// over the text, with a constant amount of work per character, finds the headings.
/// </remarks>
internal static class Headings
{
    /// <summary>Longest "#" run of a markdown heading.</summary>
    private const int MaxLevel = 6;

    /// <summary>The titles of Wiro's page template (older pages say "Tool", newer ones "Model"), matched as prefixes.</summary>
    private static readonly (string Title, SectionKind Kind, bool Colon)[] Titles =
    {
        ("Basic tool info", SectionKind.BasicInfo, false),
        ("Tool Inputs", SectionKind.Inputs, true),
        ("Model Inputs", SectionKind.Inputs, true),
        ("Tool Parameter Inspires", SectionKind.Other, false),
        ("Model Parameter Inspires", SectionKind.Other, false),
        ("Integration Header Prepare", SectionKind.Other, false),
        ("Run Command", SectionKind.Other, false),
        ("Get Task Detail", SectionKind.Other, false),
        ("Kill Task", SectionKind.Other, false),
        ("Cancel Task", SectionKind.Other, false),
        ("Task Status Information", SectionKind.Status, false),
        ("Completed Task Statuses", SectionKind.CompletedStatuses, false),
        ("Running Task Statuses", SectionKind.RunningStatuses, false),
    };

    /// <summary>The page's template headings in text order.</summary>
    public static List<Heading> Find(SpecText spec, CancellationToken cancellationToken)
    {
        var text = spec.Text;
        var headings = new List<Heading>();
        var position = 0;
        while (position < text.Length)
        {
            var hash = text.IndexOf('#', position);
            if (hash < 0)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var level = 1;
            while (hash + level < text.Length && text[hash + level] == '#')
            {
                level++;
            }

            // A run is looked at once, from its first '#': a later '#' of the run never starts a key.
            position = hash + level;
            if (level > MaxLevel || !spec.IsKeyStart(hash))
            {
                continue;
            }

            if (Classify(text, level, hash, position) is { } heading)
            {
                headings.Add(heading);
                position = heading.ContentStart;
            }
        }

        return headings;
    }

    /// <summary>Where the section of heading <paramref name="index"/> ends: at the next heading of its level or above.</summary>
    public static int SectionEnd(List<Heading> headings, int index, int textLength)
    {
        for (var i = index + 1; i < headings.Count; i++)
        {
            if (headings[i].Level <= headings[index].Level)
            {
                return headings[i].Start;
            }
        }

        return textLength;
    }

    /// <summary>Where the text right under heading <paramref name="index"/> ends: at the next heading of any level.</summary>
    public static int BodyEnd(List<Heading> headings, int index, int textLength)
        => index + 1 < headings.Count ? headings[index + 1].Start : textLength;

    public static int IndexOf(List<Heading> headings, SectionKind kind, int fromIndex = 0)
    {
        for (var i = fromIndex; i < headings.Count; i++)
        {
            if (headings[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The heading whose "#" run is [start, runEnd), or null when no template title follows it.</summary>
    private static Heading? Classify(string text, int level, int start, int runEnd)
    {
        if (runEnd >= text.Length || text[runEnd] is not (' ' or '\t'))
        {
            return null;
        }

        var title = runEnd;
        while (title < text.Length && title - runEnd < 8 && text[title] is ' ' or '\t')
        {
            title++;
        }

        foreach (var (name, kind, colon) in Titles)
        {
            var content = title + name.Length;
            if (text.Length >= content
                && string.Compare(text, title, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (content == text.Length || !char.IsLetterOrDigit(text[content])))
            {
                if (colon && content < text.Length && text[content] == ':')
                {
                    content++;
                }

                return new Heading(kind, level, start, content);
            }
        }

        return null;
    }
}

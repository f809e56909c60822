using System;
using System.Collections.Generic;
using Markdig;
using Markdig.Syntax;

namespace Wiro.Generator.Parsing;

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

/// <summary>Finds the page's headings with Markdig, so '#' lines inside fenced code blocks are never taken for one.</summary>
internal static class Headings
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly (string Title, SectionKind Kind, bool Colon)[] Titles =
    {
        ("Basic tool info", SectionKind.BasicInfo, false),
        ("Tool Inputs", SectionKind.Inputs, true),
        ("Model Inputs", SectionKind.Inputs, true),
        ("Task Status Information", SectionKind.Status, false),
        ("Completed Task Statuses", SectionKind.CompletedStatuses, false),
        ("Running Task Statuses", SectionKind.RunningStatuses, false),
    };

    /// <param name="markdown">The text with its line structure (same length and offsets as the original).</param>
    public static List<Heading> Find(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var headings = new List<Heading>();
        foreach (var block in document.Descendants<HeadingBlock>())
        {
            var start = block.Span.Start;
            if (block.HeaderChar != '#' || start < 0 || start >= markdown.Length)
            {
                continue;
            }

            while (start < markdown.Length && markdown[start] != '#' && markdown[start] is not ('\n' or '\r'))
            {
                start++;
            }

            if (start >= markdown.Length || markdown[start] != '#')
            {
                continue;
            }

            headings.Add(Classify(markdown, block.Level, start));
        }

        headings.Sort((a, b) => a.Start.CompareTo(b.Start));
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

    private static Heading Classify(string text, int level, int start)
    {
        var title = start;
        while (title < text.Length && text[title] == '#')
        {
            title++;
        }

        while (title < text.Length && text[title] is ' ' or '\t')
        {
            title++;
        }

        foreach (var (name, kind, colon) in Titles)
        {
            if (text.Length - title >= name.Length
                && string.Compare(text, title, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var content = title + name.Length;
                if (colon && content < text.Length && text[content] == ':')
                {
                    content++;
                }

                return new Heading(kind, level, start, content);
            }
        }

        return new Heading(SectionKind.Other, level, start, title);
    }
}

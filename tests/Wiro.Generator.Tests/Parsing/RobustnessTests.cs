using CsCheck;
using Wiro.Specs;
using static Wiro.Generator.Tests.Parsing.ParsingHelpers;

namespace Wiro.Generator.Tests.Parsing;

/// <summary>Damaged pages never make the parser throw, and every location it reports lies inside the text.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Pages =
    {
        Fixture("lens-tool.md"),
        Collapse(Fixture("lens-tool.md")),
        Fixture("crlf-tool.md"),
        RepoSpec("ltx-video-text2video.wiro.md"),
    };

    /// <summary>Characters that mean something to the parser, so edits hit its decisions.</summary>
    private static readonly char[] Meaningful = { '\n', '\r', ' ', '\t', '#', '-', ':', '"', '`', '\\', 'a', 'Z', '\u2028', '\0' };

    [Fact]
    public void Random_truncation_never_throws_and_locations_stay_inside()
    {
        Gen.Select(Gen.Int[0, Pages.Length - 1], Gen.Double[0, 1]).Sample((page, fraction) =>
        {
            var text = Pages[page];
            AssertSound(text[..(int)(text.Length * fraction)]);
        }, iter: 400);
    }

    [Fact]
    public void Random_insertions_and_deletions_never_throw_and_locations_stay_inside()
    {
        var edit = Gen.Select(Gen.Int[0, 1_000_000], Gen.Bool, Gen.Int[0, Meaningful.Length - 1], Gen.Int[1, 40]);
        Gen.Select(Gen.Int[0, Pages.Length - 1], edit.Array[1, 12]).Sample((page, edits) =>
        {
            var text = Pages[page];
            foreach (var (position, insert, character, length) in edits)
            {
                var at = position % (text.Length + 1);
                text = insert
                    ? text.Insert(at, Meaningful[character].ToString())
                    : text.Remove(at, Math.Min(length, text.Length - at));
            }

            AssertSound(text);
        }, iter: 400);
    }

    [Fact]
    public void Arbitrary_text_never_throws()
    {
        Gen.Char.Array[0, 400].Select(chars => new string(chars)).Sample(text => AssertSound(text), iter: 300);
    }

    [Fact]
    public void Pathological_repetition_is_parsed()
    {
        var keys = string.Concat(Enumerable.Repeat(" - name: type: default: options: - value: \"", 5_000));
        var page = "## Basic tool info Run Task Endpoint (POST): https://api.wiro.ai/v1/Run/a/b ## Tool Inputs:" + keys;

        var result = SpecParser.Parse("/specs/keys.wiro.md", page, CancellationToken.None);

        Assert.NotNull(result.Spec);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "WIRO012");
    }

    [Fact]
    public void A_cancelled_token_stops_the_parse()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SpecParser.Parse("/specs/a.wiro.md", Pages[0], cancelled.Token));
    }

    [Fact]
    public void Parsing_is_deterministic_and_value_equal()
    {
        foreach (var page in Pages)
        {
            Assert.Equal(Parse(page), Parse(page));
        }
    }

    private static void AssertSound(string text)
    {
        var result = SpecParser.Parse("/specs/fuzz.wiro.md", text, CancellationToken.None);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "WIRO012");
        var locations = result.Diagnostics.Select(d => d.Location)
            .Concat(result.Spec?.Inputs.Select(i => i.Location) ?? [])
            .ToList();
        foreach (var location in locations)
        {
            Assert.NotNull(location);
            Assert.Equal("/specs/fuzz.wiro.md", location.FilePath);
            Assert.InRange(location.Span.End, location.Span.Start, text.Length);
            Assert.InRange(location.Span.Start, 0, text.Length);
            Assert.Equal(ExpectedPosition(text, location.Span.Start), location.LineSpan.Start);
            Assert.Equal(ExpectedPosition(text, location.Span.End), location.LineSpan.End);
        }

        Assert.True(result.Spec is null || result.Spec.Owner.Length > 0);
    }

    /// <summary>Line and column with CR, LF and CRLF as line breaks, counted the plain way.</summary>
    private static LinePoint ExpectedPosition(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                if (i + 1 >= offset)
                {
                    break;
                }

                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePoint(line, offset - lineStart);
    }
}

using CsCheck;

namespace Wiro.Core.Tests;

/// <summary>Output names a server sends, made into names that stay in their folder on Windows, Linux and macOS.</summary>
public sealed class SafeFileNameTests
{
    private static readonly string[] FixedNames =
        ["CON", "nul.txt", "COM\u00B9.x", "LPT9 .log", ".", "..", "x.", " x", "x ", "0.png", new string('a', 199), new string('a', 201), new string('\u00E9', 101)];

    private static readonly Uri Cdn = new("https://cdn1.wiro.ai/a/b/0.png");

    [Theory]
    [InlineData("0.png", "0.png")]
    [InlineData("../../x.txt", "x.txt")]
    [InlineData("..\\..\\x.txt", "x.txt")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\x.dll", "x.dll")]
    [InlineData("C:x.txt", "C_x.txt")]
    [InlineData("\\\\server\\share\\x.bin", "x.bin")]
    [InlineData("a<b>c:d\"e|f?g*h.png", "a_b_c_d_e_f_g_h.png")]
    [InlineData("tab\tline\n.png", "tab_line_.png")]
    [InlineData("x.txt. . ", "x.txt")]
    [InlineData("  spaced.png ", "spaced.png")]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("Com1.tar.gz", "_Com1.tar.gz")]
    [InlineData("LPT9 .log", "_LPT9 .log")]
    [InlineData("console.txt", "console.txt")]
    [InlineData("\u202Egnp.exe", "_gnp.exe")]
    [InlineData("snow\u2603man.png", "snow\u2603man.png")]
    [InlineData("emoji\uD83D\uDE00.png", "emoji\uD83D\uDE00.png")]
    [InlineData(".bashrc", ".bashrc")]
    public void Names_lose_their_directory_part_and_every_refused_character(string raw, string expected)
    {
        Assert.Equal(expected, SafeFileName.ForOutput(raw, Cdn, 0));
        Assert.True(SafeFileName.IsSafe(expected));
    }

    [Fact]
    public void A_lone_surrogate_is_replaced()
        => Assert.Equal("lone_.png", SafeFileName.ForOutput("lone" + (char)0xD800 + ".png", Cdn, 0));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("x/")]
    [InlineData(" . ")]
    public void A_name_with_nothing_left_comes_from_the_url(string? raw)
        => Assert.Equal("0.png", SafeFileName.ForOutput(raw, Cdn, 3));

    [Fact]
    public void Without_a_usable_name_or_url_the_index_names_the_file()
    {
        Assert.Equal("output-3", SafeFileName.ForOutput("..", null, 3));
        Assert.Equal("output-4", SafeFileName.ForOutput(null, new Uri("https://cdn.test/"), 4));
        Assert.Equal("x.txt", SafeFileName.ForOutput(null, new Uri("https://cdn.test/a/..%2F..%2Fx.txt"), 4));
    }

    [Fact]
    public void Long_names_are_cut_below_the_linux_limit_keeping_the_extension()
    {
        var name = SafeFileName.ForOutput(new string('\u00E9', 300) + ".png", null, 0);

        Assert.EndsWith("\u00E9.png", name, StringComparison.Ordinal);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(name), 150, 200);
        Assert.True(SafeFileName.IsSafe(name));
    }

    [Fact]
    public void Unique_numbers_names_that_differ_only_in_case()
    {
        var taken = new OutputNames();

        Assert.Equal(
            ["0.png", "0 (2).PNG", "0 (3).png", "README", "readme (2)"],
            new[] { "0.png", "0.PNG", "0.png", "README", "readme" }.Select(name => taken.Unique(name)));
    }

    [Theory]
    [InlineData("x.txt", true)]
    [InlineData("../x.txt", false)]
    [InlineData("x.txt.", false)]
    [InlineData("AUX", false)]
    [InlineData("", false)]
    public void Is_safe_accepts_only_what_clean_leaves_unchanged(string name, bool safe)
        => Assert.Equal(safe, SafeFileName.IsSafe(name));

    [Fact]
    public void The_allocation_free_path_gives_what_the_full_rules_give()
    {
        // Characters every rule is about: separators, refused ones, controls, formatting, dots, spaces, surrogates.
        var chars = Gen.Char["a0._ -/\\:<>|?*\"\t\n\u00A0\u202E\u200B\uD83D\uDE00\u00B9CONULPTcom"];
        var names = Gen.OneOf(
            chars.Array[1, 12].Select(array => new string(array)),
            Gen.Int[0, FixedNames.Length - 1].Select(i => FixedNames[i]));

        names.Sample(name =>
        {
            var expected = SafeFileName.CleanByRules(name) ?? "output-0";
            Assert.Equal(expected, SafeFileName.ForOutput(name, null, 0));
            if (SafeFileName.IsAlreadyClean(name))
            {
                Assert.Equal(name, SafeFileName.CleanByRules(name));
            }
        }, iter: 5_000);
    }
}

using Wiro.Specs;

namespace Wiro.Generator.Tests.Planning;

/// <summary>The skeleton behind WIRO018: what it folds together and what it keeps apart.</summary>
public sealed class LookAlikeSkeletonTests
{
    [Theory]
    // Every Cyrillic and Greek capital of the table, then the small letters: each becomes its Latin letter.
    [InlineData("\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0423\u0425\u0405\u0406\u0408\u051A\u051C\u04AE\u04BA\u04C0", "abekmhopctyxsijqwyhi")]
    [InlineData("\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u04BB\u0501\u051B\u051D\u04CF\u04AF\u0475", "aeopcyxsijhdqwlyv")]
    [InlineData("\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7", "abezhikmnoptyx")]
    [InlineData("\u03B1\u03B3\u03B9\u03BD\u03BF\u03C1\u03C5\u03F2\u03F3\u0131\u0237\u0251\u0261", "ayivopucjijag")]
    [InlineData("\uFF50\uFF52\uFF4F\uFF4D\uFF50\uFF54", "prompt")]
    [InlineData("ProjectId", "projectid")]
    public void Look_alike_letters_fold_to_latin(string text, string skeleton)
        => Assert.Equal(skeleton, LookAlikes.Skeleton(text));

    [Theory]
    [InlineData("caf\u00E9", "cafe\u0301", LookAlikeKind.Normalization)]
    [InlineData("Caf\u00E9", "cafe\u0301", LookAlikeKind.Normalization)]
    [InlineData("projectId", "projectid", LookAlikeKind.Case)]
    [InlineData("pr\u043Empt", "prompt", LookAlikeKind.Script)]
    [InlineData("\u0420rompt", "prompt", LookAlikeKind.Script)]
    [InlineData("cafe", "caf\u00E9", LookAlikeKind.None)]
    [InlineData("prompt", "prompt", LookAlikeKind.None)]
    [InlineData("\u043F\u0440\u0438\u0432\u0435\u0442", "npnbet", LookAlikeKind.None)]
    [InlineData("a\uD800", "a", LookAlikeKind.None)]
    public void Compare_names_the_difference(string a, string b, LookAlikeKind kind)
        => Assert.Equal(kind, LookAlikes.Compare(a, b));
}

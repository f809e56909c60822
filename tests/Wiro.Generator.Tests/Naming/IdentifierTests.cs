using Wiro.Specs;

namespace Wiro.Generator.Tests.Naming;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("LTX-Video-Text2Video", "LtxVideoText2Video")]
    [InlineData("numFrames", "NumFrames")]
    [InlineData("audio_prompt_type", "AudioPromptType")]
    [InlineData("Robot v4.0", "RobotV40")]
    [InlineData("veo3-1", "Veo31")]
    [InlineData("Wan2.2-I2V-A14B", "Wan22I2VA14B")]
    [InlineData("kokoro_tts", "KokoroTts")]
    [InlineData("text-to-image-seedream-v3", "TextToImageSeedreamV3")]
    [InlineData("#A6E1F9,#4BC7CE", "A6E1F94BC7CE")]
    [InlineData("--id_mix", "IdMix")]
    [InlineData("日本語", "")]
    [InlineData("", "")]
    public void PascalCase_follows_word_boundaries(string text, string expected)
        => Assert.Equal(expected, Identifier.ToPascalCase(text));

    [Theory]
    [InlineData("Prompt", true)]
    [InlineData("_1st", true)]
    [InlineData("1st", false)]
    [InlineData("class", false)]
    [InlineData("a-b", false)]
    [InlineData("", false)]
    public void IsValid_accepts_only_plain_identifiers(string name, bool expected)
        => Assert.Equal(expected, Identifier.IsValid(name));

    [Fact]
    public void UniqueNames_separates_names_that_differ_only_in_case()
    {
        var names = new UniqueNames("CallbackUrl");

        Assert.Equal("Seed", names.Claim("Seed"));
        Assert.Equal("seed2", names.Claim("seed"));
        Assert.Equal("Seed3", names.Claim("Seed"));
        Assert.Equal("CallbackUrl2", names.Claim("CallbackUrl"));
    }
}

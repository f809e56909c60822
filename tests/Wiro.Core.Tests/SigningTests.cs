namespace Wiro.Core.Tests;

public sealed class SigningTests
{
    [Fact]
    public void Signature_matches_the_documented_vector()
        => Assert.Equal(
            "c7f0146b2281ff7a65ce35770f3b7ced1aaeb6ab6f16924c6fcb3d690a688018",
            new WiroSigner("key", "secret").Sign("1700000000"));

    [Theory]
    [InlineData(6)]
    [InlineData(600)]
    [InlineData(5000)]
    public void Signature_matches_a_plain_hmac_whatever_the_secret_length(int secretLength)
    {
        var secret = string.Concat(Enumerable.Repeat("sé", secretLength / 2));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("ключ"), System.Text.Encoding.UTF8.GetBytes(secret + "1700000000123")));

        Assert.Equal(expected, new WiroSigner("ключ", secret).Sign("1700000000123"));
    }

    [Fact]
    public async Task Nonces_stay_unique_and_increasing_under_concurrency()
    {
        var perTask = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).Select(_ => WiroSigner.NextNonce()).ToArray())));

        var all = perTask.SelectMany(nonces => nonces).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(perTask, nonces => Assert.True(nonces.Zip(nonces.Skip(1)).All(pair => pair.First < pair.Second)));
    }

    [Fact]
    public void Options_and_client_never_show_the_secret()
    {
        var options = new WiroClientOptions { ApiKey = "abcdefgh", ApiSecret = TestEnvironment.Secret };
        using var client = new WiroClient(options);

        Assert.DoesNotContain(TestEnvironment.Secret, options.ToString());
        Assert.DoesNotContain(TestEnvironment.Secret, client.ToString());
        Assert.DoesNotContain("abcdefgh", options.ToString());
    }

    [Theory]
    [InlineData("http://api.example.com/v1/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Unencrypted_addresses_are_refused_except_loopback(string address)
    {
        var exception = Assert.Throws<ArgumentException>(() => new WiroClient(new WiroClientOptions { ApiKey = "k", BaseAddress = new Uri(address) }));
        Assert.Contains("loopback", exception.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1/")]
    [InlineData("http://localhost:5000/v1/")]
    [InlineData("https://api.wiro.ai/v1/")]
    public void Loopback_and_https_addresses_are_accepted(string address)
    {
        using var client = new WiroClient(new WiroClientOptions { ApiKey = "k", BaseAddress = new Uri(address) });
        Assert.Equal(new Uri(address), client.Options.BaseAddress);
    }
}

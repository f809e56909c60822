namespace Wiro.Core.Tests;

/// <summary>
/// An output read into memory for the adapters' <c>DataContent</c>: whole within the cap, refused past it, whether the
/// size was declared (refused before a byte is read) or not (dropped once the body passes the cap).
/// </summary>
public sealed class OutputDataTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_output_past_the_cap_is_refused_and_one_within_it_is_read_whole(bool sizeDeclared)
    {
        await using var env = await TestEnvironment.StartAsync();
        var bytes = Enumerable.Range(0, 5_000).Select(i => (byte)i).ToArray();
        var url = await env.Client.UploadFileAsync(WiroFile.FromBytes(bytes, "big.bin", "application/octet-stream"));
        var output = new WiroOutput("big.bin", "application/octet-stream", sizeDeclared ? bytes.Length : null, url.AbsoluteUri, null, 0, env.Client);

        Assert.Equal(bytes, await OutputData.ReadAsync(output, bytes.Length, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<WiroResponseTooLargeException>(() => OutputData.ReadAsync(output, bytes.Length - 1, CancellationToken.None));

        Assert.Equal(bytes.Length - 1, refused.MaxBytes);
        // Wiro's size, or else the server's Content-Length: refused before the body is read either way.
        Assert.Equal(bytes.Length, refused.ContentLength);
        Assert.Contains("'big.bin'", refused.Message, StringComparison.Ordinal);
    }
}

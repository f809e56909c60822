using System.Text;
using System.Text.Json;

namespace Wiro.Core.Tests;

/// <summary>
/// Values a broken server sends inside otherwise good answers: each is read leniently when it can be (absent when out
/// of range) and is a <see cref="WiroMalformedResponseException"/> when the client cannot do without it.
/// </summary>
public sealed class HostileValueTests
{
    [Theory]
    [InlineData("99999999999999")]
    [InlineData("253402300800")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("\"1e5\"")]
    [InlineData("\"99999999999999999999999\"")]
    [InlineData("{}")]
    public void Times_out_of_range_are_absent(string value)
        => Assert.Null(Read($$"""{"id":"1","endtime":{{value}}}""").EndedAt);

    [Fact]
    public void The_last_second_a_date_holds_is_still_read()
        => Assert.Equal(DateTimeOffset.MaxValue.AddTicks(-(TimeSpan.TicksPerSecond - 1)), Read("""{"endtime":"253402300799"}""").EndedAt);

    [Theory]
    [InlineData("\"-1\"", null)]
    [InlineData("1e30", null)]
    [InlineData("\"2.5\"", null)]
    [InlineData("\"NaN\"", null)]
    [InlineData("[12]", null)]
    [InlineData("\"2.0e5\"", 200000L)]
    [InlineData("12", 12L)]
    public void Output_sizes_are_whole_and_not_negative(string value, long? size)
        => Assert.Equal(size, Read($$"""{"outputs":[{"name":"0.png","size":{{value}},"url":"https://x.test/0.png"}]}""").Outputs.Single().Size);

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e400")]
    [InlineData("-1")]
    public void Elapsed_seconds_must_be_finite_and_not_negative(string value)
        => Assert.Null(Read($$"""{"elapsedseconds":{{value}}}""").ElapsedSeconds);

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://cdn.test/0.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("\\\\server\\share\\0.png")]
    [InlineData("/relative/0.png")]
    [InlineData("ws://cdn.test/0.png")]
    public async Task Only_http_and_https_output_urls_are_kept(string url)
    {
        var output = Read($$"""{"outputs":[{"name":"0.png","url":{{JsonSerializer.Serialize(url)}}}]}""").Outputs.Single();

        Assert.Null(output.Url);
        await Assert.ThrowsAsync<WiroMalformedResponseException>(() => output.DownloadToStreamAsync(Stream.Null));
    }

    [Fact]
    public void Http_and_https_output_urls_are_kept()
    {
        var outputs = Read("""{"outputs":[{"url":"https://cdn.test/0.png"},{"url":"HTTP://127.0.0.1:5000/1.png"}]}""").Outputs;

        Assert.Equal(["https", "http"], outputs.Select(o => o.Url!.Scheme));
    }

    [Fact]
    public async Task Inline_content_is_not_a_download_and_says_so()
    {
        var output = Read("""{"outputs":[{"contenttype":"raw","content":{"answer":["hi"]}}]}""").Outputs.Single();

        Assert.Equal("output-0", output.Name);
        await Assert.ThrowsAsync<InvalidOperationException>(() => output.DownloadToStreamAsync(Stream.Null));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("status")]
    [InlineData("socketaccesstoken")]
    [InlineData("pexit")]
    public void Identity_fields_that_are_not_utf8_make_the_task_unreadable(string field)
    {
        var error = Assert.Throws<WiroMalformedResponseException>(() => Read(Bytes($"{{\"{field}\":\"ab", new byte[] { 0xC3, 0x28 }, "\"}")));

        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void Descriptive_fields_that_are_not_text_are_dropped()
    {
        var task = Read(Bytes(
            "{\"id\":\"1\",\"status\":\"task_postprocess_end\",\"debugerror\":\"a\\ud800b\",\"debugoutput\":\"x", new byte[] { 0xFF },
            "\",\"parameters\":{\"p\":\"", new byte[] { 0xED, 0xA0, 0x80 },
            "\"},\"outputs\":[{\"name\":\"bad", new byte[] { 0xFE }, ".png\",\"url\":\"https://cdn.test/0.png\",\"content\":{\"a\":\"\\udc00\"}}]}"));

        Assert.Equal(("1", WiroTaskStatus.TaskPostprocessEnd), (task.Id, task.Status));
        Assert.Null(task.DebugError);
        Assert.Null(task.DebugOutput);
        Assert.Null(task.ParametersJson);
        var output = task.Outputs.Single();
        Assert.Null(output.RawName);
        Assert.Equal("0.png", output.Name);
        Assert.Equal("""{"a":"\udc00"}""", output.ContentJson);
    }

    [Fact]
    public void Run_answer_with_a_taskid_that_is_not_utf8_is_malformed()
    {
        using var document = JsonDocument.Parse(Bytes("{\"result\":true,\"taskid\":\"1", new byte[] { 0xFF }, "\",\"socketaccesstoken\":\"t\"}"));

        Assert.Throws<WiroMalformedResponseException>(() => WiroRunResult.Read(document.RootElement));
    }

    [Theory]
    [InlineData("""{"type":"task_output","message":{"percentage":"60"}}""", "task_output", 60.0, null)]
    [InlineData("""{"type":"task_output","message":{"percentage":"1e400"}}""", "task_output", null, null)]
    [InlineData("""{"type":"task_output","message":"Step 1/10"}""", "task_output", null, "Step 1/10")]
    [InlineData("""{"type":"task_output","message":"bad \ud800"}""", "task_output", null, null)]
    [InlineData("""{"type":7,"message":[1]}""", "7", null, null)]
    public void Socket_messages_are_read_leniently(string json, string type, double? percentage, string? message)
    {
        var read = SocketMessage.Read(Encoding.UTF8.GetBytes(json))!;

        Assert.Equal((type, percentage, message), (read.RawType, read.Percentage, read.Message));
    }

    [Fact]
    public void Socket_message_without_a_type_reports_nothing()
        => Assert.Null(SocketMessage.Read("""{"message":"x"}"""u8.ToArray()));

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"task_end\"")]
    [InlineData("{\"type\":")]
    [InlineData("{\"type\":\"task_\\ud800end\"}")]
    public void Socket_messages_that_cannot_be_read_are_malformed(string json)
        => Assert.Throws<WiroMalformedResponseException>(() => SocketMessage.Read(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Socket_message_nested_past_the_parser_depth_is_malformed()
        => Assert.Throws<WiroMalformedResponseException>(() => SocketMessage.Read(Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100))));

    /// <summary>Strings as UTF-8 and raw bytes, joined: JSON with bytes no string could hold.</summary>
    private static byte[] Bytes(params object[] parts)
        => parts.SelectMany(part => part as byte[] ?? Encoding.UTF8.GetBytes((string)part)).ToArray();

    private static WiroTask Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    private static WiroTask Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return WiroTask.Read(document.RootElement, null);
    }
}

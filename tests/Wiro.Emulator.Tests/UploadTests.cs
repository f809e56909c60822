using System.Net.Http.Headers;

namespace Wiro.Emulator.Tests;

public sealed class UploadTests
{
    [Fact]
    public async Task An_uploaded_file_is_listed_and_served_back_without_auth()
    {
        await using var env = await Emulated.StartAsync();
        var bytes = "id,name\n1,kite\n"u8.ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { file, "file", "dataset.csv" }, { new StringContent("folder-7"), "folderid" } };

        var answer = await env.Api.SendAsync(env.Api.Request("File/Upload", form));

        Assert.Equal(200, answer.Status);
        Assert.True(answer.Result);
        var listed = Assert.Single(answer.Root.GetProperty("list").EnumerateArray().ToList());
        Assert.Equal("dataset.csv", listed.GetProperty("name").GetString());
        Assert.Equal("text/csv", listed.GetProperty("contenttype").GetString());
        Assert.Equal(bytes.Length.ToString(), listed.GetProperty("size").GetString());
        Assert.Equal("folder-7", listed.GetProperty("parentid").GetString());
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("id").GetString()));
        using var plain = new HttpClient();
        using var download = await plain.GetAsync(listed.GetProperty("url").GetString());
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_upload_without_a_file_part_is_refused()
    {
        await using var env = await Emulated.StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "folderid" } };

        var answer = await env.Api.SendAsync(env.Api.Request("File/Upload", form));

        Assert.Equal(400, answer.Status);
        Assert.False(answer.Result);
        Assert.Equal(0, answer.Error.Code);
    }

    [Fact]
    public async Task An_upload_needs_auth()
    {
        await using var env = await Emulated.StartAsync();
        using var stranger = new WiroApi(env.Emulator.BaseAddress, Emulated.Key, "wrong");
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "a.bin" } };

        Assert.Equal(401, (await stranger.SendAsync(stranger.Request("File/Upload", form))).Status);
    }
}

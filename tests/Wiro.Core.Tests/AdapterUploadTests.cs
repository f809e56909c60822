#pragma warning disable MEAI001 // The image and speech abstractions are experimental in Microsoft.Extensions.AI.
using Microsoft.Extensions.AI;

namespace Wiro.Core.Tests;

/// <summary>
/// The bytes an adapter is given (the audio to transcribe, an image to edit, an image in a chat turn) are uploaded
/// first, and the run takes the URL Wiro's upload answer names. An answer that names no http(s) URL is a
/// <see cref="WiroApiException"/> before the run: a paid run must not be started on a <c>file:</c> path, a script or
/// nothing at all that the server chose in place of the upload.
/// </summary>
public sealed class AdapterUploadTests
{
    private static readonly byte[] Png = Wiro.Emulator.WiroOutputFile.Png().Content.ToArray();

    public static TheoryData<string, string> AdaptersAndUploadAnswers
    {
        get
        {
            string[] answers =
            [
                """{"result":true,"errors":[]}""",
                """{"result":true,"errors":[],"list":[]}""",
                """{"result":true,"errors":[],"list":"https://cdn.example.test/0.wav"}""",
                """{"result":true,"errors":[],"list":[1]}""",
                """{"result":true,"errors":[],"list":[{"url":5}]}""",
                """{"result":true,"errors":[],"list":[{"url":"not a url"}]}""",
                """{"result":true,"errors":[],"list":[{"url":"file:///etc/passwd"}]}""",
                """{"result":true,"errors":[],"list":[{"url":"/etc/passwd"}]}""",
                """{"result":true,"errors":[],"list":[{"url":"javascript:alert(1)"}]}""",
                """{"result":true,"errors":[],"list":[{"url":"ftp://cdn.example.test/0.wav"}]}""",
            ];
            var data = new TheoryData<string, string>();
            foreach (var adapter in new[] { "speech-to-text", "image", "chat" })
            {
                foreach (var answer in answers)
                {
                    data.Add(adapter, answer);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AdaptersAndUploadAnswers))]
    public async Task An_upload_answer_without_an_http_url_is_refused_before_the_run(string adapter, string uploadAnswer)
    {
        await using var api = HostileApi.Start(_ => HostileApi.Task(), uploadAnswer: uploadAnswer);
        using var client = HostileApi.Client(api);

        var error = await Assert.ThrowsAsync<WiroApiException>(() => UploadAndRunAsync(adapter, client));

        Assert.Contains("no file URL", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Received, r => r.Target == "/v1/File/Upload");
        Assert.DoesNotContain(api.Received, r => r.Target.StartsWith("/v1/Run/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("speech-to-text")]
    [InlineData("image")]
    [InlineData("chat")]
    public async Task An_http_url_in_the_upload_answer_is_what_the_run_takes(string adapter)
    {
        const string uploaded = "https://cdn.example.test/uploads/0.bin";
        await using var api = HostileApi.Start(
            _ => HostileApi.Task($"[{HostileApi.Output("0.png", "image/png", "https://cdn.example.test/0.png")}]", debugOutput: "done"),
            uploadAnswer: $$"""{"result":true,"errors":[],"list":[{"url":"{{uploaded}}"}]}""");
        using var client = HostileApi.Client(api);

        await UploadAndRunAsync(adapter, client);

        var run = Assert.Single(api.Received, r => r.Target.StartsWith("/v1/Run/", StringComparison.Ordinal));
        Assert.Contains(uploaded, System.Text.Encoding.UTF8.GetString(run.Body), StringComparison.Ordinal);
    }

    /// <summary>One adapter call that must upload bytes first; bounded.</summary>
    private static Task UploadAndRunAsync(string adapter, WiroClient client)
        => (adapter switch
        {
            "speech-to-text" => (Task)client.Transcribe.AsISpeechToTextClient().GetTextAsync(new MemoryStream([.. "RIFF"u8, 0, 0, 0, 0])),
            "image" => client.Image.AsIImageGenerator().EditImageAsync(new DataContent(Png, "image/png"), "make it night"),
            "chat" => client.Chat.AsIChatClient().GetResponseAsync([new ChatMessage(ChatRole.User, [new TextContent("what is this?"), new DataContent(Png, "image/png")])]),
            _ => throw new ArgumentOutOfRangeException(nameof(adapter)),
        }).WaitAsync(DownloadingAdapters.Bound);
}

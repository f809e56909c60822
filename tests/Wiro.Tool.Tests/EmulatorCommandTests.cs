using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Wiro.Tool.Tests;

/// <summary><c>wiro emulator</c> as a standalone server: its printed address, its pages and API over real HTTP, and Ctrl+C.</summary>
public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task It_prints_its_base_address_serves_the_specs_validates_runs_and_stops_on_sigint()
    {
        using var workspace = new Workspace();
        var specs = workspace.Folder("specs");
        File.Copy(Workspace.LtxSpec, Path.Combine(specs, "ltx.wiro.md"));
        File.Copy(Workspace.RobotSpec, Path.Combine(specs, "robot.wiro.md"));
        using var emulator = await EmulatorProcess.StartAsync("--api-key", "k", "--api-secret", "s", "--specs", specs);
        using var http = new HttpClient();

        var page = await http.GetStringAsync(new Uri(emulator.BaseAddress, "/models/acme/Robot%20v4.0/llms.txt"));
        using var detail = await http.SendAsync(Signed(emulator.BaseAddress, "Tool/Detail", """{"slugowner":"wiroai","slugproject":"LTX-Video-Text2Video"}"""));
        using var badRun = await http.SendAsync(Signed(emulator.BaseAddress, "Run/wiroai/LTX-Video-Text2Video", """{"colour":"red"}"""));
        using var unsigned = await http.PostAsync(new Uri(emulator.BaseAddress, "Tool/List"), new StringContent("{}", Encoding.UTF8, "application/json"));
        var (exitCode, output) = await emulator.InterruptAsync();

        Assert.Equal("/v1/", emulator.BaseAddress.AbsolutePath);
        Assert.True(emulator.BaseAddress.IsLoopback);
        Assert.Equal(File.ReadAllText(Workspace.RobotSpec), page);
        Assert.Equal(200, (int)detail.StatusCode);
        var tool = (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tool")[0];
        Assert.Equal("LTX-Video-Text2Video", tool.GetProperty("slugproject").GetString());
        Assert.Equal(400, (int)badRun.StatusCode);
        Assert.Contains("'colour'", await badRun.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(401, (int)unsigned.StatusCode);
        Assert.True(exitCode == 0, output);
        Assert.Contains("2 spec(s)", output, StringComparison.Ordinal);
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("'s'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_only_mode_accepts_the_key_alone_on_the_port_asked_for()
    {
        var port = PlainServer.ClosedPort();
        using var emulator = await EmulatorProcess.StartAsync("--key-only", "--api-key", "k", "--port", port.ToString(CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "Tool/List")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", "k");

        using var answer = await http.SendAsync(request);
        var (exitCode, output) = await emulator.InterruptAsync();

        Assert.Equal(port, emulator.BaseAddress.Port);
        Assert.Equal(200, (int)answer.StatusCode);
        Assert.True(exitCode == 0, output);
        Assert.Contains("API key only", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_sigint_ends_a_stop_that_an_open_websocket_holds_up()
    {
        using var emulator = await EmulatorProcess.StartAsync();
        var socketAddress = new UriBuilder(emulator.BaseAddress) { Scheme = "ws", Path = "/socket/v1" }.Uri;
        using var socket = new ClientWebSocket();
        // Connected and silent: the emulator waits for the task token, so the graceful stop waits for this
        // request (up to its 30 s shutdown timeout) after printing "Stopped.".
        await socket.ConnectAsync(socketAddress, CancellationToken.None);

        emulator.Interrupt();
        await emulator.WaitForOutputAsync("Stopped.");
        emulator.Interrupt();
        var (exitCode, output) = await emulator.WaitForExitAsync();

        // Ended by the signal's default action (128 + SIGINT), not by the graceful stop finishing (0).
        Assert.True(exitCode == 130, $"exit code {exitCode}\n{output}");
    }

    [Fact]
    public async Task A_spec_folder_with_a_file_that_is_not_a_spec_is_exit_code_7()
    {
        using var workspace = new Workspace();
        var specs = workspace.Folder("specs");
        File.WriteAllText(Path.Combine(specs, "notes.wiro.md"), "# not a spec\n");

        var result = await WiroCli.RunAsync("emulator", "--specs", specs);

        Assert.True(result.ExitCode == ExitCodes.LocalFile, result.ToString());
        Assert.Contains("notes.wiro.md", result.Error, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Signed(Uri baseAddress, string path, string json)
    {
        var nonce = global::Wiro.WiroSigner.NextNonce().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", "k");
        request.Headers.Add("x-nonce", nonce);
        request.Headers.Add("x-signature", new global::Wiro.WiroSigner("k", "s").Sign(nonce));
        return request;
    }
}

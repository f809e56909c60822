using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Wiro.Benchmarks.Memory;

/// <summary>
/// Peak memory of the generated client against a hostile server in the same process (a raw TcpListener on
/// 127.0.0.1 that streams from one 64 KiB buffer, so it adds next to nothing): a 200 MB Task/Detail answer, or
/// 1 GB of WebSocket frames that never set FIN. Uses only API that existed before the caps, so the same file runs
/// against the old core for the "before" figures. Run one scenario per process: the peak is per process.
/// </summary>
public static class HostileMemoryProbe
{
    private const long HugeAnswer = 200L * 1000 * 1000;
    private const long EndlessMessage = 1000L * 1000 * 1000;
    private static readonly byte[] Filler = CreateFiller();

    public static async Task RunAsync(string scenario, TextWriter output)
    {
        var (field, size, chunked) = scenario switch
        {
            "detail-unknown" => ("blob", HugeAnswer, false),
            "detail-debugoutput" => ("debugoutput", HugeAnswer, false),
            "detail-chunked" => ("debugoutput", HugeAnswer, true),
            "detail-15mib" => ("debugoutput", 15L * 1024 * 1024, false),
            "socket" => ("", 0L, false),
            _ => throw new ArgumentException("scenarios: detail-unknown, detail-debugoutput, detail-chunked, detail-15mib, socket"),
        };

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = ServeAsync(listener, scenario == "socket" ? null : (field, size, chunked), sent);

        using var client = new WiroClient(new WiroClientOptions
        {
            ApiKey = "k",
            ApiSecret = "s",
            BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/"),
            WebSocketAddress = new Uri($"ws://127.0.0.1:{port}/socket/v1"),
            MaxRetries = 0,
        });
        // One ordinary call first (for the socket, a wait over a socket that behaves), so the baseline already holds
        // what any first call costs.
        await client.GetTaskByIdAsync("1");
        if (scenario == "socket")
        {
            await client.WaitForCompletionAsync(new WiroRunResult("1", "token"));
        }

        GC.Collect();
        var before = PeakWorkingSet();
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            if (scenario == "socket")
            {
                using var limit = new CancellationTokenSource();
                _ = sent.Task.ContinueWith(_ => limit.CancelAfter(TimeSpan.FromSeconds(60)), TaskScheduler.Default);
                var result = await client.WaitForCompletionAsync(new WiroRunResult("1", "token"), cancellationToken: limit.Token);
                outcome = $"wait returned {result.Status} (socket message sent whole: {sent.Task.IsCompleted})";
            }
            else
            {
                var task = await client.GetTaskByIdAsync("1");
                outcome = $"read a task with {(task.DebugOutput?.Length ?? 0):N0} chars of debugoutput";
            }
        }
        catch (Exception exception)
        {
            outcome = $"{exception.GetType().Name}: {exception.Message}";
        }

        var peak = PeakWorkingSet();
        output.WriteLine($"{scenario}: {outcome}");
        output.WriteLine($"  peak working set {Mb(peak)} (before the call {Mb(before)}, growth {Mb(peak - before)}), {watch.Elapsed.TotalSeconds:F1} s");
        listener.Stop();
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F0} MiB";

    private static byte[] CreateFiller()
    {
        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'x');
        return filler;
    }

    private static async Task ServeAsync(TcpListener listener, (string Field, long Size, bool Chunked)? detail, TaskCompletionSource sent)
    {
        var sockets = 0;
        for (var call = 0; ; call++)
        {
            var warmUp = call == 0;
            TcpClient connection;
            try
            {
                connection = await listener.AcceptTcpClientAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (connection)
                {
                    try
                    {
                        var stream = connection.GetStream();
                        var head = await ReadHeadAsync(stream);
                        if (head.StartsWith("GET /socket/", StringComparison.Ordinal))
                        {
                            await EndlessMessageAsync(stream, head, sent, warmUp: Interlocked.Increment(ref sockets) == 1);
                        }
                        else if (!warmUp && detail is { } huge)
                        {
                            await HugeAnswerAsync(stream, huge.Field, huge.Size, huge.Chunked);
                        }
                        else
                        {
                            var body = """{"result":true,"tasklist":[{"id":"1","socketaccesstoken":"token","status":"task_postprocess_end","pexit":"0","outputs":[]}]}"""u8.ToArray();
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
                            await stream.WriteAsync(body);
                        }
                    }
                    catch (Exception exception) when (exception is IOException or SocketException)
                    {
                        // The client dropped the connection: what the caps are for.
                    }
                }
            });
        }
    }

    /// <summary>Reads the request head and, for a POST, its Content-Length body.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) > 0)
        {
            head.Append((char)one[0]);
        }

        var text = head.ToString();
        var length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null)
        {
            await stream.ReadExactlyAsync(new byte[int.Parse(length["Content-Length:".Length..].Trim())]);
        }

        return text;
    }

    private static async Task HugeAnswerAsync(NetworkStream stream, string field, long size, bool chunked)
    {
        var start = Encoding.ASCII.GetBytes("{\"result\":true,\"tasklist\":[{\"id\":\"1\",\"status\":\"task_postprocess_end\",\"pexit\":\"0\",\"" + field + "\":\"");
        var end = "\"}]}"u8.ToArray();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(chunked
            ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"));
        await WriteAsync(stream, start, chunked);
        for (var left = size - start.Length - end.Length; left > 0; left -= Filler.Length)
        {
            await WriteAsync(stream, Filler.AsMemory(0, (int)Math.Min(left, Filler.Length)), chunked);
        }

        await WriteAsync(stream, end, chunked);
        if (chunked)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
    }

    private static async Task WriteAsync(NetworkStream stream, ReadOnlyMemory<byte> data, bool chunked)
    {
        if (chunked)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
        }

        await stream.WriteAsync(data);
        if (chunked)
        {
            await stream.WriteAsync("\r\n"u8.ToArray());
        }
    }

    /// <summary>
    /// The WebSocket handshake by hand, then 1 GB in 64 KiB frames, none with FIN, then silence (the warm-up socket
    /// sends one terminal status instead).
    /// </summary>
    private static async Task EndlessMessageAsync(NetworkStream stream, string head, TaskCompletionSource sent, bool warmUp)
    {
        var key = head.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));
        _ = await stream.ReadAsync(new byte[1024]); // the client's task_info frame, whatever part of it arrived
        if (warmUp)
        {
            var end = """{"type":"task_postprocess_end","id":"1","message":null,"result":true}"""u8.ToArray();
            await stream.WriteAsync(new byte[] { 0x81, (byte)end.Length });
            await stream.WriteAsync(end);
            _ = await stream.ReadAsync(new byte[1024]); // the client's close
            return;
        }

        var header = new byte[10];
        header[1] = 127; // a 64-bit length follows
        for (long left = EndlessMessage, index = 0; left > 0; left -= Filler.Length, index++)
        {
            var length = (int)Math.Min(left, Filler.Length);
            header[0] = index == 0 ? (byte)0x01 : (byte)0x00; // text, then continuation; FIN never set
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(2), length);
            await stream.WriteAsync(header);
            await stream.WriteAsync(Filler.AsMemory(0, length));
        }

        sent.TrySetResult();
        _ = await stream.ReadAsync(new byte[1]); // silence until the client leaves
    }
}

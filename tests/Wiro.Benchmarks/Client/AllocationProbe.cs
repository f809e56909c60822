namespace Wiro.Benchmarks.Client;

/// <summary>
/// Bytes allocated per Task/Detail read by the generated client and the hand-written floor, and per AI function call
/// and <c>RunAndWaitAsync</c> (<see cref="Wiro.Benchmarks.AI.AIFunctionBenchmarks"/>), per chat <c>GetResponseAsync</c>
/// and per streamed long answer against its frames' JSON (<see cref="Wiro.Benchmarks.AI.ChatResponseBenchmarks"/>,
/// <see cref="Wiro.Benchmarks.AI.ChatStreamingBenchmarks"/>), over the benchmarks' in-process handler (<c>GC.GetAllocatedBytesForCurrentThread</c> would miss the continuations, so the total is
/// read): a quick way to see what a change to the read path costs before a BenchmarkDotNet run confirms it.
/// </summary>
internal static class AllocationProbe
{
    public static async Task RunAsync(int calls, TextWriter output)
    {
        var handler = new InProcessWiroHandler();
        var baseAddress = new Uri("https://api.wiro.ai/v1/");
        using var wiroHttp = new HttpClient(handler, disposeHandler: false);
        using var wiro = new WiroClient(wiroHttp, new WiroClientOptions { ApiKey = "key", ApiSecret = "secret", BaseAddress = baseAddress });
        using var handHttp = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
        var hand = new HandWrittenClient(handHttp, new HandSigner("key", "secret"));

        var generated = await MeasureAsync(calls, () => wiro.GetTaskByIdAsync(WiroAnswers.TaskId));
        var floor = await MeasureAsync(calls, () => hand.GetTaskAsync(WiroAnswers.TaskId));
        output.WriteLine($"Task/Detail: generated {generated:F0} B, hand-written {floor:F0} B per read ({generated / floor:F2}x), {calls} reads each");

        var functions = new Wiro.Benchmarks.AI.AIFunctionBenchmarks();
        functions.Setup();
        var typed = await MeasureAsync(calls, functions.RunAndWait);
        var function = await MeasureAsync(calls, () => functions.Function().AsTask());
        functions.Cleanup();
        output.WriteLine($"AI function: {function:F0} B, RunAndWaitAsync {typed:F0} B per call ({function / typed:F2}x), {calls} calls each");

        var chat = new Wiro.Benchmarks.AI.ChatResponseBenchmarks();
        chat.Setup();
        var chatTyped = await MeasureAsync(calls, chat.RunAndWait);
        var response = await MeasureAsync(calls, chat.GetResponse);
        chat.Cleanup();
        output.WriteLine($"Chat GetResponseAsync: {response:F0} B, RunAndWaitAsync {chatTyped:F0} B per call ({response / chatTyped:F2}x), {calls} calls each");

        // A streamed 100,000-character answer allocates hundreds of MB per call: a few calls are enough.
        const int streams = 5;
        var streaming = new Wiro.Benchmarks.AI.ChatStreamingBenchmarks();
        streaming.Setup();
        var floorStream = await MeasureAsync(streams, () => Task.FromResult(streaming.FramesJson()), warmUps: 2);
        var chatStream = await MeasureAsync(streams, streaming.ChatClient, warmUps: 2);
        streaming.Cleanup();
        output.WriteLine($"Chat streaming: {chatStream / 1e6:F1} MB, frames' JSON {floorStream / 1e6:F1} MB per answer ({chatStream / floorStream:F2}x), {streams} answers each");
    }

    private static async Task<double> MeasureAsync<T>(int calls, Func<Task<T>> read, int warmUps = 1_000)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await read();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await read();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
    }
}

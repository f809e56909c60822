namespace Wiro.Benchmarks.Client;

/// <summary>
/// Bytes allocated per Task/Detail read by the generated client and the hand-written floor, and per AI function call
/// and <c>RunAndWaitAsync</c> (<see cref="Wiro.Benchmarks.AI.AIFunctionBenchmarks"/>), over the benchmarks' in-process handler (<c>GC.GetAllocatedBytesForCurrentThread</c> would miss the continuations, so the total is
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
    }

    private static async Task<double> MeasureAsync<T>(int calls, Func<Task<T>> read)
    {
        for (var i = 0; i < 1_000; i++)
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

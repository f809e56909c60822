using BenchmarkDotNet.Running;
using Wiro.Benchmarks.Generation;

// `report` prints the corpus facts (lines per spec, core files, what an edit regenerates) without timing anything.
if (args is ["report", ..])
{
    CorpusReport.Print(Console.Out);
    return;
}

// `hazards [runs] [warm-ups]` times hostile pages against ordinary pages of the same size (Stopwatch, median; docs/benchmarks.md).
if (args is ["hazards", ..])
{
    var culture = System.Globalization.CultureInfo.InvariantCulture;
    HazardTimings.Print(Console.Out, args.Length > 1 ? int.Parse(args[1], culture) : 9, args.Length > 2 ? int.Parse(args[2], culture) : 3);
    return;
}

// `profile <chat-stream|chat-response> [runs]` repeats one streamed 100,000-character answer, or one chat
// GetResponseAsync, in a plain loop for a profiler (docs/benchmarks.md, section 9).
if (args is ["profile", "chat-stream" or "chat-response", ..])
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    if (args[1] == "chat-stream")
    {
        var streaming = new Wiro.Benchmarks.AI.ChatStreamingBenchmarks();
        streaming.Setup();
        runs = runs > 0 ? runs : 50;
        watch.Restart();
        for (var i = 0; i < runs; i++)
        {
            await streaming.ChatClient();
        }
    }
    else
    {
        var chat = new Wiro.Benchmarks.AI.ChatResponseBenchmarks();
        chat.Setup();
        runs = runs > 0 ? runs : 200_000;
        watch.Restart();
        for (var i = 0; i < runs; i++)
        {
            await chat.GetResponse();
        }
    }

    Console.WriteLine($"{runs} runs of '{args[1]}': {watch.Elapsed.TotalMilliseconds * 1000 / runs:F1} µs per run (untimed loop, for profiling)");
    return;
}

// `profile <spec|csharp> [runs]` repeats one incremental edit in a plain loop, for a profiler to attach to
// (dotnet-trace, see docs/benchmarks.md); BenchmarkDotNet's own processes are too short-lived to trace.
if (args is ["profile", var edit, ..])
{
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
    var benchmarks = new IncrementalGenerationBenchmarks();
    benchmarks.Setup();
    Func<object> step = edit == "spec" ? benchmarks.EditOneSpec : benchmarks.EditUnrelatedCSharp;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < runs; i++)
    {
        step();
    }

    Console.WriteLine($"{runs} runs of '{edit}': {watch.Elapsed.TotalMilliseconds / runs:F2} ms per run (untimed loop, for profiling)");
    return;
}

// `memory <scenario>` runs the client against one hostile server and prints its peak working set (docs/benchmarks.md, "Memory against a hostile server").
if (args is ["memory", var scenario, ..])
{
    await Wiro.Benchmarks.Memory.HostileMemoryProbe.RunAsync(scenario, Console.Out);
    return;
}

// `load [waits] [step ms] [polling ms]` holds that many concurrent waits on the emulator, over the WebSocket, by polling
// and on bare sockets, and prints memory per wait and how late the end is seen (docs/benchmarks.md, "Under load").
if (args is ["load", ..])
{
    var culture = System.Globalization.CultureInfo.InvariantCulture;
    await Wiro.Benchmarks.Load.ConcurrentWaitProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], culture) : 1_000,
        TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], culture) : 1_500),
        TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3], culture) : 2_000),
        Console.Out);
    return;
}

// `confirm [reads] [rounds]` splits the CPU of a burst of Task/Detail reads between the client, the emulator and
// loopback HTTP (docs/benchmarks.md, "Under load").
if (args is ["confirm", ..])
{
    var culture = System.Globalization.CultureInfo.InvariantCulture;
    await Wiro.Benchmarks.Load.ConfirmationCostProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], culture) : 1_000,
        args.Length > 2 ? int.Parse(args[2], culture) : 5,
        Console.Out);
    return;
}

// `chat [rounds] [warm-ups]` times the two chat comparisons in pairs, the ratio taken within each round (docs/benchmarks.md, section 9).
if (args is ["chat", ..])
{
    var culture = System.Globalization.CultureInfo.InvariantCulture;
    await Wiro.Benchmarks.AI.ChatPairedTimings.PrintAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], culture) : 30, args.Length > 2 ? int.Parse(args[2], culture) : 5);
    return;
}

// `alloc-types [calls]` prints which types make the chat GetResponseAsync's extra bytes over RunAndWaitAsync (sampled).
if (args is ["alloc-types", ..])
{
    await Wiro.Benchmarks.AI.ChatAllocationTypes.PrintAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

// `alloc [calls]` prints the bytes one Task/Detail read allocates (generated against hand-written) and one AI function
// call (against RunAndWaitAsync), one chat GetResponseAsync (against RunAndWaitAsync) and one streamed long answer (against
// reading its frames' JSON); no timing.
if (args is ["alloc", ..])
{
    await Wiro.Benchmarks.Client.AllocationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Wiro.Benchmarks.Client;

/// <summary>
/// One LTX-Video run (build the body, sign, send, read the answer) and one Task/Detail read, through the generated
/// client, a hand-written HttpClient + HMACSHA256 client (the floor) and Refit, all over the same in-process
/// handler. Goal: within 1.1x of the floor in time and allocations, ahead of Refit.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MinColumn, MedianColumn]
public class ClientBenchmarks
{
    private const string Key = "key";
    private const string Secret = "secret";
    private static readonly Uri BaseAddress = new("https://api.wiro.ai/v1/");

    private readonly LtxVideoInputs _inputs = new();
    private readonly LtxVideoText2VideoRequest _request = new();
    private HttpClient _wiroHttp = null!;
    private WiroClient _wiro = null!;
    private HttpClient _handHttp = null!;
    private HandWrittenClient _hand = null!;
    private HttpClient _refitHttp = null!;
    private RefitWiroClient _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InProcessWiroHandler();
        _wiroHttp = new HttpClient(handler, disposeHandler: false);
        _wiro = new WiroClient(_wiroHttp, new WiroClientOptions { ApiKey = Key, ApiSecret = Secret, BaseAddress = BaseAddress });
        _handHttp = new HttpClient(handler, disposeHandler: false) { BaseAddress = BaseAddress };
        _hand = new HandWrittenClient(_handHttp, new HandSigner(Key, Secret));
        _refitHttp = new HttpClient(new RefitSigningHandler(new HandSigner(Key, Secret), handler)) { BaseAddress = new Uri("https://api.wiro.ai/v1") };
        _refit = RefitWiroClient.Create(_refitHttp);
        ClientSanityCheck.Run(handler, _wiro, _hand, _refit, _request, _inputs).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _wiro.Dispose();
        _wiroHttp.Dispose();
        _handHttp.Dispose();
        _refitHttp.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Run")]
    public Task<PlainRun> HandWrittenRun() => _hand.RunLtxVideoAsync(_inputs);

    [Benchmark, BenchmarkCategory("Run")]
    public Task<WiroRunResult> GeneratedRun() => _wiro.LtxVideoText2Video.RunAsync(_request);

    [Benchmark, BenchmarkCategory("Run")]
    public Task<PlainRun> RefitRun() => _refit.RunLtxVideoAsync(_inputs);

    [Benchmark(Baseline = true), BenchmarkCategory("TaskDetail")]
    public Task<PlainTask> HandWrittenTaskDetail() => _hand.GetTaskAsync(WiroAnswers.TaskId);

    [Benchmark, BenchmarkCategory("TaskDetail")]
    public Task<WiroTask> GeneratedTaskDetail() => _wiro.GetTaskByIdAsync(WiroAnswers.TaskId);

    [Benchmark, BenchmarkCategory("TaskDetail")]
    public Task<PlainTask> RefitTaskDetail() => _refit.GetTaskAsync(WiroAnswers.TaskId);
}

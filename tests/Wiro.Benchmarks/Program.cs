using BenchmarkDotNet.Running;
using Wiro.Benchmarks.Generation;

// `report` prints the corpus facts (lines per spec, core files, what an edit regenerates) without timing anything.
if (args is ["report", ..])
{
    CorpusReport.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using BenchmarkDotNet.Running;

// analyzer-cost: the analyzers' execution time as a share of the compiler's (see AnalyzerCost); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "analyzer-cost")
{
    return await InitAnalyzers.Benchmarks.AnalyzerCost.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(InitAnalyzers.Benchmarks.RuntimeFillBenchmarks).Assembly).Run(args);
return 0;

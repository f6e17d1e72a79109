using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(InitAnalyzers.Benchmarks.RuntimeFillBenchmarks).Assembly).Run(args);

using System;
using BenchmarkDotNet.Attributes;
using InitAnalyzers.Runtime;
using MathNet.Numerics.Distributions;

namespace InitAnalyzers.Benchmarks;

/// <summary>
/// Filling 10^7 floats: WeightInit against a per-sample Box-Muller loop over Random.NextDouble() (what hand-written
/// code does), MathNet's Normal.Samples, a Random.NextSingle() uniform loop, and Span.Fill (the memory write limit).
/// Report ratios of medians, not times.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RuntimeFillBenchmarks
{
    private const int FanIn = 784;
    private float[] weights = Array.Empty<float>();
    private double[] mathNetWeights = Array.Empty<double>();
    private Random random = new(1);

    [Params(10_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        weights = new float[Length];
        mathNetWeights = new double[Length];
        random = new Random(1);
    }

    [Benchmark(Baseline = true, Description = "Box-Muller over Random.NextDouble()")]
    public float[] BoxMullerBaseline()
    {
        var std = Math.Sqrt(2.0 / FanIn);
        for (int i = 0; i < weights.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            weights[i] = (float)(std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return weights;
    }

    // MathNet fills double only; its users convert afterwards, which is not timed here (in MathNet's favour).
    [Benchmark(Description = "MathNet Normal.Samples (double[])")]
    public double[] MathNetNormalSamples()
    {
        Normal.Samples(random, mathNetWeights, 0.0, Math.Sqrt(2.0 / FanIn));
        return mathNetWeights;
    }

    [Benchmark(Description = "Random.NextSingle() uniform loop")]
    public float[] NextSingleUniformBaseline()
    {
        var bound = (float)Math.Sqrt(6.0 / FanIn);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (random.NextSingle() * 2 - 1) * bound;
        }

        return weights;
    }

    [Benchmark(Description = "Span.Fill (memory write limit)")]
    public float[] SpanFill()
    {
        weights.AsSpan().Fill(0.5f);
        return weights;
    }

    [Benchmark(Description = "WeightInit.HeNormal")]
    public float[] HeNormal() => WeightInit.HeNormal(weights, fanIn: FanIn, seed: 1);

    [Benchmark(Description = "WeightInit.HeUniform")]
    public float[] HeUniform() => WeightInit.HeUniform(weights, fanIn: FanIn, seed: 1);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InitExperiment.Data;

namespace InitExperiment.Training;

/// <summary>Trains every configuration with every seed, several networks at once.</summary>
internal static class Experiment
{
    public static IReadOnlyList<Configuration> Configurations(ExperimentOptions options)
        => (from activation in options.Activations
            from depth in options.Depths.Order()
            from scheme in options.Schemes
            select new Configuration(activation, depth, scheme)).ToArray();

    /// <summary>The work of the whole experiment in layer-epochs, the unit <see cref="Run"/> reports progress in.</summary>
    public static long Work(ExperimentOptions options)
        => Configurations(options).Sum(c => (long)(c.Depth + 1) * options.Epochs * options.SeedCount);

    /// <param name="progress">Called from the training threads with the layer-epochs just done.</param>
    public static ExperimentResults Run(ExperimentOptions options, DigitsDataset data, Action<long>? progress = null)
    {
        var configurations = Configurations(options);
        var seeds = options.Seeds.ToArray();
        var jobs = (from configuration in configurations from seed in seeds select (configuration, seed)).ToArray();
        var runs = new RunResult[jobs.Length];

        // Deepest first, one job at a time, so that the threads finish together.
        var order = Enumerable.Range(0, jobs.Length).OrderByDescending(j => jobs[j].configuration.Depth).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), parallel, j =>
        {
            var (configuration, seed) = jobs[j];
            runs[j] = Trainer.Train(configuration, seed, data, options, epochs => progress?.Invoke((long)epochs * (configuration.Depth + 1)));
        });

        var results = configurations
            .Select((configuration, c) => new ConfigurationResult(configuration, runs.AsSpan(c * seeds.Length, seeds.Length).ToArray()))
            .ToArray();
        return new ExperimentResults(options, data.Train.Count, data.Test.Count, results);
    }
}

/// <summary>Every configuration's runs, in the order of <see cref="Experiment.Configurations"/>.</summary>
internal sealed record ExperimentResults(ExperimentOptions Options, int TrainCount, int TestCount, IReadOnlyList<ConfigurationResult> Configurations)
{
    public ConfigurationResult? Find(Configuration configuration) => Configurations.FirstOrDefault(c => c.Configuration == configuration);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using InitAnalyzers.Runtime;
using InitExperiment.Network;

namespace InitExperiment;

/// <summary>What to train and how. The defaults finish in a few minutes on two cores.</summary>
internal sealed record ExperimentOptions
{
    // Glorot & Bengio 2010 trained 5 hidden layers; He et al. 2015 showed Xavier failing on a 30-layer ReLU net.
    public IReadOnlyList<int> Depths { get; init; } = [2, 5, 10, 20];

    public int Width { get; init; } = 64;

    public int Epochs { get; init; } = 30;

    /// <summary>How many seeds each configuration is trained with: <see cref="FirstSeed"/>, the next, and so on.</summary>
    public int SeedCount { get; init; } = 3;

    public int FirstSeed { get; init; } = 1;

    public IReadOnlyList<Activation> Activations { get; init; } = [Activation.ReLU, Activation.Tanh];

    public IReadOnlyList<InitScheme> Schemes { get; init; } = Enum.GetValues<InitScheme>();

    /// <summary>At most this many training images (of 1198); null for all.</summary>
    public int? TrainSize { get; init; }

    public int BatchSize { get; init; } = 32;

    public float LearningRate { get; init; } = 0.01f;

    public float Momentum { get; init; } = 0.9f;

    /// <summary>The test accuracy whose first epoch is reported as "epochs to target".</summary>
    public double TargetAccuracy { get; init; } = 0.9;

    public string OutputFolder { get; init; } = Path.Combine("artifacts", "init-experiment");

    public string DataPath { get; init; } = Data.DigitsDataset.DefaultPath;

    /// <summary>How many networks train at once. Each trains on one thread, so results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public IEnumerable<int> Seeds => Enumerable.Range(FirstSeed, SeedCount);

    public const string Usage = """
        Usage: InitExperiment [options]

          --depths 2,5,10,20        hidden layers (1..200)
          --width 64                units per hidden layer
          --epochs 30               training epochs per network
          --seeds 3                 seeds per configuration
          --seed 1                  first seed
          --activations relu,tanh   hidden activations
          --inits zero,constant,normal,uniform,small-normal,xavier,he,lecun
          --train-size N            use at most N of the 1198 training images
          --batch-size 32           minibatch size
          --learning-rate 0.01      SGD learning rate
          --momentum 0.9            SGD momentum
          --target 0.9              test accuracy for "epochs to target"
          --out artifacts/init-experiment   folder for report.md, results.csv and the PNG plots
          --data PATH               digits.csv.gz (default: the copy beside the program)
          --threads N               networks trained at once (default: processor count)
          --help                    this text
        """;

    /// <summary>Reads <c>--name value</c> pairs over the defaults.</summary>
    /// <exception cref="FormatException">An option is unknown, lacks its value, or its value is out of range.</exception>
    public static ExperimentOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ExperimentOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new FormatException($"{name} needs a value.");
            string value = args[++i];
            options = name switch
            {
                "--depths" => options with { Depths = List(value, name, v => Integer(v, name, 1, 200)) },
                "--width" => options with { Width = Integer(value, name, 1, 4096) },
                "--epochs" => options with { Epochs = Integer(value, name, 1, 100_000) },
                "--seeds" => options with { SeedCount = Integer(value, name, 1, 1000) },
                "--seed" => options with { FirstSeed = Integer(value, name, 0, 1_000_000) },
                "--activations" => options with { Activations = List(value, name, v => ActivationNamed(v, name)) },
                "--inits" => options with { Schemes = List(value, name, v => SchemeNamed(v, name)) },
                "--train-size" => options with { TrainSize = Integer(value, name, 1, int.MaxValue) },
                "--batch-size" => options with { BatchSize = Integer(value, name, 1, 65_536) },
                "--learning-rate" => options with { LearningRate = (float)Real(value, name, 0, 100) },
                "--momentum" => options with { Momentum = (float)Real(value, name, 0, 0.9999) },
                "--target" => options with { TargetAccuracy = Real(value, name, 0, 1) },
                "--out" => options with { OutputFolder = value },
                "--data" => options with { DataPath = value },
                "--threads" => options with { Threads = Integer(value, name, 1, 1024) },
                _ => throw new FormatException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int Integer(string value, string option, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new FormatException($"{option}: '{value}' is not a whole number from {min} to {max}.");
        return n;
    }

    private static double Real(string value, string option, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !(x >= min && x <= max))
            throw new FormatException($"{option}: '{value}' is not a number from {min} to {max}.");
        return x;
    }

    private static T[] List<T>(string value, string option, Func<string, T> item)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item).Distinct().ToArray();
        if (items.Length == 0)
            throw new FormatException($"{option}: give at least one value.");
        return items;
    }

    private static Activation ActivationNamed(string name, string option) => name.ToLowerInvariant() switch
    {
        "relu" => Activation.ReLU,
        "tanh" => Activation.Tanh,
        _ => throw new FormatException($"{option}: '{name}' is not relu or tanh."),
    };

    private static InitScheme SchemeNamed(string name, string option)
        => InitSchemeNames.TryParse(name, out var scheme)
            ? scheme
            : throw new FormatException($"{option}: '{name}' is not one of {string.Join(", ", Enum.GetValues<InitScheme>().Select(s => s.OptionName()))}.");
}

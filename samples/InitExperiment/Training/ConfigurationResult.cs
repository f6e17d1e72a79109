using System;
using System.Linq;

namespace InitExperiment.Training;

/// <summary>One configuration's runs over all seeds, and their summaries.</summary>
internal sealed class ConfigurationResult
{
    public ConfigurationResult(Configuration configuration, RunResult[] runs)
    {
        Configuration = configuration;
        Runs = runs;
    }

    public Configuration Configuration { get; }

    public RunResult[] Runs { get; }

    public double MeanAccuracy => Runs.Average(r => r.FinalAccuracy);

    /// <summary>The sample standard deviation of the final accuracy over seeds (0 with one seed).</summary>
    public double AccuracySpread
    {
        get
        {
            if (Runs.Length < 2)
                return 0;
            double mean = MeanAccuracy;
            return Math.Sqrt(Runs.Sum(r => (r.FinalAccuracy - mean) * (r.FinalAccuracy - mean)) / (Runs.Length - 1));
        }
    }

    public double MeanBestAccuracy => Runs.Average(r => r.BestAccuracy);

    public int ReachedTarget => Runs.Count(r => r.EpochsToTarget is not null);

    /// <summary>The median epochs to the target accuracy over the seeds that reached it, or null if none did.</summary>
    public double? MedianEpochsToTarget
    {
        get
        {
            var epochs = Runs.Where(r => r.EpochsToTarget is not null).Select(r => (double)r.EpochsToTarget!.Value).Order().ToArray();
            if (epochs.Length == 0)
                return null;
            int middle = epochs.Length / 2;
            return epochs.Length % 2 == 1 ? epochs[middle] : (epochs[middle - 1] + epochs[middle]) / 2;
        }
    }

    public int Diverged => Runs.Count(r => r.DivergedAtEpoch is not null);

    /// <summary>Over the runs that did not diverge (null if all did), the fewest distinct units in a hidden layer.</summary>
    public int? FewestDistinctUnits => Runs.Min(r => r.FewestDistinctUnits);

    public int? MostDistinctUnits => Runs.Max(r => r.FewestDistinctUnits);

    public double[] MeanAccuracyCurve => Mean(r => r.TestAccuracy);

    /// <summary>Per hidden layer, the activation std at initialization averaged over seeds.</summary>
    public double[] ActivationStd => Mean(r => r.AtInit.ActivationStd);

    /// <summary>Per hidden layer, the std of dL/dz at initialization averaged over seeds.</summary>
    public double[] GradientStd => Mean(r => r.AtInit.GradientStd);

    private double[] Mean(Func<RunResult, double[]> series)
    {
        int length = series(Runs[0]).Length;
        var mean = new double[length];
        for (int i = 0; i < length; i++)
            mean[i] = Runs.Average(r => series(r)[i]);
        return mean;
    }
}

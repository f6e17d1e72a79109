using System;
using System.Globalization;
using InitExperiment.Training;

namespace InitExperiment.Reporting;

/// <summary>How the reports write numbers, the same in the terminal, the markdown and the CSV.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Accuracy(double accuracy) => accuracy.ToString("0.000", Invariant);

    public static string AccuracyWithSpread(ConfigurationResult result)
        => result.Runs.Length > 1
            ? $"{Accuracy(result.MeanAccuracy)} ± {Accuracy(result.AccuracySpread)}"
            : Accuracy(result.MeanAccuracy);

    /// <summary>A standard deviation that may be 0, tiny, huge or not finite: 3 significant digits.</summary>
    public static string Std(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return "∞";
        if (value == 0)
            return "0";
        return Math.Abs(value) is >= 1e-3 and < 1e3 ? value.ToString("G3", Invariant) : value.ToString("0.00e+0", Invariant);
    }

    public static string EpochsToTarget(ConfigurationResult result)
    {
        string reached = $"{result.ReachedTarget}/{result.Runs.Length}";
        return result.MedianEpochsToTarget is { } epochs ? $"{epochs.ToString("0.#", Invariant)} ({reached})" : $"never ({reached})";
    }

    public static string DistinctUnits(ConfigurationResult result) => (result.FewestDistinctUnits, result.MostDistinctUnits) switch
    {
        (null, _) or (_, null) => "—",
        var (fewest, most) when fewest == most => fewest.Value.ToString(Invariant),
        var (fewest, most) => $"{fewest}–{most}",
    };

    public static string Diverged(ConfigurationResult result) => result.Diverged == 0 ? "" : $"{result.Diverged}/{result.Runs.Length}";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", Invariant) + "%";
}

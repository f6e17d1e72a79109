using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using InitAnalyzers.Runtime;
using InitExperiment.Network;
using InitExperiment.Training;

namespace InitExperiment.Reporting;

/// <summary>The experiment's results as a markdown page: settings, tables, plots and the comparisons the papers make.</summary>
internal static class MarkdownReport
{
    public static string Write(ExperimentResults results, IReadOnlyList<string> plotFiles, TrainingTime? time)
    {
        var options = results.Options;
        var md = new StringBuilder();
        md.AppendLine("# Does initialization matter? MLPs on handwritten digits").AppendLine();
        WriteSettings(md, results, time);
        md.AppendLine($"## Test accuracy after {options.Epochs} epochs").AppendLine();
        md.AppendLine($"Mean over {options.SeedCount} seed(s); columns are activation and number of hidden layers.").AppendLine();
        md.Append(AccuracyTable(results));
        md.AppendLine();
        md.AppendLine($"## Epochs to {Numbers.Percent(options.TargetAccuracy)} test accuracy").AppendLine();
        md.AppendLine("Median over the seeds that got there; (k/n) when only k of n seeds did; — when none did.").AppendLine();
        md.Append(EpochsToTargetTable(results));
        md.AppendLine();
        WriteComparisons(md, results);
        WritePlots(md, plotFiles);
        WriteEveryConfiguration(md, results);
        WriteLayerTables(md, results);
        return md.ToString();
    }

    private static void WriteSettings(StringBuilder md, ExperimentResults results, TrainingTime? time)
    {
        var o = results.Options;
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("Data: the 8x8 handwritten digits (UCI, Alpaydin & Kaynak 1998; 1797 images, 10 classes), pixels standardized; "
            + $"{results.TrainCount} training and {results.TestCount} test images, the same split for every run.").AppendLine();
        md.AppendLine($"Networks: 64 inputs, {string.Join(", ", o.Depths.Order())} hidden layers of {o.Width} units "
            + $"({string.Join(" or ", o.Activations.Select(a => a == Activation.ReLU ? "ReLU" : "tanh"))}), a linear layer to 10 class scores, softmax cross-entropy. "
            + "Every layer, the output layer included, is initialized with the scheme; biases start at zero.").AppendLine();
        md.AppendLine($"Training: minibatch SGD, batch {o.BatchSize}, learning rate {o.LearningRate.ToString(inv)}, momentum {o.Momentum.ToString(inv)}, "
            + $"{o.Epochs} epochs, the same for every initialization; seeds {o.FirstSeed}..{o.FirstSeed + o.SeedCount - 1} "
            + "(a seed fixes the weights and the minibatch order). \"Epochs to target\" is the first epoch after which the test accuracy "
            + $"reached {Numbers.Percent(o.TargetAccuracy)}; a run \"diverged\" when its loss stopped being finite.").AppendLine();
        md.AppendLine("Initializations:").AppendLine();
        foreach (var scheme in o.Schemes)
            md.AppendLine($"- **{scheme.Label()}**: {scheme.Description()}");
        md.AppendLine();
        if (o.Schemes.Contains(InitScheme.Xavier) && o.Schemes.Contains(InitScheme.LeCun))
        {
            string square = o.Width == Data.DigitsDataset.Pixels ? "every hidden layer (the images have 64 pixels)" : "every hidden layer after the first";
            md.AppendLine($"Xavier and LeCun have the same std wherever fan_in = fan_out, here {square}, and with the same seed they draw the same values; "
                + "they differ in the output layer" + (o.Width == Data.DigitsDataset.Pixels ? "" : " and the first") + ".").AppendLine();
        }
        if (time is not null)
        {
            md.AppendLine($"Time: {time.Wall.TotalSeconds.ToString("0", inv)} s on the clock and {time.Processor.TotalSeconds.ToString("0", inv)} s of processor time, "
                + $"{o.Threads} networks training at once on {Environment.ProcessorCount} cores.").AppendLine();
        }
    }

    /// <summary>Rows: initialization; columns: activation and depth; cells: mean final test accuracy.</summary>
    public static string AccuracyTable(ExperimentResults results) => SummaryTable(results, c => Numbers.Accuracy(c.MeanAccuracy));

    /// <summary>Rows: initialization; columns: activation and depth; cells: median epochs to the target accuracy.</summary>
    public static string EpochsToTargetTable(ExperimentResults results) => SummaryTable(results, c => c.MedianEpochsToTarget switch
    {
        null => "—",
        { } epochs when c.ReachedTarget == c.Runs.Length => epochs.ToString("0.#", CultureInfo.InvariantCulture),
        { } epochs => $"{epochs.ToString("0.#", CultureInfo.InvariantCulture)} ({c.ReachedTarget}/{c.Runs.Length})",
    });

    private static string SummaryTable(ExperimentResults results, Func<ConfigurationResult, string> cell)
    {
        var o = results.Options;
        var columns = (from activation in o.Activations from depth in o.Depths.Order() select (activation, depth)).ToArray();
        var md = new StringBuilder();
        md.Append("| init |");
        foreach (var (activation, depth) in columns)
            md.Append($" {(activation == Activation.ReLU ? "ReLU" : "tanh")} {depth} |");
        md.AppendLine();
        md.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", columns.Length))).AppendLine();
        foreach (var scheme in o.Schemes)
        {
            md.Append($"| {scheme.Label()} |");
            foreach (var (activation, depth) in columns)
            {
                var result = results.Find(new Configuration(activation, depth, scheme));
                md.Append($" {(result is null ? "" : cell(result))} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void WriteComparisons(StringBuilder md, ExperimentResults results)
    {
        var o = results.Options;
        md.AppendLine("## The comparisons the papers make").AppendLine();
        md.AppendLine("Numbers from this run, stated without selection: mean final test accuracy ± sd over seeds, and median epochs to target (seeds that reached it).").AppendLine();

        var symmetric = results.Configurations.Where(c => c.Configuration.Scheme is InitScheme.Zero or InitScheme.Constant).ToArray();
        if (symmetric.Length > 0)
        {
            md.AppendLine($"**Symmetry: zero and constant weights.** After training, the fewest distinct units in a hidden layer (of {o.Width}) were:");
            foreach (var c in symmetric)
                md.AppendLine($"- {Name(c.Configuration)}: {Numbers.DistinctUnits(c)} distinct, test accuracy {Numbers.AccuracyWithSpread(c)}");
            var randomSchemes = results.Configurations.Where(c => c.Configuration.Scheme is not (InitScheme.Zero or InitScheme.Constant)).ToArray();
            if (randomSchemes.Length > 0)
                md.AppendLine($"- for comparison, the random initializations (runs that did not diverge): {Numbers.DistinctUnits(Merge(randomSchemes))} distinct");
            md.AppendLine();
        }

        Compare(md, results, Activation.ReLU, [InitScheme.He, InitScheme.Xavier, InitScheme.LeCun],
            "**He vs Xavier in ReLU networks (He et al. 2015).**");
        Compare(md, results, Activation.Tanh, [InitScheme.Xavier, InitScheme.LeCun, InitScheme.He, InitScheme.StandardNormal, InitScheme.UnitUniform, InitScheme.SmallNormal],
            "**Xavier vs unscaled weights in tanh networks (Glorot & Bengio 2010).**");
    }

    private static void Compare(StringBuilder md, ExperimentResults results, Activation activation, InitScheme[] schemes, string heading)
    {
        var present = schemes.Where(s => results.Options.Schemes.Contains(s)).ToArray();
        if (!results.Options.Activations.Contains(activation) || present.Length < 2)
            return;
        md.AppendLine(heading);
        foreach (int depth in results.Options.Depths.Order())
        {
            var cells = present
                .Select(s => results.Find(new Configuration(activation, depth, s))!)
                .Select(c => $"{c.Configuration.Scheme.Label()} {Numbers.AccuracyWithSpread(c)} (to target: {Numbers.EpochsToTarget(c)}; "
                    + $"last-layer activation std {Numbers.Std(c.ActivationStd[^1])}, first-layer gradient std {Numbers.Std(c.GradientStd[0])})");
            md.AppendLine($"- {depth} hidden layers: {string.Join("; ", cells)}");
        }

        md.AppendLine();
    }

    private static ConfigurationResult Merge(ConfigurationResult[] results)
        => new(results[0].Configuration, results.SelectMany(r => r.Runs).ToArray());

    private static void WritePlots(StringBuilder md, IReadOnlyList<string> plotFiles)
    {
        if (plotFiles.Count == 0)
            return;
        md.AppendLine("## Plots").AppendLine();
        foreach (var file in plotFiles)
            md.AppendLine($"![{file}]({file})").AppendLine();
    }

    private static void WriteEveryConfiguration(StringBuilder md, ExperimentResults results)
    {
        md.AppendLine("## Every configuration").AppendLine();
        md.AppendLine("Signal columns: standard deviation at initialization of the first and last hidden layers' activations, and of the "
            + "back-propagated gradient dL/dz at their pre-activations (per-sample loss), over units and 512 training images, mean over seeds. "
            + "Best test accuracy: the highest after any epoch, mean over seeds (optimistic: the epoch is picked on the test set). "
            + "Distinct units: after training, the fewest distinct units in any hidden layer (— where every seed diverged).").AppendLine();
        md.AppendLine($"| activation | hidden layers | init | test accuracy | best test accuracy | epochs to {Numbers.Percent(results.Options.TargetAccuracy)} | activation std first → last | gradient std first → last | distinct units | diverged |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---|---|---:|---:|");
        foreach (var c in results.Configurations)
        {
            md.AppendLine($"| {c.Configuration.ActivationName} | {c.Configuration.Depth} | {c.Configuration.Scheme.Label()} | {Numbers.AccuracyWithSpread(c)} | {Numbers.Accuracy(c.MeanBestAccuracy)} | "
                + $"{Numbers.EpochsToTarget(c)} | {Numbers.Std(c.ActivationStd[0])} → {Numbers.Std(c.ActivationStd[^1])} | "
                + $"{Numbers.Std(c.GradientStd[0])} → {Numbers.Std(c.GradientStd[^1])} | {Numbers.DistinctUnits(c)} | {Numbers.Diverged(c)} |");
        }

        md.AppendLine();
    }

    private static void WriteLayerTables(StringBuilder md, ExperimentResults results)
    {
        var o = results.Options;
        int depth = o.Depths.Max();
        md.AppendLine($"## Layer by layer at initialization, {depth} hidden layers").AppendLine();
        md.AppendLine("Mean over seeds. Each layer multiplies the variance by about fan_in · Var(w) · g (g = 1/2 for ReLU): "
            + "below 1 the signal vanishes with depth, above 1 it explodes.").AppendLine();
        if (o.Schemes.Contains(InitScheme.Constant))
        {
            md.AppendLine("With constant weights the hidden layers' gradient at initialization is zero in exact arithmetic: every output unit has "
                + "the same weights w, so each hidden unit receives w · Σ_k (p_k − y_k) = 0. The tiny values shown are float rounding.").AppendLine();
        }
        foreach (var activation in o.Activations)
        {
            LayerTable(md, results, activation, depth, "activation std", c => c.ActivationStd);
            LayerTable(md, results, activation, depth, "gradient dL/dz std", c => c.GradientStd);
        }
    }

    private static void LayerTable(StringBuilder md, ExperimentResults results, Activation activation, int depth, string quantity, Func<ConfigurationResult, double[]> series)
    {
        md.AppendLine($"{(activation == Activation.ReLU ? "ReLU" : "tanh")}, {quantity} by hidden layer:").AppendLine();
        md.Append("| init |");
        for (int layer = 1; layer <= depth; layer++)
            md.Append($" {layer} |");
        md.AppendLine();
        md.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", depth))).AppendLine();
        foreach (var scheme in results.Options.Schemes)
        {
            var c = results.Find(new Configuration(activation, depth, scheme))!;
            md.Append($"| {scheme.Label()} |");
            foreach (var value in series(c))
                md.Append($" {Numbers.Std(value)} |");
            md.AppendLine();
        }

        md.AppendLine();
    }

    private static string Name(Configuration c) => $"{c.Scheme.Label()}, {c.ActivationName}, {c.Depth} hidden layers";
}

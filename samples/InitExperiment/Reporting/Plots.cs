using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using InitAnalyzers.Runtime;
using InitExperiment.Network;
using InitExperiment.Training;
using ScottPlot;

namespace InitExperiment.Reporting;

/// <summary>The PNG plots: one panel per activation, one line per initialization.</summary>
internal static class Plots
{
    private const int PanelWidth = 640;
    private const int LegendWidth = 160;
    private const int Height = 520;

    /// <summary>Writes the plots into <paramref name="folder"/> and returns their file names.</summary>
    public static IReadOnlyList<string> Write(ExperimentResults results, string folder)
    {
        int deepest = results.Options.Depths.Max();
        var files = new List<string>
        {
            Save(folder, "accuracy-curves.png", results, a => AccuracyCurves(results, a, deepest)),
            Save(folder, "activation-std.png", results, a => SignalByLayer(results, a, deepest, "activation std at init", c => c.ActivationStd)),
            Save(folder, "gradient-std.png", results, a => SignalByLayer(results, a, deepest, "gradient dL/dz std at init", c => c.GradientStd)),
        };
        if (results.Options.Depths.Count > 1)
            files.Add(Save(folder, "accuracy-by-depth.png", results, a => AccuracyByDepth(results, a)));
        return files;
    }

    private static string Save(string folder, string file, ExperimentResults results, Func<Activation, Plot> panel)
    {
        var panels = results.Options.Activations.Select(panel).ToArray();
        // One legend, outside the data, beside the last panel: the colours are the same in every panel.
        foreach (var plot in panels[..^1])
            plot.HideLegend();
        panels[^1].ShowLegend(Edge.Right);
        var multiplot = new Multiplot(panels[0]) { Layout = new ScottPlot.MultiplotLayouts.Columns() };
        foreach (var plot in panels.Skip(1))
            multiplot.AddPlot(plot);
        multiplot.SavePng(Path.Combine(folder, file), PanelWidth * panels.Length + LegendWidth, Height);
        return file;
    }

    private static Plot AccuracyCurves(ExperimentResults results, Activation activation, int depth)
    {
        var plot = NewPanel($"{Name(activation)}, {depth} hidden layers: test accuracy", "epoch", "test accuracy (mean over seeds)");
        foreach (var scheme in results.Options.Schemes)
        {
            var curve = results.Find(new Configuration(activation, depth, scheme))!.MeanAccuracyCurve;
            var epochs = Enumerable.Range(0, curve.Length).Select(e => (double)e).ToArray();
            Style(plot.Add.Scatter(epochs, curve), scheme, scheme.Label());
        }

        plot.Axes.SetLimitsY(0, 1);
        return plot;
    }

    private static Plot AccuracyByDepth(ExperimentResults results, Activation activation)
    {
        var depths = results.Options.Depths.Order().ToArray();
        var plot = NewPanel($"{Name(activation)}: test accuracy after {results.Options.Epochs} epochs", "hidden layers", "test accuracy (mean over seeds)");
        foreach (var scheme in results.Options.Schemes)
        {
            var accuracy = depths.Select(d => results.Find(new Configuration(activation, d, scheme))!.MeanAccuracy).ToArray();
            Style(plot.Add.Scatter(depths.Select(d => (double)d).ToArray(), accuracy), scheme, scheme.Label());
        }

        plot.Axes.SetLimitsY(0, 1);
        return plot;
    }

    // Standard deviations span many decades, so they are drawn as log10 with power-of-ten tick labels.
    private static Plot SignalByLayer(ExperimentResults results, Activation activation, int depth, string quantity, Func<ConfigurationResult, double[]> series)
    {
        var plot = NewPanel($"{Name(activation)}, {depth} hidden layers: {quantity}", "hidden layer", $"{quantity} (log scale)");
        foreach (var scheme in results.Options.Schemes)
        {
            var std = series(results.Find(new Configuration(activation, depth, scheme))!);
            var shown = Enumerable.Range(0, std.Length).Where(l => std[l] > 0 && double.IsFinite(std[l])).ToArray();
            string label = shown.Length == std.Length ? scheme.Label() : $"{scheme.Label()} (not drawn where 0 or ∞)";
            var scatter = plot.Add.Scatter(shown.Select(l => (double)(l + 1)).ToArray(), shown.Select(l => Math.Log10(std[l])).ToArray());
            Style(scatter, scheme, label);
        }

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => $"1e{y:0}",
        };
        plot.Axes.Left.TickGenerator = ticks;
        return plot;
    }

    private static Plot NewPanel(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title, size: 14);
        plot.XLabel(x, size: 13);
        plot.YLabel(y, size: 13);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }

    // The scaled schemes solid, the baselines dashed, each with its own colour in every plot. LeCun is dotted because
    // it coincides with Xavier wherever fan_in = fan_out, which is every hidden layer after the first.
    private static void Style(ScottPlot.Plottables.Scatter scatter, InitScheme scheme, string label)
    {
        scatter.LegendText = label;
        scatter.Color = new ScottPlot.Palettes.Category10().GetColor((int)scheme);
        scatter.LineWidth = 2;
        scatter.MarkerSize = 4;
        scatter.LinePattern = scheme switch
        {
            InitScheme.Xavier or InitScheme.He => LinePattern.Solid,
            InitScheme.LeCun => LinePattern.Dotted,
            _ => LinePattern.Dashed,
        };
    }

    private static string Name(Activation activation) => activation == Activation.ReLU ? "ReLU" : "tanh";
}

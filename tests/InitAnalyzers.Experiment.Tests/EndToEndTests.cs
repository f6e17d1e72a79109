using System.IO;
using System.Linq;
using InitExperiment.Network;
using InitExperiment.Reporting;
using Xunit;

namespace InitAnalyzers.Experiment.Tests;

public sealed class EndToEndTests : IClassFixture<TinyExperiment>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TinyExperiment experiment;

    public EndToEndTests(TinyExperiment experiment) => this.experiment = experiment;

    [Fact]
    public void The_report_has_a_row_for_every_initialization_and_links_the_plots()
    {
        string report = File.ReadAllText(Path.Combine(experiment.OutputFolder, ReportFiles.Markdown));

        Assert.Contains("| init | ReLU 6 |", report);
        foreach (var scheme in experiment.Options.Schemes)
            Assert.Contains($"| {scheme.Label()} |", report);
        Assert.Contains("](accuracy-curves.png)", report);
        Assert.Contains("](activation-std.png)", report);
    }

    [Fact]
    public void Every_plot_is_a_png_image()
    {
        var plots = experiment.Written.Where(path => path.EndsWith(".png", System.StringComparison.Ordinal)).ToArray();

        Assert.Contains(plots, p => Path.GetFileName(p) == "accuracy-curves.png");
        Assert.Contains(plots, p => Path.GetFileName(p) == "activation-std.png");
        Assert.Contains(plots, p => Path.GetFileName(p) == "gradient-std.png");
        foreach (var plot in plots)
        {
            var bytes = File.ReadAllBytes(plot);
            Assert.True(bytes.Length > 1000, $"{plot} has only {bytes.Length} bytes.");
            Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
        }
    }

    [Fact]
    public void The_csv_has_one_row_per_run()
    {
        var lines = File.ReadAllLines(Path.Combine(experiment.OutputFolder, ReportFiles.Csv));

        Assert.Equal(1 + experiment.Options.Schemes.Count * experiment.Options.SeedCount, lines.Length);
    }

    [Fact]
    public void He_trains_a_deep_ReLU_net_that_zero_weights_leave_at_chance()
    {
        double he = experiment.Result(InitScheme.He).MeanAccuracy;
        double zero = experiment.Result(InitScheme.Zero).MeanAccuracy;

        Assert.True(he > 0.5, $"He reached only {he:0.000}.");
        Assert.True(zero < 0.2, $"Zero weights reached {zero:0.000}.");
    }

    [Fact]
    public void Zero_and_constant_weights_leave_every_hidden_layer_one_unit_copied()
    {
        Assert.Equal(1, experiment.Result(InitScheme.Zero).FewestDistinctUnits);
        Assert.Equal(1, experiment.Result(InitScheme.Constant).FewestDistinctUnits);
        Assert.Equal(experiment.Options.Width, experiment.Result(InitScheme.He).FewestDistinctUnits);
    }

    [Fact]
    public void He_keeps_the_ReLU_signal_while_zero_weights_have_none()
    {
        var he = experiment.Result(InitScheme.He).ActivationStd;
        var zero = experiment.Result(InitScheme.Zero).ActivationStd;

        // He et al. 2015: Var(w) = 2 / fan_in keeps the activations' scale from layer to layer.
        Assert.InRange(he[^1] / he[0], 0.25, 4);
        Assert.All(zero, std => Assert.Equal(0, std));
    }
}

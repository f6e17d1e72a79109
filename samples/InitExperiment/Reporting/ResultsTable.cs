using InitExperiment.Network;
using InitExperiment.Training;
using Spectre.Console;

namespace InitExperiment.Reporting;

/// <summary>The terminal's table: one row per configuration, grouped by activation and depth.</summary>
internal static class ResultsTable
{
    public static Table Build(ExperimentResults results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Test accuracy after {results.Options.Epochs} epochs, and the signal at initialization");
        table.AddColumn("act.");
        table.AddColumn(new TableColumn("layers").RightAligned());
        table.AddColumn("init");
        table.AddColumn(new TableColumn("test acc.").RightAligned());
        table.AddColumn(new TableColumn("best").RightAligned());
        table.AddColumn(new TableColumn($"epochs to {Numbers.Percent(results.Options.TargetAccuracy)}").RightAligned());
        table.AddColumn(new TableColumn("act. std first → last").RightAligned());
        table.AddColumn(new TableColumn("grad std first → last").RightAligned());
        table.AddColumn(new TableColumn("distinct units").RightAligned());
        table.AddColumn(new TableColumn("diverged").RightAligned());

        Configuration? previous = null;
        foreach (var c in results.Configurations)
        {
            var configuration = c.Configuration;
            if (previous is not null && (previous.Activation != configuration.Activation || previous.Depth != configuration.Depth))
                table.AddEmptyRow();
            previous = configuration;

            string accuracy = Numbers.AccuracyWithSpread(c);
            bool scaled = configuration.Scheme is InitScheme.Xavier or InitScheme.He or InitScheme.LeCun;
            table.AddRow(
                configuration.ActivationName,
                configuration.Depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                scaled ? $"[bold]{Markup.Escape(configuration.Scheme.Label())}[/]" : Markup.Escape(configuration.Scheme.Label()),
                c.MeanAccuracy >= results.Options.TargetAccuracy ? $"[green]{accuracy}[/]" : accuracy,
                Numbers.Accuracy(c.MeanBestAccuracy),
                Numbers.EpochsToTarget(c),
                Markup.Escape($"{Numbers.Std(c.ActivationStd[0])} → {Numbers.Std(c.ActivationStd[^1])}"),
                Markup.Escape($"{Numbers.Std(c.GradientStd[0])} → {Numbers.Std(c.GradientStd[^1])}"),
                Numbers.DistinctUnits(c),
                Numbers.Diverged(c));
        }

        return table;
    }
}

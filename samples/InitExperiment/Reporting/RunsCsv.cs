using System.Globalization;
using System.Linq;
using System.Text;
using InitExperiment.Network;
using InitExperiment.Training;

namespace InitExperiment.Reporting;

/// <summary>Every run, one row each, for analysis elsewhere. Per-layer and per-epoch series are joined with ';'.</summary>
internal static class RunsCsv
{
    public static string Write(ExperimentResults results)
    {
        var csv = new StringBuilder();
        csv.AppendLine("activation,hidden_layers,init,seed,final_test_accuracy,epochs_to_target,diverged_at_epoch,fewest_distinct_units,activation_std_by_layer,gradient_std_by_layer,test_accuracy_by_epoch,train_loss_by_epoch");
        foreach (var run in results.Configurations.SelectMany(c => c.Runs))
        {
            var c = run.Configuration;
            csv.AppendLine(string.Join(",",
                c.ActivationName,
                Format(c.Depth),
                c.Scheme.OptionName(),
                Format(run.Seed),
                Format(run.FinalAccuracy),
                run.EpochsToTarget is { } e ? Format(e) : "",
                run.DivergedAtEpoch is { } d ? Format(d) : "",
                run.FewestDistinctUnits is { } u ? Format(u) : "",
                Series(run.AtInit.ActivationStd),
                Series(run.AtInit.GradientStd),
                Series(run.TestAccuracy),
                Series(run.TrainLoss.Skip(1))));
        }

        return csv.ToString();
    }

    private static string Series(System.Collections.Generic.IEnumerable<double> values) => string.Join(";", values.Select(Format));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}

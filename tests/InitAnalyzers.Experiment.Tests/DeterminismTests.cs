using InitExperiment.Data;
using Xunit;

namespace InitAnalyzers.Experiment.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_options_give_the_same_results_however_many_threads_train()
    {
        var options = TinyExperiment.Tiny(outputFolder: "unused") with { Depths = [2, 4], SeedCount = 2, Epochs = 2 };
        var data = DigitsDataset.Load(options.DataPath, options.TrainSize);

        var oneThread = InitExperiment.Training.Experiment.Run(options with { Threads = 1 }, data);
        var twoThreads = InitExperiment.Training.Experiment.Run(options with { Threads = 2 }, data);

        Assert.Equal(oneThread.Configurations.Count, twoThreads.Configurations.Count);
        for (int c = 0; c < oneThread.Configurations.Count; c++)
        {
            for (int r = 0; r < oneThread.Configurations[c].Runs.Length; r++)
            {
                var first = oneThread.Configurations[c].Runs[r];
                var second = twoThreads.Configurations[c].Runs[r];
                Assert.Equal(first.TestAccuracy, second.TestAccuracy);
                Assert.Equal(first.TrainLoss, second.TrainLoss);
                Assert.Equal(first.AtInit.ActivationStd, second.AtInit.ActivationStd);
                Assert.Equal(first.AtInit.GradientStd, second.AtInit.GradientStd);
            }
        }
    }
}

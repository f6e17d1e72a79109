using System.Linq;

namespace InitExperiment.Training;

/// <summary>What training one configuration with one seed gave.</summary>
/// <param name="TestAccuracy">Test accuracy after each epoch; element 0 is at initialization.</param>
/// <param name="TrainLoss">Mean training loss of each epoch; element 0 is unused (NaN).</param>
/// <param name="EpochsToTarget">The first epoch after which the test accuracy reached the target, or null.</param>
/// <param name="AtInit">The per-layer signal of the freshly initialized network.</param>
/// <param name="FewestDistinctUnits">After training, the fewest distinct units in any hidden layer (1: the layer is one unit copied); null when the run diverged.</param>
/// <param name="DivergedAtEpoch">The epoch whose loss stopped being finite, or null; training stops there.</param>
internal sealed record RunResult(
    Configuration Configuration,
    int Seed,
    double[] TestAccuracy,
    double[] TrainLoss,
    int? EpochsToTarget,
    SignalProfile AtInit,
    int? FewestDistinctUnits,
    int? DivergedAtEpoch)
{
    public double FinalAccuracy => TestAccuracy[^1];

    /// <summary>The best test accuracy after any epoch: optimistic, since the epoch is chosen on the test set.</summary>
    public double BestAccuracy => TestAccuracy.Skip(1).Max();
}

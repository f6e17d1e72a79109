using System;
using System.IO;
using InitAnalyzers.Runtime;
using InitExperiment;
using InitExperiment.Data;
using InitExperiment.Network;
using InitExperiment.Reporting;
using InitExperiment.Training;

namespace InitAnalyzers.Experiment.Tests;

/// <summary>
/// The experiment at a size that trains in a second: 300 training images, 6 hidden ReLU layers of 32 units,
/// 10 epochs, one seed. Run once and shared by the tests that read its results.
/// </summary>
public sealed class TinyExperiment : IDisposable
{
    public TinyExperiment()
    {
        OutputFolder = Path.Combine(Path.GetTempPath(), "init-experiment-tests-" + Guid.NewGuid().ToString("N"));
        Options = Tiny(OutputFolder);
        Results = InitExperiment.Training.Experiment.Run(Options, DigitsDataset.Load(Options.DataPath, Options.TrainSize));
        Written = ReportFiles.Write(Results);
    }

    internal static ExperimentOptions Tiny(string outputFolder) => new()
    {
        Depths = [6],
        Width = 32,
        Epochs = 10,
        SeedCount = 1,
        TrainSize = 300,
        Activations = [Activation.ReLU],
        Schemes = [InitScheme.Zero, InitScheme.Constant, InitScheme.He],
        OutputFolder = outputFolder,
    };

    internal ExperimentOptions Options { get; }

    internal ExperimentResults Results { get; }

    internal System.Collections.Generic.IReadOnlyList<string> Written { get; }

    public string OutputFolder { get; }

    internal ConfigurationResult Result(InitScheme scheme) => Results.Find(new Configuration(Activation.ReLU, 6, scheme))!;

    public void Dispose()
    {
        if (Directory.Exists(OutputFolder))
            Directory.Delete(OutputFolder, recursive: true);
    }
}

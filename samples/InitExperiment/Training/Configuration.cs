using InitAnalyzers.Runtime;
using InitExperiment.Network;

namespace InitExperiment.Training;

/// <summary>One network to train: its hidden activation, number of hidden layers and initialization.</summary>
internal sealed record Configuration(Activation Activation, int Depth, InitScheme Scheme)
{
    public string ActivationName => Activation == Activation.ReLU ? "ReLU" : "tanh";
}

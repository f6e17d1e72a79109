using System;
using InitExperiment.Data;
using InitExperiment.Network;

namespace InitExperiment.Training;

/// <summary>Plain minibatch SGD with momentum on softmax cross-entropy, the same for every initialization.</summary>
internal static class Trainer
{
    // Activations and gradients at initialization are measured on this many training images.
    private const int ProbeSamples = 512;

    /// <param name="epochDone">Called after each epoch with the number of epochs just completed (more than one when training stops early).</param>
    public static RunResult Train(Configuration configuration, int seed, DigitsDataset data, ExperimentOptions options, Action<int>? epochDone = null)
    {
        var network = new Mlp(DigitsDataset.Pixels, options.Width, configuration.Depth, DigitsDataset.Classes, configuration.Activation, options.BatchSize);
        network.Initialize(configuration.Scheme, seed);
        var atInit = SignalProfile.Measure(network, data.Train, ProbeSamples);

        var accuracy = new double[options.Epochs + 1];
        var loss = new double[options.Epochs + 1];
        loss[0] = double.NaN;
        accuracy[0] = Accuracy(network, data.Test);
        int? epochsToTarget = null;
        int? divergedAt = null;

        // Same minibatch order for every initialization with this seed; a stream apart from the layers' (seed * 1000 + layer).
        var shuffler = new Random(unchecked(seed * 1000 + 999));
        var train = data.Train;
        var order = new int[train.Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var batchImages = new float[options.BatchSize * DigitsDataset.Pixels];
        var batchLabels = new int[options.BatchSize];

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            DigitsDataset.Shuffle(order, shuffler);
            double epochLoss = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int batch = Math.Min(options.BatchSize, order.Length - start);
                for (int b = 0; b < batch; b++)
                {
                    train.Image(order[start + b]).CopyTo(batchImages.AsSpan(b * DigitsDataset.Pixels));
                    batchLabels[b] = train.Labels[order[start + b]];
                }

                var inputs = batchImages.AsSpan(0, batch * DigitsDataset.Pixels);
                network.Forward(inputs, batch);
                epochLoss += network.SoftmaxCrossEntropy(batchLabels.AsSpan(0, batch), batch, gradientScale: 1f / batch);
                network.Backward(inputs, batch);
                network.Step(options.LearningRate, options.Momentum);
            }

            loss[epoch] = epochLoss / order.Length;
            accuracy[epoch] = Accuracy(network, data.Test);
            if (epochsToTarget is null && accuracy[epoch] >= options.TargetAccuracy)
                epochsToTarget = epoch;

            if (!double.IsFinite(loss[epoch]))
            {
                // Non-finite weights stay non-finite: the remaining epochs would change nothing.
                divergedAt = epoch;
                for (int rest = epoch + 1; rest <= options.Epochs; rest++)
                {
                    accuracy[rest] = accuracy[epoch];
                    loss[rest] = loss[epoch];
                }

                epochDone?.Invoke(options.Epochs - epoch + 1);
                break;
            }

            epochDone?.Invoke(1);
        }

        return new RunResult(configuration, seed, accuracy, loss, epochsToTarget, atInit, divergedAt is null ? network.FewestDistinctUnits() : null, divergedAt);
    }

    public static double Accuracy(Mlp network, LabelledImages set)
    {
        var predictions = new int[network.BatchCapacity];
        int correct = 0;
        for (int start = 0; start < set.Count; start += network.BatchCapacity)
        {
            int batch = Math.Min(network.BatchCapacity, set.Count - start);
            network.Forward(set.Images.AsSpan(start * DigitsDataset.Pixels, batch * DigitsDataset.Pixels), batch);
            network.Predict(predictions, batch);
            for (int b = 0; b < batch; b++)
            {
                if (predictions[b] == set.Labels[start + b])
                    correct++;
            }
        }

        return (double)correct / set.Count;
    }
}

using System;
using InitExperiment.Data;
using InitExperiment.Network;

namespace InitExperiment.Training;

/// <summary>
/// Per hidden layer, the standard deviation at initialization of the activations (forward signal) and of the
/// back-propagated gradient dL/dz at the layer's pre-activation (backward signal), over units and samples.
/// Glorot &amp; Bengio 2010 (figures 6-7) and He et al. 2015 (section 2.2) argue from exactly these two quantities.
/// </summary>
internal sealed record SignalProfile(double[] ActivationStd, double[] GradientStd)
{
    /// <summary>Measures a freshly initialized network on up to <paramref name="samples"/> training images.</summary>
    /// <remarks>The loss is per sample (not averaged over the batch), so the gradients do not depend on the batch size.</remarks>
    public static SignalProfile Measure(Mlp network, LabelledImages images, int samples)
    {
        int count = Math.Min(samples, images.Count);
        var activations = new RunningMoments[network.HiddenLayers];
        var gradients = new RunningMoments[network.HiddenLayers];
        for (int start = 0; start < count; start += network.BatchCapacity)
        {
            int batch = Math.Min(network.BatchCapacity, count - start);
            var inputs = images.Images.AsSpan(start * DigitsDataset.Pixels, batch * DigitsDataset.Pixels);
            network.Forward(inputs, batch);
            network.SoftmaxCrossEntropy(images.Labels.AsSpan(start, batch), batch, gradientScale: 1f);
            network.Backward(inputs, batch);
            for (int layer = 1; layer <= network.HiddenLayers; layer++)
            {
                activations[layer - 1].Add(network.HiddenActivations(layer, batch));
                gradients[layer - 1].Add(network.HiddenGradients(layer, batch));
            }
        }

        network.ClearGradients();
        return new SignalProfile(Array.ConvertAll(activations, m => m.StandardDeviation), Array.ConvertAll(gradients, m => m.StandardDeviation));
    }

    private struct RunningMoments
    {
        private double sum;
        private double sumOfSquares;
        private long count;

        public void Add(ReadOnlySpan<float> values)
        {
            foreach (var v in values)
            {
                sum += v;
                sumOfSquares += (double)v * v;
            }

            count += values.Length;
        }

        public readonly double StandardDeviation
        {
            get
            {
                double mean = sum / count;
                return Math.Sqrt(Math.Max(0, sumOfSquares / count - mean * mean));
            }
        }
    }
}

using System;
using InitAnalyzers.Runtime;

namespace InitExperiment.Network;

/// <summary>
/// A multilayer perceptron: <see cref="HiddenLayers"/> dense layers of one width with ReLU or tanh, then a linear
/// layer to the class scores and softmax cross-entropy. Buffers are sized for one minibatch and reused.
/// </summary>
internal sealed class Mlp
{
    private readonly DenseLayer[] layers;

    // Per layer: its outputs (the activation for hidden layers, the class scores for the last), and dL/dz.
    private readonly float[][] outputs;
    private readonly float[][] gradients;

    public Mlp(int inputs, int width, int hiddenLayers, int classes, Activation activation, int batchCapacity)
    {
        if (activation is not (Activation.ReLU or Activation.Tanh))
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "The experiment trains ReLU and tanh networks.");
        if (hiddenLayers < 1)
            throw new ArgumentOutOfRangeException(nameof(hiddenLayers), hiddenLayers, "At least one hidden layer.");

        Activation = activation;
        HiddenLayers = hiddenLayers;
        BatchCapacity = batchCapacity;
        layers = new DenseLayer[hiddenLayers + 1];
        outputs = new float[hiddenLayers + 1][];
        gradients = new float[hiddenLayers + 1][];
        for (int l = 0; l <= hiddenLayers; l++)
        {
            layers[l] = new DenseLayer(l == 0 ? inputs : width, l == hiddenLayers ? classes : width);
            outputs[l] = new float[batchCapacity * layers[l].Units];
            gradients[l] = new float[batchCapacity * layers[l].Units];
        }
    }

    public Activation Activation { get; }

    public int HiddenLayers { get; }

    public int BatchCapacity { get; }

    public int Classes => layers[HiddenLayers].Units;

    /// <summary>Draws every layer's weights (the output layer's too) with one scheme; biases stay zero.</summary>
    public void Initialize(InitScheme scheme, int seed)
    {
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            WeightFill.Fill(layer.Weights, scheme, fanIn: layer.Inputs, fanOut: layer.Units, LayerSeed(seed, l));
            Array.Clear(layer.Biases);
        }
    }

    // One stream per (seed, layer); depths are capped well below the stride.
    private static int LayerSeed(int seed, int layer) => unchecked(seed * 1000 + layer);

    /// <summary>The activations of hidden layer <paramref name="layer"/> (1-based) after the last forward pass.</summary>
    public ReadOnlySpan<float> HiddenActivations(int layer, int batchSize) => outputs[layer - 1].AsSpan(0, batchSize * layers[layer - 1].Units);

    /// <summary>dL/dz at hidden layer <paramref name="layer"/> (1-based) after the last backward pass.</summary>
    public ReadOnlySpan<float> HiddenGradients(int layer, int batchSize) => gradients[layer - 1].AsSpan(0, batchSize * layers[layer - 1].Units);

    /// <summary>Runs a batch forward and returns its class scores.</summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> inputs, int batchSize)
    {
        var x = inputs;
        for (int l = 0; l < layers.Length; l++)
        {
            var z = outputs[l].AsSpan(0, batchSize * layers[l].Units);
            layers[l].Forward(x, z, batchSize);
            if (l < HiddenLayers)
                Activate(z);
            x = z;
        }

        return x;
    }

    private void Activate(Span<float> z)
    {
        if (Activation == Activation.ReLU)
        {
            for (int i = 0; i < z.Length; i++)
                z[i] = Math.Max(z[i], 0f);
        }
        else
        {
            for (int i = 0; i < z.Length; i++)
                z[i] = MathF.Tanh(z[i]);
        }
    }

    /// <summary>
    /// Softmax cross-entropy of the last forward pass: returns the summed loss of the batch and sets dL/dz of the
    /// class scores to <paramref name="gradientScale"/> (softmax - one-hot).
    /// </summary>
    public double SoftmaxCrossEntropy(ReadOnlySpan<int> labels, int batchSize, float gradientScale)
    {
        int classes = Classes;
        var scores = outputs[HiddenLayers];
        var scoreGradients = gradients[HiddenLayers];
        double loss = 0;
        Span<double> exps = stackalloc double[classes];
        for (int b = 0; b < batchSize; b++)
        {
            var z = scores.AsSpan(b * classes, classes);
            double max = double.NegativeInfinity;
            foreach (var s in z)
                max = Math.Max(max, s);
            double sum = 0;
            for (int k = 0; k < classes; k++)
            {
                exps[k] = Math.Exp(z[k] - max);
                sum += exps[k];
            }

            // log-sum-exp keeps the loss finite for confident wrong answers; only non-finite scores make it NaN.
            loss += max + Math.Log(sum) - z[labels[b]];
            var dz = scoreGradients.AsSpan(b * classes, classes);
            for (int k = 0; k < classes; k++)
                dz[k] = (float)((exps[k] / sum - (k == labels[b] ? 1 : 0)) * gradientScale);
        }

        return loss;
    }

    /// <summary>Backpropagates dL/dz of the class scores, accumulating every layer's weight gradients.</summary>
    public void Backward(ReadOnlySpan<float> inputs, int batchSize)
    {
        for (int l = layers.Length - 1; l >= 0; l--)
        {
            var x = l == 0 ? inputs : outputs[l - 1].AsSpan(0, batchSize * layers[l].Inputs);
            var dz = gradients[l].AsSpan(0, batchSize * layers[l].Units);
            var dx = l == 0 ? Span<float>.Empty : gradients[l - 1].AsSpan(0, batchSize * layers[l].Inputs);
            layers[l].Backward(x, dz, dx, batchSize);
            if (l > 0)
                ApplyActivationDerivative(outputs[l - 1].AsSpan(0, dx.Length), dx);
        }
    }

    // The derivatives from the outputs: ReLU' = 1 where a > 0, tanh' = 1 - a^2.
    private void ApplyActivationDerivative(ReadOnlySpan<float> activations, Span<float> gradient)
    {
        if (Activation == Activation.ReLU)
        {
            for (int i = 0; i < gradient.Length; i++)
            {
                if (activations[i] <= 0)
                    gradient[i] = 0;
            }
        }
        else
        {
            for (int i = 0; i < gradient.Length; i++)
                gradient[i] *= 1 - activations[i] * activations[i];
        }
    }

    public void Step(float learningRate, float momentum)
    {
        foreach (var layer in layers)
            layer.Step(learningRate, momentum);
    }

    public void ClearGradients()
    {
        foreach (var layer in layers)
            layer.ClearGradients();
    }

    /// <summary>The fewest distinct units in any hidden layer: 1 means the network is as wide as a single unit.</summary>
    public int FewestDistinctUnits()
    {
        int fewest = int.MaxValue;
        for (int l = 0; l < HiddenLayers; l++)
            fewest = Math.Min(fewest, layers[l].DistinctUnits());
        return fewest;
    }

    /// <summary>The predicted class of each row of the last forward pass (the first of equal scores).</summary>
    public void Predict(Span<int> predictions, int batchSize)
    {
        int classes = Classes;
        var scores = outputs[HiddenLayers];
        for (int b = 0; b < batchSize; b++)
        {
            int best = 0;
            for (int k = 1; k < classes; k++)
            {
                if (scores[b * classes + k] > scores[b * classes + best])
                    best = k;
            }

            predictions[b] = best;
        }
    }
}

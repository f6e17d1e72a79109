using System;

namespace HandWrittenMlp;

/// <summary>A 784-128-10 network for handwritten digits, written by hand the way many tutorials do.</summary>
public sealed class Mlp
{
    private readonly double[,] hiddenWeights;
    private readonly double[,] outputWeights;
    private readonly double[] hiddenBiases;
    private readonly double[] outputBiases;
    private readonly double[] hidden;
    private readonly double[] output;

    public Mlp(int inputs, int hiddenUnits, int outputs, Random random)
    {
        // INIT001: allocated and never written, so all 128 hidden units compute the same value for ever.
        hiddenWeights = new double[hiddenUnits, inputs];

        // Not reported: the output layer is random and scaled to its fan-in (Xavier uniform).
        outputWeights = new double[outputs, hiddenUnits];
        var bound = Math.Sqrt(6.0 / (hiddenUnits + outputs));
        for (int i = 0; i < outputs; i++)
            for (int j = 0; j < hiddenUnits; j++)
                outputWeights[i, j] = (random.NextDouble() * 2 - 1) * bound;

        // Not reported: zero biases and zeroed buffers are correct.
        hiddenBiases = new double[hiddenUnits];
        outputBiases = new double[outputs];
        hidden = new double[hiddenUnits];
        output = new double[outputs];
    }

    public double[] Forward(double[] input)
    {
        for (int i = 0; i < hidden.Length; i++)
        {
            double sum = hiddenBiases[i];
            for (int j = 0; j < input.Length; j++)
                sum += hiddenWeights[i, j] * input[j];
            hidden[i] = Math.Max(0, sum);
        }

        for (int i = 0; i < output.Length; i++)
        {
            double sum = outputBiases[i];
            for (int j = 0; j < hidden.Length; j++)
                sum += outputWeights[i, j] * hidden[j];
            output[i] = sum;
        }

        return output;
    }
}

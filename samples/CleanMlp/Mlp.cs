using System;
using InitAnalyzers.Runtime;

namespace CleanMlp;

/// <summary>A 784-128-10 ReLU network: He for the hidden layer, Xavier for the linear output, zero biases.</summary>
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
        hiddenWeights = WeightInit.HeNormal(new double[hiddenUnits, inputs], fanIn: inputs, random: random);
        outputWeights = WeightInit.XavierUniform(new double[outputs, hiddenUnits], fanIn: hiddenUnits, fanOut: outputs, random: random);
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

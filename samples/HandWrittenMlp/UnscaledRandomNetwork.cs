using System;

namespace HandWrittenMlp;

/// <summary>A 784-256-10 ReLU network drawn from U[0, 1): positive-only values, far too large for 784 inputs.</summary>
public sealed class UnscaledRandomNetwork
{
    private readonly double[,] hiddenWeights = new double[256, 784];
    private readonly double[,] outputWeights = new double[10, 256];
    private readonly double[] hidden = new double[256];

    public UnscaledRandomNetwork(Random random)
    {
        for (int i = 0; i < 256; i++)
            for (int j = 0; j < 784; j++)
                // INIT004: U[0, 1) ignores fan-in and is not zero-centred; He for fan_in 784 has std 0.0505.
                hiddenWeights[i, j] = random.NextDouble();

        // Not reported: He uniform from the runtime library that ships with the analyzers.
        InitAnalyzers.Runtime.WeightInit.HeUniform(outputWeights, fanIn: 256, random: random);
    }

    public double[] Forward(double[] input)
    {
        for (int i = 0; i < 256; i++)
        {
            double sum = 0;
            for (int j = 0; j < 784; j++)
                sum += hiddenWeights[i, j] * input[j];
            hidden[i] = sum > 0 ? sum : 0;
        }

        var output = new double[10];
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 256; j++)
                output[i] += outputWeights[i, j] * hidden[j];
        return output;
    }
}

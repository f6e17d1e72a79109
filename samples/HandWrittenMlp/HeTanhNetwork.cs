using System;

namespace HandWrittenMlp;

/// <summary>A tanh network initialized with the He formula, which is derived for ReLU: its tanh units start half-saturated.</summary>
public sealed class HeTanhNetwork
{
    private readonly double[,] hiddenWeights;
    private readonly double[,] outputWeights;
    private readonly double[] hidden;
    private readonly Random random;

    public HeTanhNetwork(int inputs, int hiddenUnits, int outputs, Random random)
    {
        this.random = random;
        hiddenWeights = new double[hiddenUnits, inputs];
        for (int i = 0; i < hiddenUnits; i++)
            for (int j = 0; j < inputs; j++)
            {
                // INIT003: He normal, std sqrt(2 / fan_in), doubles the variance tanh expects; Xavier suits it.
                hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs);
            }

        // Not reported: LeCun normal, std 1 / sqrt(fan_in), for a linear output layer.
        outputWeights = new double[outputs, hiddenUnits];
        for (int i = 0; i < outputs; i++)
            for (int j = 0; j < hiddenUnits; j++)
                outputWeights[i, j] = Gaussian() / Math.Sqrt(hiddenUnits);

        hidden = new double[hiddenUnits];
    }

    public double[] Forward(double[] input)
    {
        for (int i = 0; i < hidden.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < input.Length; j++)
                sum += hiddenWeights[i, j] * input[j];
            hidden[i] = Math.Tanh(sum);
        }

        var output = new double[outputWeights.GetLength(0)];
        for (int i = 0; i < output.Length; i++)
            for (int j = 0; j < hidden.Length; j++)
                output[i] += outputWeights[i, j] * hidden[j];
        return output;
    }

    /// <summary>A standard normal value (Box and Muller 1958).</summary>
    private double Gaussian() =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}

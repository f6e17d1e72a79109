using System;

namespace HandWrittenMlp;

/// <summary>A 2-layer tanh network whose weights all start at one constant: every hidden unit learns the same thing.</summary>
public sealed class ConstantInitNetwork
{
    private readonly float[][] hiddenWeights;
    private readonly float[][] outputWeights;
    private readonly float[] hidden;

    public ConstantInitNetwork(int inputs, int hiddenUnits, int outputs, Random random)
    {
        hiddenWeights = new float[hiddenUnits][];
        for (int i = 0; i < hiddenUnits; i++)
        {
            hiddenWeights[i] = new float[inputs];
            // INIT002: one constant for every weight; the units stay identical under gradient descent.
            Array.Fill(hiddenWeights[i], 0.5f);
        }

        // Not reported: Xavier normal written by hand, std sqrt(2 / (fan_in + fan_out)), with a Box-Muller Gaussian.
        outputWeights = new float[outputs][];
        var std = Math.Sqrt(2.0 / (hiddenUnits + outputs));
        for (int i = 0; i < outputs; i++)
        {
            outputWeights[i] = new float[hiddenUnits];
            for (int j = 0; j < hiddenUnits; j++)
            {
                var gaussian = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
                outputWeights[i][j] = (float)(gaussian * std);
            }
        }

        hidden = new float[hiddenUnits];
    }

    public float[] Forward(float[] input)
    {
        for (int i = 0; i < hidden.Length; i++)
        {
            float sum = 0;
            for (int j = 0; j < input.Length; j++)
                sum += hiddenWeights[i][j] * input[j];
            hidden[i] = MathF.Tanh(sum);
        }

        var output = new float[outputWeights.Length];
        for (int i = 0; i < output.Length; i++)
        {
            float sum = 0;
            for (int j = 0; j < hidden.Length; j++)
                sum += outputWeights[i][j] * hidden[j];
            output[i] = sum;
        }

        return output;
    }
}

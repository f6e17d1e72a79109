using System;
using InitAnalyzers.Runtime;

namespace CleanMlp;

/// <summary>A tanh network in jagged float arrays: Xavier, which keeps the variance of tanh layers steady.</summary>
public sealed class TanhNetwork
{
    private readonly float[][] hiddenWeights;
    private readonly float[][] outputWeights;
    private readonly float[] hidden;

    public TanhNetwork(int inputs, int hiddenUnits, int outputs, Random random)
    {
        hiddenWeights = new float[hiddenUnits][];
        for (int i = 0; i < hiddenUnits; i++)
            hiddenWeights[i] = new float[inputs];
        WeightInit.XavierNormal(hiddenWeights, fanIn: inputs, fanOut: hiddenUnits, random: random);

        outputWeights = new float[outputs][];
        for (int i = 0; i < outputs; i++)
            outputWeights[i] = new float[hiddenUnits];
        WeightInit.XavierNormal(outputWeights, fanIn: hiddenUnits, fanOut: outputs, random: random);

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

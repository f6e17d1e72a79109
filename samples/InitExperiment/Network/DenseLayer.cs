using System;
using System.Collections.Generic;

namespace InitExperiment.Network;

/// <summary>A fully connected layer z = x W + b over a minibatch, with its gradients and SGD momentum.</summary>
internal sealed class DenseLayer
{
    private readonly float[] weightGradients;
    private readonly float[] biasGradients;
    private readonly float[] weightVelocity;
    private readonly float[] biasVelocity;

    public DenseLayer(int inputs, int units)
    {
        Inputs = inputs;
        Units = units;
        Weights = new float[inputs * units];
        Biases = new float[units];
        weightGradients = new float[inputs * units];
        biasGradients = new float[units];
        weightVelocity = new float[inputs * units];
        biasVelocity = new float[units];
    }

    /// <summary>The fan-in: inputs per unit.</summary>
    public int Inputs { get; }

    /// <summary>The fan-out: units, each fed by every input.</summary>
    public int Units { get; }

    /// <summary><c>Weights[i * Units + u]</c> connects input i to unit u.</summary>
    public float[] Weights { get; }

    public float[] Biases { get; }

    private Span<float> WeightsFrom(int input) => Weights.AsSpan(input * Units, Units);

    /// <summary>Writes the pre-activations z = x W + b of <paramref name="batchSize"/> rows.</summary>
    public void Forward(ReadOnlySpan<float> inputs, Span<float> preActivations, int batchSize)
    {
        for (int b = 0; b < batchSize; b++)
        {
            var x = inputs.Slice(b * Inputs, Inputs);
            var z = preActivations.Slice(b * Units, Units);
            Biases.CopyTo(z);
            for (int i = 0; i < Inputs; i++)
            {
                // ReLU outputs are zero half the time; skipping them changes no value.
                if (x[i] != 0)
                    VectorKernels.AddScaled(x[i], WeightsFrom(i), z);
            }
        }
    }

    /// <summary>
    /// Adds dL/dW and dL/db for the batch to the accumulated gradients and, unless <paramref name="inputGradients"/>
    /// is empty, writes dL/dx = dL/dz W^T.
    /// </summary>
    public void Backward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> preActivationGradients, Span<float> inputGradients, int batchSize)
    {
        for (int b = 0; b < batchSize; b++)
        {
            var x = inputs.Slice(b * Inputs, Inputs);
            var dz = preActivationGradients.Slice(b * Units, Units);
            VectorKernels.AddScaled(1f, dz, biasGradients);
            for (int i = 0; i < Inputs; i++)
            {
                if (x[i] != 0)
                    VectorKernels.AddScaled(x[i], dz, weightGradients.AsSpan(i * Units, Units));
            }

            if (inputGradients.IsEmpty)
                continue;
            var dx = inputGradients.Slice(b * Inputs, Inputs);
            for (int i = 0; i < Inputs; i++)
                dx[i] = VectorKernels.Dot(WeightsFrom(i), dz);
        }
    }

    /// <summary>One SGD step with momentum (v = momentum v - rate g; w += v), then clears the gradients.</summary>
    public void Step(float learningRate, float momentum)
    {
        Update(Weights, weightVelocity, weightGradients, learningRate, momentum);
        Update(Biases, biasVelocity, biasGradients, learningRate, momentum);
    }

    public void ClearGradients()
    {
        Array.Clear(weightGradients);
        Array.Clear(biasGradients);
    }

    private static void Update(float[] values, float[] velocity, float[] gradients, float learningRate, float momentum)
    {
        for (int i = 0; i < values.Length; i++)
        {
            velocity[i] = momentum * velocity[i] - learningRate * gradients[i];
            values[i] += velocity[i];
            gradients[i] = 0;
        }
    }

    /// <summary>How many units differ in their incoming weights or bias: 1 when the layer is perfectly symmetric.</summary>
    public int DistinctUnits()
    {
        var representatives = new List<int>();
        for (int u = 0; u < Units; u++)
        {
            if (!representatives.Exists(r => SameUnit(r, u)))
                representatives.Add(u);
        }

        return representatives.Count;
    }

    private bool SameUnit(int first, int second)
    {
        if (BitConverter.SingleToInt32Bits(Biases[first]) != BitConverter.SingleToInt32Bits(Biases[second]))
            return false;
        for (int i = 0; i < Inputs; i++)
        {
            if (BitConverter.SingleToInt32Bits(Weights[i * Units + first]) != BitConverter.SingleToInt32Bits(Weights[i * Units + second]))
                return false;
        }

        return true;
    }
}

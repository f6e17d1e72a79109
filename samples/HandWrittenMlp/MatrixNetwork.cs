using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace HandWrittenMlp;

/// <summary>The same kind of network with MathNet.Numerics matrices.</summary>
public sealed class MatrixNetwork
{
    private readonly Matrix<double> hiddenWeights;
    private readonly Matrix<double> outputWeights;

    public MatrixNetwork(int inputs, int hiddenUnits, int outputs)
    {
        // INIT004: Build.Random draws N(0, 1), about 20 times the He std for 784 inputs (0.0505); activations explode layer by layer.
        hiddenWeights = Matrix<double>.Build.Random(hiddenUnits, inputs);

        // Not reported: Xavier uniform bound sqrt(6 / (fan_in + fan_out)) for the linear output layer.
        var bound = System.Math.Sqrt(6.0 / (hiddenUnits + outputs));
        outputWeights = Matrix<double>.Build.Random(outputs, hiddenUnits, new ContinuousUniform(-bound, bound));
    }

    public Vector<double> Forward(Vector<double> input)
    {
        var hidden = (hiddenWeights * input).PointwiseMaximum(0.0);
        return outputWeights * hidden;
    }
}

using InitAnalyzers.Runtime;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace CleanMlp;

/// <summary>The ReLU network with MathNet.Numerics matrices: the scale comes from the runtime library.</summary>
public sealed class MatrixNetwork
{
    private readonly Matrix<double> hiddenWeights;
    private readonly Matrix<double> outputWeights;

    public MatrixNetwork(int inputs, int hiddenUnits, int outputs)
    {
        hiddenWeights = Matrix<double>.Build.Random(hiddenUnits, inputs, new Normal(0, WeightInit.HeStd(inputs)));
        var bound = WeightInit.XavierBound(hiddenUnits, outputs);
        outputWeights = Matrix<double>.Build.Random(outputs, hiddenUnits, new ContinuousUniform(-bound, bound));
    }

    public Vector<double> Forward(Vector<double> input)
    {
        var hidden = (hiddenWeights * input).PointwiseMaximum(0.0);
        return outputWeights * hidden;
    }
}

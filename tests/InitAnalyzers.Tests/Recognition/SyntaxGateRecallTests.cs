using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Recognition;

/// <summary>
/// Findings the syntax gate before binding (ElementProducts, WeightClues.MayDrawScheme) must not hide: each was hidden by
/// its first version and reported before it.
/// </summary>
public sealed class SyntaxGateRecallTests
{
    /// <summary>A layer that applies tanh and leaves its public weights to whoever builds it.</summary>
    private const string TanhLayer = """
        using System;

        public class DenseLayer
        {
            public readonly double[,] Weights;
            private readonly double[] output;

            public DenseLayer(int inputs, int units)
            {
                Weights = new double[units, inputs];
                output = new double[units];
            }

            public double[] Compute(double[] input)
            {
                for (int j = 0; j < output.Length; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < input.Length; i++)
                        sum += Weights[j, i] * input[i];
                    output[j] = Math.Tanh(sum);
                }

                return output;
            }
        }
        """;

    /// <summary>The layer's weights are drawn He-scaled by another type in another file.</summary>
    [Fact]
    public Task A_scheme_drawn_by_another_type_in_another_file_is_judged() => VerifyAsync(new[]
    {
        TanhLayer,
        """
        using System;

        public static class Program
        {
            public static double[] Run(double[] x)
            {
                var random = new Random(1);
                var layer = new DenseLayer(784, 10);
                int fanIn = 784;
                for (int j = 0; j < 10; j++)
                    for (int i = 0; i < fanIn; i++)
                        {|INIT003:layer.Weights[j, i] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / fanIn)|};
                return layer.Compute(x);
            }
        }
        """,
    });

    /// <summary>A derived class in another file draws the base's weights He-scaled, by their simple name.</summary>
    [Fact]
    public Task A_scheme_drawn_by_a_derived_class_in_another_file_is_judged() => VerifyAsync(new[]
    {
        TanhLayer,
        """
        using System;

        public sealed class HeLayer : DenseLayer
        {
            public HeLayer(int inputs, int units, Random random) : base(inputs, units)
            {
                for (int j = 0; j < units; j++)
                    for (int i = 0; i < inputs; i++)
                        {|INIT003:Weights[j, i] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)|};
            }
        }
        """,
    });

    /// <summary>A single layer drawn He-scaled in its own constructor, whose activation is applied in a yield return.</summary>
    [Fact]
    public Task An_activation_in_a_yield_return_is_found()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            public sealed class TanhLayer
            {
                private readonly double[,] weights;

                public TanhLayer(int inputs, int units, Random random)
                {
                    weights = new double[units, inputs];
                    for (int j = 0; j < units; j++)
                        for (int i = 0; i < inputs; i++)
                            {|INIT003:weights[j, i] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)|};
                }

                public IEnumerable<double> Compute(double[] input)
                {
                    for (int j = 0; j < weights.GetLength(0); j++)
                    {
                        double sum = 0;
                        for (int i = 0; i < input.Length; i++)
                            sum += weights[j, i] * input[i];
                        yield return Math.Tanh(sum);
                    }
                }
            }
            """;
        return VerifyAsync(source);
    }

    /// <summary>The hidden layer's input is a row of a <c>ListList<double[]>: two subscriptslt;double[]List<double[]>: two subscriptsgt;</c>: two subscripts in syntax, one array subscript when bound.</summary>
    [Fact]
    public Task An_input_row_of_a_list_of_arrays_counts_one_array_subscript()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            public sealed class Mlp
            {
                private readonly double[][] hiddenTheta;
                private readonly double[][] outputTheta;

                public Mlp(int inputs, int hidden, int outputs, Random random)
                {
                    hiddenTheta = new double[hidden][];
                    for (int j = 0; j < hidden; j++)
                    {
                        hiddenTheta[j] = new double[inputs];
                        for (int i = 0; i < inputs; i++)
                            {|INIT004:hiddenTheta[j][i] = random.NextDouble()|};
                    }

                    outputTheta = new double[outputs][];
                    for (int k = 0; k < outputs; k++)
                    {
                        outputTheta[k] = new double[hidden];
                        for (int j = 0; j < hidden; j++)
                            {|INIT004:outputTheta[k][j] = random.NextDouble()|};
                    }
                }

                public double[] Forward(List<double[]> batch, int b)
                {
                    var h = new double[hiddenTheta.Length];
                    for (int j = 0; j < h.Length; j++)
                    {
                        double sum = 0;
                        for (int i = 0; i < hiddenTheta[j].Length; i++)
                            sum += hiddenTheta[j][i] * batch[b][i];
                        h[j] = Math.Tanh(sum);
                    }

                    var o = new double[outputTheta.Length];
                    for (int k = 0; k < o.Length; k++)
                    {
                        double sum = 0;
                        for (int j = 0; j < h.Length; j++)
                            sum += outputTheta[k][j] * h[j];
                        o[k] = sum;
                    }

                    return o;
                }
            }
            """;
        return VerifyAsync(source);
    }

    /// <summary>A comment between the weight element and the '*'.</summary>
    [Fact]
    public Task A_comment_before_the_multiplication_hides_no_product()
    {
        const string source = """
            using System;

            public sealed class Network
            {
                private readonly double[,] hiddenWeights;
                private readonly double[,] outputWeights;
                private readonly double[] hidden;
                private readonly double[] output;

                public Network(int inputs, int hiddenUnits, int outputs, Random random)
                {
                    hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};
                    outputWeights = new double[outputs, hiddenUnits];
                    for (int i = 0; i < outputs; i++)
                        for (int j = 0; j < hiddenUnits; j++)
                            outputWeights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(hiddenUnits);
                    hidden = new double[hiddenUnits];
                    output = new double[outputs];
                }

                public double[] Forward(double[] input)
                {
                    for (int i = 0; i < hidden.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < input.Length; j++)
                            sum += hiddenWeights[i, j] /* w_ij */ * input[j];
                        hidden[i] = Math.Max(0, sum);
                    }

                    for (int i = 0; i < output.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < hidden.Length; j++)
                            sum += outputWeights[i, j] /* v_ij */ * hidden[j];
                        output[i] = sum;
                    }

                    return output;
                }
            }
            """;
        return VerifyAsync(source);
    }
    /// <summary>Nullable-annotated code: the hidden activations are read as hidden![j] by the next layer's weighted sum.</summary>
    [Fact]
    public Task A_null_forgiving_input_of_the_next_layer_is_its_input()
    {
        const string source = """
            #nullable enable
            using System;

            public sealed class Network
            {
                private readonly double[,] hiddenWeights;
                private readonly double[,] outputWeights;
                private double[]? hidden;

                public Network(int inputs, int hiddenUnits, int outputs, Random random)
                {
                    hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};
                    outputWeights = new double[outputs, hiddenUnits];
                    for (int i = 0; i < outputs; i++)
                        for (int j = 0; j < hiddenUnits; j++)
                            outputWeights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(hiddenUnits);
                }

                public double[] Forward(double[] input)
                {
                    ComputeHidden(input);
                    return ComputeOutput();
                }

                private void ComputeHidden(double[] input)
                {
                    hidden = new double[hiddenWeights.GetLength(0)];
                    for (int i = 0; i < hidden.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < input.Length; j++)
                            sum += hiddenWeights[i, j] * input[j];
                        hidden[i] = Math.Max(0, sum);
                    }
                }

                private double[] ComputeOutput()
                {
                    var output = new double[outputWeights.GetLength(0)];
                    for (int i = 0; i < output.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < outputWeights.GetLength(1); j++)
                            sum += outputWeights[i, j] * hidden![j];
                        output[i] = sum;
                    }

                    return output;
                }
            }
            """;
        return VerifyAsync(source);
    }
}

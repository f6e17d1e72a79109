using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT001 across the shapes hand-written networks take: layer classes, jagged arrays, auto-properties, several files.</summary>
public sealed class ZeroWeightsArrayShapesTests
{
    private const string LayerClass = """
        using System;

        class Layer
        {
            int nodesIn, nodesOut;
            double[,] weights;
            double[] bias;

            public Layer(int nodesIn, int nodesOut)
            {
                this.nodesIn = nodesIn;
                this.nodesOut = nodesOut;
                weights = WEIGHTS;
                bias = new double[nodesOut];
            }

            public double[] Forward(double[] input)
            {
                double[] output = new double[nodesOut];
                for (int i = 0; i < nodesOut; i++)
                {
                    output[i] = 0;
                    for (int j = 0; j < nodesIn; j++)
                        output[i] += input[j] * weights[j, i];
                    output[i] += bias[i];
                    output[i] = 1 / (1 + Math.Exp(-output[i]));
                }
                return output;
            }
        }
        """;

    private const string StackingNetwork = """
        class Network
        {
            Layer[] layers;

            public Network(int[] nodes)
            {
                layers = new Layer[nodes.Length - 1];
                for (int i = 0; i < nodes.Length - 1; i++)
                    layers[i] = new Layer(nodes[i], nodes[i + 1]);
            }

            public double[] Forward(double[] input)
            {
                double[] output = input;
                for (int i = 0; i < layers.Length; i++)
                    output = layers[i].Forward(output);
                return output;
            }
        }
        """;

    [Fact]
    public Task A_layer_class_stacked_by_a_network_is_reported_when_its_weights_stay_zero() =>
        VerifyAsync(new[] { LayerClass.Replace("WEIGHTS", "{|INIT001:new double[nodesIn, nodesOut]|}"), StackingNetwork });

    [Fact]
    public Task A_layer_class_that_nothing_stacks_is_not_reported() =>
        VerifyAsync(LayerClass.Replace("WEIGHTS", "new double[nodesIn, nodesOut]"));

    [Fact]
    public Task A_single_weight_matrix_without_hidden_layer_is_not_reported() =>
        VerifyAsync("""
            using System;

            public sealed class SoftmaxRegression
            {
                private readonly double[,] weights;
                private readonly double[] bias;

                public SoftmaxRegression(int features, int classes)
                {
                    weights = new double[classes, features];
                    bias = new double[classes];
                }

                public double[] Scores(double[] x)
                {
                    var scores = new double[bias.Length];
                    for (int c = 0; c < scores.Length; c++)
                    {
                        double sum = bias[c];
                        for (int f = 0; f < x.Length; f++)
                            sum += weights[c, f] * x[f];
                        scores[c] = sum;
                    }
                    return scores;
                }

                public void Step(double[] x, double[] gradient, double rate)
                {
                    for (int c = 0; c < bias.Length; c++)
                        for (int f = 0; f < x.Length; f++)
                            weights[c, f] -= rate * gradient[c] * x[f];
                }
            }
            """);

    [Fact]
    public Task Layers_in_one_jagged_array_are_reported_when_left_zero() =>
        VerifyAsync("""
            using System;

            public sealed class Mlp
            {
                private readonly double[][][] weights;
                private readonly double[][] activations;

                public Mlp(int[] sizes)
                {
                    weights = new double[sizes.Length - 1][][];
                    activations = new double[sizes.Length][];
                    for (int l = 0; l < sizes.Length; l++)
                        activations[l] = new double[sizes[l]];
                    for (int l = 0; l < sizes.Length - 1; l++)
                    {
                        weights[l] = new double[sizes[l + 1]][];
                        for (int i = 0; i < sizes[l + 1]; i++)
                            weights[l][i] = {|INIT001:new double[sizes[l]]|};
                    }
                }

                public double[] Forward(double[] input)
                {
                    input.CopyTo(activations[0], 0);
                    for (int l = 0; l < weights.Length; l++)
                        for (int i = 0; i < weights[l].Length; i++)
                        {
                            double sum = 0;
                            for (int j = 0; j < weights[l][i].Length; j++)
                                sum += weights[l][i][j] * activations[l][j];
                            activations[l + 1][i] = Math.Tanh(sum);
                        }
                    return activations[activations.Length - 1];
                }
            }
            """);

    [Fact]
    public Task Auto_properties_are_weights_too_and_the_zero_output_layer_is_left_alone() =>
        VerifyAsync("""
            using System;

            public sealed class TinyNet
            {
                public float[] HiddenWeights { get; } = {|INIT001:new float[4 * 3]|};
                public float[] OutputWeights { get; } = new float[3];
                private readonly float[] hidden = new float[3];

                public float Forward(float[] x)
                {
                    for (int i = 0; i < 3; i++)
                    {
                        float sum = 0;
                        for (int j = 0; j < 4; j++)
                            sum += HiddenWeights[i * 4 + j] * x[j];
                        hidden[i] = MathF.Max(0, sum);
                    }

                    float output = 0;
                    for (int i = 0; i < 3; i++)
                        output += OutputWeights[i] * hidden[i];
                    return output;
                }
            }
            """);

    [Fact]
    public Task A_public_weight_array_written_by_another_type_is_judged_where_it_is_written() =>
        VerifyAsync(new[]
        {
            LayerClass.Replace("double[,] weights;", "public double[,] weights;").Replace("WEIGHTS", "new double[nodesIn, nodesOut]"),
            StackingNetwork.Replace("layers[i] = new Layer(nodes[i], nodes[i + 1]);", "{ layers[i] = new Layer(nodes[i], nodes[i + 1]); Extensions.RandomizeAll(layers[i], new System.Random(1)); }"),
            """
            static class Extensions
            {
                public static void RandomizeAll(Layer layer, System.Random random)
                {
                    for (int i = 0; i < layer.weights.GetLength(0); i++)
                        for (int j = 0; j < layer.weights.GetLength(1); j++)
                            {|INIT004:layer.weights[i, j] = random.NextDouble() - 0.5|};
                }
            }
            """,
        });

    [Fact]
    public Task A_public_weight_array_that_other_types_only_read_is_still_reported() =>
        VerifyAsync(new[]
        {
            LayerClass.Replace("double[,] weights;", "public double[,] weights;").Replace("WEIGHTS", "{|INIT001:new double[nodesIn, nodesOut]|}"),
            StackingNetwork,
            """
            static class Report
            {
                public static double First(Layer layer) => layer.weights[0, 0] + layer.weights.GetLength(0);
            }
            """,
        });

    [Fact]
    public Task A_lazy_allocation_with_null_coalescing_assignment_is_a_zero_allocation() =>
        VerifyAsync(new[] { LayerClass.Replace("weights = WEIGHTS;", "weights ??= {|INIT001:new double[nodesIn, nodesOut]|};"), StackingNetwork });

    [Fact]
    public Task A_layer_class_held_as_two_named_layers_is_stacked() =>
        VerifyAsync(new[]
        {
            LayerClass.Replace("WEIGHTS", "{|INIT001:new double[nodesIn, nodesOut]|}"),
            """
            class TwoLayerNetwork
            {
                private readonly Layer hidden = new Layer(4, 8);
                private readonly Layer output = new Layer(8, 1);
            }
            """,
        });

    [Fact]
    public Task A_layer_class_held_once_is_not_stacked() =>
        VerifyAsync(new[]
        {
            LayerClass.Replace("WEIGHTS", "new double[nodesIn, nodesOut]"),
            """
            class Regression
            {
                private readonly Layer model = new Layer(4, 1);
            }
            """,
        });
}

using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>INIT001 fixes on arrays: the right scheme for the activation, fan-in from the subscript that runs with the input.</summary>
public sealed class ZeroWeightsArrayFixTests
{
    private const string ReluNetwork = """
        using System;

        public sealed class Network
        {
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hidden;
            private readonly double[] output;

            public Network(int inputs, int hiddenUnits, int outputs, Random random)
            {
                HIDDEN
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
                        sum += hiddenWeights[i, j] * input[j];
                    hidden[i] = ACTIVATION;
                }

                for (int i = 0; i < output.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < hidden.Length; j++)
                        sum += outputWeights[i, j] * hidden[j];
                    output[i] = sum;
                }

                return output;
            }

            private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
        }
        """;

    internal static string Network(string hidden, string activation = "Math.Max(0, sum)", bool withUsing = false) =>
        ReluNetwork.Replace("using System;\n", withUsing ? "using System;\nusing InitAnalyzers.Runtime;\n" : "using System;\n").Replace("HIDDEN", hidden).Replace("ACTIVATION", activation);

    [Fact]
    public Task A_ReLU_layer_gets_He_normal_with_fan_in_from_the_input_subscript_and_the_users_random() =>
        VerifyFixAsync(
            Network("hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};"),
            Network("hiddenWeights = WeightInit.HeNormal(new double[hiddenUnits, inputs], fanIn: inputs, random: random);", withUsing: true));

    [Fact]
    public Task A_tanh_layer_gets_Xavier_normal_with_both_fans() =>
        VerifyFixAsync(
            Network("hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};", "Math.Tanh(sum)"),
            Network("hiddenWeights = WeightInit.XavierNormal(new double[hiddenUnits, inputs], fanIn: inputs, fanOut: hiddenUnits, random: random);", "Math.Tanh(sum)", withUsing: true));

    [Fact]
    public Task A_sigmoid_written_as_a_method_is_recognized_by_what_it_computes() =>
        VerifyFixAsync(
            Network("hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};", "Sigmoid(sum)"),
            Network("hiddenWeights = WeightInit.XavierNormal(new double[hiddenUnits, inputs], fanIn: inputs, fanOut: hiddenUnits, random: random);", "Sigmoid(sum)", withUsing: true));

    [Fact]
    public Task Array_Clear_is_replaced_by_a_fill_of_the_same_array() =>
        VerifyFixAsync(
            Network("hiddenWeights = new double[hiddenUnits, inputs];\n        {|INIT001:Array.Clear(hiddenWeights)|};"),
            Network("hiddenWeights = new double[hiddenUnits, inputs];\n        WeightInit.HeNormal(hiddenWeights, fanIn: hiddenWeights.GetLength(1), random: random);", withUsing: true));

    [Fact]
    public Task A_transposed_layout_takes_fan_in_from_the_first_dimension()
    {
        var before = Network("hiddenWeights = {|INIT001:new double[inputs, hiddenUnits]|};").Replace("hiddenWeights[i, j] * input[j]", "input[j] * hiddenWeights[j, i]");
        var after = Network("hiddenWeights = WeightInit.HeNormal(new double[inputs, hiddenUnits], fanIn: inputs, random: random);", withUsing: true).Replace("hiddenWeights[i, j] * input[j]", "input[j] * hiddenWeights[j, i]");
        return VerifyFixAsync(before, after);
    }

    private const string FlatNetwork = """
        using System;

        public sealed class TinyNet
        {
            public float[] HiddenWeights { get; } = HIDDEN;
            public float[] OutputWeights { get; } = OUTPUT;
            private readonly float[] hidden = new float[3];

            public float Forward(float[] x)
            {
                for (int i = 0; i < 3; i++)
                {
                    float sum = 0;
                    for (int j = 0; j < 4; j++)
                        sum += HiddenWeights[i * 4 + j] * x[j];
                    hidden[i] = MathF.Tanh(sum);
                }

                float output = 0;
                for (int i = 0; i < 3; i++)
                    output += OutputWeights[i] * hidden[i];
                return output;
            }
        }
        """;

    [Fact]
    public Task A_flat_array_hides_the_orientation_so_the_fix_uses_Xavier_and_leaves_the_zero_output_layer() =>
        VerifyFixAsync(
            FlatNetwork.Replace("HIDDEN", "{|INIT001:new float[4 * 3]|}").Replace("OUTPUT", "new float[3]"),
            FlatNetwork.WithRuntimeUsing().Replace("HIDDEN", "WeightInit.XavierNormal(new float[4 * 3], fanIn: 3, fanOut: 4)").Replace("OUTPUT", "new float[3]"));

    private const string JaggedMlp = """
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
                            weights[l][i] = ROW;
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
                            activations[l + 1][i] = Math.Max(0, sum);
                        }
                    return activations[activations.Length - 1];
                }
            }
            """;

    [Fact]
    public Task Rows_of_a_jagged_array_are_filled_one_unit_at_a_time() =>
        VerifyFixAsync(
            JaggedMlp.Replace("ROW", "{|INIT001:new double[sizes[l]]|}"),
            JaggedMlp.WithRuntimeUsing().Replace("ROW", "WeightInit.HeNormal(new double[sizes[l]], fanIn: sizes[l])"));
}

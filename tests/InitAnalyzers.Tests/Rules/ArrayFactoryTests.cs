using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Weights made by a helper that builds an array in a local, fills it and returns it (<c>w1 = RandomMatrix(units, inputs)</c>):
/// the weights hold what the helper wrote, with the numbers the call gives its parameters, and a finding is reported at the
/// call, which is what gives this layer its values.
/// </summary>
public sealed class ArrayFactoryTests
{
    internal const string Network = """
        using System;

        public class Network
        {
            private readonly double[,] w1;
            private readonly double[,] w2;
            private readonly double[] hidden;
            private readonly Random random = new Random(3);

            public Network(int inputs, int units)
            {
                W1;
                W2;
                hidden = new double[units];
            }

            public double Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += w1[i, j] * x[j];
                    hidden[i] = ACTIVATION;
                }

                double output = 0;
                for (int j = 0; j < hidden.Length; j++) output += w2[0, j] * hidden[j];
                return output;
            }

            public void Train(double[] x, double[] gradient, double rate)
            {
                for (int i = 0; i < hidden.Length; i++)
                    for (int j = 0; j < x.Length; j++) w1[i, j] -= rate * gradient[i] * x[j];
            }

            private double[,] RandomMatrix(int rows, int columns)
            {
                double[,] matrix = new double[rows, columns];
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < columns; j++)
                        matrix[i, j] = DRAW;
                return matrix;
            }

            private double[,] Ranged(int rows, int columns, double lower, double upper)
            {
                if (rows < 1) return null;
                var matrix = new double[rows, columns];
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < columns; j++)
                        matrix[i, j] = RandomValue(lower, upper);
                return matrix;
            }

            private double RandomValue(double lower, double upper) => random.NextDouble() * (upper - lower) + lower;

            private double[,] Scaled(int rows, int columns)
            {
                var matrix = new double[rows, columns];
                double bound = Math.Sqrt(6.0 / (rows + columns));
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < columns; j++)
                        matrix[i, j] = (random.NextDouble() * 2 - 1) * bound;
                return matrix;
            }

            private double[,] Zeros(int rows, int columns)
            {
                var matrix = new double[rows, columns];
                return matrix;
            }
        }
        """;

    private const string ScaledOutput = "w2 = Scaled(1, units)";

    private static string Code(string w1, string w2 = ScaledOutput, string draw = "random.NextDouble()", string activation = "Math.Max(0, sum)") =>
        Network.Replace("W1", w1).Replace("W2", w2).Replace("DRAW", draw).Replace("ACTIVATION", activation);

    [Fact]
    public Task A_positive_only_draw_in_the_helper_is_reported_at_the_call_with_the_fan_in_the_call_gives() =>
        VerifyAsync(
            Code("w1 = {|#0:RandomMatrix(64, 784)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in) = 0.0875 for fan_in 784)"));

    [Fact]
    public Task Each_layer_made_by_the_same_helper_gets_its_own_finding_at_its_own_call() =>
        VerifyAsync(Code("w1 = {|INIT004:RandomMatrix(units, inputs)|}", "w2 = {|INIT004:RandomMatrix(1, units)|}"));

    [Fact]
    public Task A_range_given_by_the_call_through_a_helper_that_draws_between_its_arguments_is_read() =>
        VerifyAsync(
            Code("w1 = {|#0:Ranged(units, inputs, -0.9, 0.9)|}", activation: "Math.Tanh(sum)"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U(-0.9, 0.9)", "whose fixed scale (std 0.52) ignores the fan-in, so the signal grows with every layer wider than 8 inputs", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task A_hidden_layer_the_helper_leaves_at_zero_is_reported_at_the_call() =>
        VerifyAsync(Code("w1 = {|INIT001:Zeros(units, inputs)|}"));

    [Theory]
    [InlineData("w1 = Scaled(units, inputs)")]
    [InlineData("w1 = Ranged(units, inputs, -Math.Sqrt(6.0 / inputs), Math.Sqrt(6.0 / inputs))")]
    [InlineData("w1 = Zeros(units, inputs); Load(w1)")]
    [InlineData("w1 = Zeros(units, inputs); for (int i = 0; i < units; i++) for (int j = 0; j < inputs; j++) w1[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(inputs)")]
    public Task Helpers_that_scale_by_size_or_arrays_filled_after_the_helper_are_not_reported(string w1) =>
        VerifyAsync(Code(w1).Replace("    private double[,] Zeros", "    private static void Load(double[,] into) { }\n\n    private double[,] Zeros"));

    [Theory]
    [InlineData("(random.NextDouble() * 2 - 1) / Math.Sqrt(columns)")]
    [InlineData("Gaussian(columns)")]
    public Task A_helper_whose_draw_is_scaled_by_its_size_parameters_is_not_reported(string draw) =>
        VerifyAsync(Code("w1 = RandomMatrix(units, inputs)", draw: draw)
            .Replace("    private double[,] Zeros", "    private double Gaussian(int fanIn) => (random.NextDouble() - 0.5) * Math.Sqrt(24.0 / fanIn);\n\n    private double[,] Zeros"));

    [Fact]
    public Task A_helper_that_may_be_overridden_is_unknown_code() =>
        VerifyAsync(Code("w1 = RandomMatrix(units, inputs)").Replace("private double[,] RandomMatrix", "protected virtual double[,] RandomMatrix"));

    [Fact]
    public Task A_helper_that_returns_an_array_it_did_not_build_is_unknown_code() =>
        VerifyAsync(Code("w1 = RandomMatrix(units, inputs)").Replace("return matrix;\n    }\n\n    private double[,] Ranged", "return Load();\n    }\n\n    private static double[,] Load() => System.IO.File.Exists(\"w\") ? new double[1, 1] : null;\n\n    private double[,] Ranged"));

    [Fact]
    public Task A_helper_that_hands_its_array_to_unknown_code_before_returning_it_is_unknown_code() =>
        VerifyAsync(Code("w1 = RandomMatrix(units, inputs)").Replace("return matrix;\n    }\n\n    private double[,] Ranged", "Fill(matrix);\n        return matrix;\n    }\n\n    private static void Fill(double[,] m) { }\n\n    private double[,] Ranged"));

    [Fact]
    public Task Jagged_layers_built_by_helpers_that_call_helpers_take_the_range_from_the_outer_call() =>
        VerifyAsync("""
            using System;

            public sealed class Network
            {
                private readonly double[][][] weights;
                private readonly double[][] outputs;
                private readonly Tools tools = new Tools();

                public Network(int[] sizes)
                {
                    weights = new double[sizes.Length][][];
                    outputs = new double[sizes.Length][];
                    for (int l = 0; l < sizes.Length; l++)
                    {
                        outputs[l] = new double[sizes[l]];
                        if (l > 0) weights[l] = {|#0:tools.CreateRandomArray(sizes[l], sizes[l - 1], -0.9, 0.9)|};
                    }
                }

                public double[] Calculate(double[] input)
                {
                    outputs[0] = input;
                    for (int l = 1; l < outputs.Length; l++)
                        for (int n = 0; n < outputs[l].Length; n++)
                        {
                            double sum = 0;
                            for (int p = 0; p < outputs[l - 1].Length; p++) sum += outputs[l - 1][p] * weights[l][n][p];
                            outputs[l][n] = Math.Tanh(sum);
                        }

                    return outputs[outputs.Length - 1];
                }

                private sealed class Tools
                {
                    private readonly Random rand = new Random();

                    public double[] CreateRandomArray(int size, double lower, double upper)
                    {
                        if (size < 1) return null;
                        var ar = new double[size];
                        for (var i = 0; i < ar.Length; i++) ar[i] = RandomValue(lower, upper);
                        return ar;
                    }

                    public double[][] CreateRandomArray(int sizeX, int sizeY, double lower, double upper)
                    {
                        if (sizeX < 1 || sizeY < 1) return null;
                        var ar = new double[sizeX][];
                        for (var i = 0; i < sizeX; i++) ar[i] = CreateRandomArray(sizeY, lower, upper);
                        return ar;
                    }

                    public double RandomValue(double lower, double upper) => rand.NextDouble() * (upper - lower) + lower;
                }
            }
            """,
            Diagnostic("INIT004").WithLocation(0).WithArguments("weights", "U(-0.9, 0.9)", "whose fixed scale (std 0.52) ignores the fan-in, so the signal grows with every layer wider than 8 inputs", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)))"));
}

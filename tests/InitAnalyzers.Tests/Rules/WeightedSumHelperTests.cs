using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Weighted sums computed by a helper the weights are handed to (<c>hiddenInputs = MultiplyArray(wih, input)</c>), as
/// numpy-style hand-written networks do: each call is a weighted sum of the array passed, with the call's input, and its
/// result (through an element-wise helper such as <c>Sigmoid(hiddenInputs)</c>) feeds the next call. A helper that writes its
/// parameter, hands it on or may be overridden stays unknown code.
/// </summary>
public sealed class WeightedSumHelperTests
{
    internal const string Network = """
        using System;

        public class NeuralNetwork
        {
            private readonly Random random = new Random(1);
            private double[,] wih, who;

            public NeuralNetwork(int input, int hidden, int output)
            {
                WIH;
                WHO;
            }

            public double[] Query(double[] input)
            {
                double[] hiddenInputs = MultiplyArray(wih, input);
                double[] hiddenOutputs = MAP(hiddenInputs);

                double[] finalInputs = MultiplyArray(who, hiddenOutputs);
                return Sigmoid(finalInputs);
            }

            public void Train(double[] input, double[] hiddenErrors, double rate)
            {
                for (int i = 0; i < wih.GetLength(0); i++)
                    for (int j = 0; j < wih.GetLength(1); j++) wih[i, j] += rate * hiddenErrors[i] * input[j];
            }

            private double[,] RandomArray(int x, int y)
            {
                double[,] array = new double[x, y];
                for (int i = 0; i < x; i++)
                    for (int j = 0; j < y; j++)
                        array[i, j] = random.NextDouble();
                return array;
            }

            private double[,] ScaledArray(int x, int y)
            {
                double[,] array = new double[x, y];
                for (int i = 0; i < x; i++)
                    for (int j = 0; j < y; j++)
                        array[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / y);
                return array;
            }

            private double[] MultiplyArray(double[,] arrayA, double[] arrayB)
            {
                double[] array = new double[arrayA.GetLength(0)];
                for (int i = 0; i < arrayA.GetLength(0); i++)
                {
                    double sum = 0;
                    for (int j = 0; j < arrayA.GetLength(1); j++)
                    {
                        sum += arrayA[i, j] * arrayB[j];
                    }

                    array[i] = sum;
                }

                return array;
            }

            private double[] Sigmoid(double[] array)
            {
                double[] arrayOut = new double[array.Length];
                for (int i = 0; i < array.Length; i++)
                {
                    arrayOut[i] = 1 / (1 + Math.Exp(-array[i]));
                }

                return arrayOut;
            }

            private double[] Relu(double[] array)
            {
                double[] arrayOut = new double[array.Length];
                for (int i = 0; i < array.Length; i++) arrayOut[i] = Math.Max(0, array[i]);
                return arrayOut;
            }
        }
        """;

    private static string Code(string wih, string map = "Sigmoid", string who = "who = ScaledArray(output, hidden)") =>
        Network.Replace("WIH", wih).Replace("WHO", who).Replace("MAP", map);

    [Fact]
    public Task A_hidden_layer_multiplied_by_a_helper_is_reported_with_the_fan_in_and_the_activation_of_the_element_wise_helper() =>
        VerifyAsync(
            Code("wih = {|#0:RandomArray(hidden, input)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("wih", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "Xavier uniform values, which suit the sigmoid that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task The_activation_comes_from_the_element_wise_helper_the_result_goes_through() =>
        VerifyAsync(
            Code("wih = {|#0:RandomArray(hidden, input)|}", map: "Relu"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("wih", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Theory]
    [InlineData("Math.Pow(Math.E, -array[i])")]
    [InlineData("Math.Pow(2.71828, -array[i])")]
    public Task A_sigmoid_written_with_e_raised_by_Pow_is_recognized(string exp) =>
        VerifyAsync(
            Code("wih = {|#0:RandomArray(hidden, input)|}").Replace("Math.Exp(-array[i])", exp),
            Diagnostic("INIT004").WithLocation(0).WithArguments("wih", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "Xavier uniform values, which suit the sigmoid that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task Another_base_raised_by_Pow_is_no_sigmoid() =>
        VerifyAsync(
            Code("wih = {|#0:RandomArray(hidden, input)|}").Replace("Math.Exp(-array[i])", "Math.Pow(2, -array[i])"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("wih", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)"));

    [Fact]
    public Task Both_layers_drawn_by_the_same_factory_get_their_own_finding() =>
        VerifyAsync(Code("wih = {|INIT004:RandomArray(hidden, input)|}", who: "who = {|INIT004:RandomArray(output, hidden)|}"));

    [Fact]
    public Task Zero_hidden_weights_multiplied_by_a_helper_are_reported() =>
        VerifyAsync(Code("wih = {|INIT001:new double[hidden, input]|}"));

    [Fact]
    public Task Weights_scaled_by_their_fan_in_are_not_reported() =>
        VerifyAsync(Code("wih = ScaledArray(hidden, input)", map: "Relu"));

    [Fact]
    public Task He_weights_whose_result_goes_through_an_element_wise_sigmoid_are_a_mismatch() =>
        VerifyAsync(
            Code("wih = {|#0:ScaledArray(hidden, input)|}"),
            Diagnostic("INIT003").WithLocation(0).WithArguments("wih", "He (Kaiming) uniform with the ReLU gain", "sigmoid in NeuralNetwork.Query (Test0.cs)", "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)", "Xavier uniform values, which suit the sigmoid that follows (bound sqrt(6 / (fan_in + fan_out)))"));

    [Fact]
    public Task A_helper_that_writes_the_weights_it_is_given_is_unknown_code() =>
        VerifyAsync(Code("wih = new double[hidden, input]").Replace("sum += arrayA[i, j] * arrayB[j];", "sum += arrayA[i, j] * arrayB[j]; arrayA[i, j] += 0.001;"));

    [Fact]
    public Task A_helper_that_hands_the_weights_on_is_unknown_code() =>
        VerifyAsync(Code("wih = new double[hidden, input]").Replace("        return array;\n    }\n\n    private double[] Sigmoid", "        Load(arrayA);\n        return array;\n    }\n\n    private static void Load(double[,] into) { }\n\n    private double[] Sigmoid"));

    [Fact]
    public Task A_helper_that_may_be_overridden_is_unknown_code() =>
        VerifyAsync(Code("wih = new double[hidden, input]").Replace("private double[] MultiplyArray", "protected virtual double[] MultiplyArray"));

    [Fact]
    public Task Weights_a_helper_fills_through_its_parameter_are_not_zero() =>
        VerifyAsync(Code("wih = new double[hidden, input]; Fill(wih)").Replace("    private double[] Sigmoid", "    private void Fill(double[,] w)\n    {\n        for (int i = 0; i < w.GetLength(0); i++) for (int j = 0; j < w.GetLength(1); j++) w[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(w.GetLength(1));\n    }\n\n    private double[] Sigmoid"));

    private const string StaticHelper = """
        public static class MatrixMath
        {
            public static double[] Multiply(double[,] matrix, double[] vector)
            {
                var result = new double[matrix.GetLength(0)];
                for (int i = 0; i < result.Length; i++)
                    for (int j = 0; j < vector.Length; j++) result[i] += matrix[i, j] * vector[j];
                return result;
            }
        }
        """;

    [Fact]
    public Task A_static_helper_of_another_class_in_the_same_file_is_read() =>
        VerifyAsync(Code("wih = {|INIT004:RandomArray(hidden, input)|}").Replace("= MultiplyArray(", "= MatrixMath.Multiply(") + "\n" + StaticHelper);

    [Fact]
    public Task A_helper_declared_in_another_file_is_unknown_code() =>
        VerifyAsync(new[] { Code("wih = RandomArray(hidden, input)").Replace("= MultiplyArray(", "= MatrixMath.Multiply("), StaticHelper });

    [Fact]
    public Task A_helper_that_passes_elements_by_value_still_only_reads_them() =>
        VerifyAsync(Code("wih = {|INIT004:RandomArray(hidden, input)|}").Replace("sum += arrayA[i, j] * arrayB[j];", "sum += arrayA[i, j] * arrayB[j] + 0 * Math.Abs(arrayA[i, j]);"));

    [Fact]
    public Task A_single_layer_multiplied_by_a_helper_is_not_a_symmetry_problem() =>
        VerifyAsync("""
            using System;

            public class LogisticRegression
            {
                private readonly double[,] weights;

                public LogisticRegression(int features, int classes) => weights = new double[classes, features];

                public double[] Predict(double[] x) => Softmax(Multiply(weights, x));

                public void Train(double[] x, double[] error, double rate)
                {
                    for (int i = 0; i < weights.GetLength(0); i++)
                        for (int j = 0; j < x.Length; j++) weights[i, j] -= rate * error[i] * x[j];
                }

                private static double[] Multiply(double[,] w, double[] x)
                {
                    var y = new double[w.GetLength(0)];
                    for (int i = 0; i < y.Length; i++)
                        for (int j = 0; j < x.Length; j++) y[i] += w[i, j] * x[j];
                    return y;
                }

                private static double[] Softmax(double[] z)
                {
                    var e = new double[z.Length];
                    for (int i = 0; i < z.Length; i++) e[i] = Math.Exp(z[i]);
                    return e;
                }
            }
            """);

    [Fact]
    public Task Layers_of_a_jagged_array_multiplied_row_by_row_by_a_helper_that_writes_into_an_output_it_is_given() =>
        VerifyAsync("""
            using System;

            public sealed class Mlp
            {
                private readonly double[][,] weights;
                private readonly double[][] outputs;

                public Mlp(int[] sizes)
                {
                    weights = new double[sizes.Length - 1][,];
                    outputs = new double[sizes.Length][];
                    for (int l = 0; l < sizes.Length; l++) outputs[l] = new double[sizes[l]];
                    for (int l = 0; l < sizes.Length - 1; l++) weights[l] = {|INIT001:new double[sizes[l + 1], sizes[l]]|};
                }

                public double[] Forward(double[] x)
                {
                    outputs[0] = x;
                    for (int l = 0; l < weights.Length; l++)
                    {
                        Multiply(weights[l], outputs[l], outputs[l + 1]);
                    }

                    return outputs[outputs.Length - 1];
                }

                public void Backward(double[][] deltas, double rate)
                {
                    for (int l = 0; l < weights.Length; l++)
                        for (int i = 0; i < deltas[l].Length; i++)
                            for (int j = 0; j < outputs[l].Length; j++) weights[l][i, j] -= rate * deltas[l][i] * outputs[l][j];
                }

                private static void Multiply(double[,] w, double[] x, double[] into)
                {
                    for (int i = 0; i < into.Length; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < x.Length; j++) sum += w[i, j] * x[j];
                        into[i] = Math.Tanh(sum);
                    }
                }
            }
            """);
}

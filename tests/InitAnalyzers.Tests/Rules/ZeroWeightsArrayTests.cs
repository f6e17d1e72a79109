using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT001 on hand-written networks that keep their weights in arrays.</summary>
public sealed class ZeroWeightsArrayTests
{
    private const string TwoLayerNetwork = """
        using System;

        public sealed class Network
        {
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hiddenBiases;
            private readonly double[] outputBiases;
            private readonly double[] hidden;
            private readonly double[] output;

            public Network(int inputs, int hiddenUnits, int outputs, Random random)
            {
                hiddenWeights = HIDDEN_INIT;
                outputWeights = new double[outputs, hiddenUnits];
                for (int i = 0; i < outputs; i++)
                    for (int j = 0; j < hiddenUnits; j++)
                        outputWeights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(hiddenUnits);
                hiddenBiases = new double[hiddenUnits];
                outputBiases = new double[outputs];
                hidden = new double[hiddenUnits];
                output = new double[outputs];
            }

            public double[] Forward(double[] input)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = hiddenBiases[i];
                    for (int j = 0; j < input.Length; j++)
                        sum += hiddenWeights[i, j] * input[j];
                    hidden[i] = Math.Max(0, sum);
                }

                for (int i = 0; i < output.Length; i++)
                {
                    double sum = outputBiases[i];
                    for (int j = 0; j < hidden.Length; j++)
                        sum += outputWeights[i, j] * hidden[j];
                    output[i] = sum;
                }

                return output;
            }

            public void Train(double[] input, double[] target, double rate)
            {
                Forward(input);
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        outputWeights[i, j] -= rate * (output[i] - target[i]) * hidden[j];
            }
        }
        """;

    [Fact]
    public Task A_hidden_layer_allocated_and_never_written_is_reported_on_its_allocation() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT", "{|INIT001:new double[hiddenUnits, inputs]|}"));

    [Fact]
    public Task The_message_names_the_weights_and_explains_the_symmetry() =>
        VerifyAsync(
            TwoLayerNetwork.Replace("HIDDEN_INIT", "{|#0:new double[hiddenUnits, inputs]|}"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Fact]
    public Task A_hidden_layer_filled_with_random_values_is_not_reported() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        for (int i = 0; i < hiddenUnits; i++) for (int j = 0; j < inputs; j++) hiddenWeights[i, j] = (random.NextDouble() - 0.5) / Math.Sqrt(inputs);"));

    [Fact]
    public Task A_hidden_layer_filled_by_a_random_helper_is_not_reported() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        for (int i = 0; i < hiddenUnits; i++) for (int j = 0; j < inputs; j++) hiddenWeights[i, j] = Initialiser.Weight();")
            + "\npublic static class Initialiser { public static double Weight() => 0.1; }\n");

    [Fact]
    public Task Array_Clear_of_hidden_weights_is_reported_on_the_call() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        {|INIT001:Array.Clear(hiddenWeights)|};"));

    [Fact]
    public Task Array_Fill_with_zero_is_reported_on_the_call() =>
        VerifyAsync(TwoLayerNetwork
            .Replace("private readonly double[,] hiddenWeights;", "private readonly double[] hiddenWeights;")
            .Replace("HIDDEN_INIT;", "new double[hiddenUnits * inputs];\n        {|INIT001:Array.Fill(hiddenWeights, 0.0)|};")
            .Replace("hiddenWeights[i, j]", "hiddenWeights[i * input.Length + j]"));

    [Fact]
    public Task A_loop_writing_zero_is_reported_on_the_write() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        for (int i = 0; i < hiddenUnits; i++) for (int j = 0; j < inputs; j++) {|INIT001:hiddenWeights[i, j] = 0|};"));

    [Fact]
    public Task Training_updates_do_not_count_as_initialization() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT", "{|INIT001:new double[hiddenUnits, inputs]|}").Replace(
            "outputWeights[i, j] -= rate * (output[i] - target[i]) * hidden[j];",
            "outputWeights[i, j] -= rate * (output[i] - target[i]) * hidden[j];\n        for (int i = 0; i < hidden.Length; i++) for (int j = 0; j < input.Length; j++) hiddenWeights[i, j] = hiddenWeights[i, j] - rate * input[j];"));

    [Fact]
    public Task A_zero_output_layer_after_a_random_hidden_layer_is_not_reported() =>
        VerifyAsync(TwoLayerNetwork
            .Replace("HIDDEN_INIT", "new double[hiddenUnits, inputs]")
            .Replace("hiddenWeights = new double[hiddenUnits, inputs];", "hiddenWeights = new double[hiddenUnits, inputs];\n        for (int i = 0; i < hiddenUnits; i++) for (int j = 0; j < inputs; j++) hiddenWeights[i, j] = (random.NextDouble() - 0.5) / Math.Sqrt(inputs);")
            .Replace("outputWeights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(hiddenUnits);", "outputWeights[i, j] = 0;"));

    [Fact]
    public Task Weights_filled_by_a_helper_method_are_not_reported() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        Load(hiddenWeights);")
            .Replace("public double[] Forward(", "private static void Load(double[,] target) { }\n\n    public double[] Forward("));

    [Fact]
    public Task Weights_copied_from_another_array_are_not_reported() =>
        VerifyAsync(TwoLayerNetwork
            .Replace("public Network(int inputs, int hiddenUnits, int outputs, Random random)", "public Network(int inputs, int hiddenUnits, int outputs, Random random, double[,] trained)")
            .Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        Array.Copy(trained, hiddenWeights, trained.Length);"));

    [Fact]
    public Task Weights_passed_by_ref_are_not_reported() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "new double[hiddenUnits, inputs];\n        Fill(ref hiddenWeights[0, 0]);")
            .Replace("private readonly double[,] hiddenWeights;", "private double[,] hiddenWeights;")
            .Replace("public double[] Forward(", "private static void Fill(ref double first) => first = 1;\n\n    public double[] Forward("));

    [Fact]
    public Task Weights_assigned_from_a_loader_are_not_reported() =>
        VerifyAsync(TwoLayerNetwork.Replace("HIDDEN_INIT;", "Load();")
            .Replace("public double[] Forward(", "private static double[,] Load() => new double[1, 1];\n\n    public double[] Forward("));

    private const string GaussianHidden = """
        using System;

        public sealed class Network
        {
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hidden;
            private readonly Random random = new Random(5);

            public Network(int inputs, int units)
            {
                hiddenWeights = new double[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        WRITE;
                outputWeights = new double[1, units];
                for (int j = 0; j < units; j++) outputWeights[0, j] = Gaussian() * Math.Sqrt(1.0 / units);
                hidden = new double[units];
            }

            public double Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += hiddenWeights[i, j] * x[j];
                    hidden[i] = Math.Max(0, sum);
                }

                double output = 0;
                for (int j = 0; j < hidden.Length; j++) output += outputWeights[0, j] * hidden[j];
                return output;
            }

            private double Gaussian()
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            }
        }
        """;

    [Fact]
    public Task A_scale_that_integer_division_makes_zero_is_reported_with_the_reason() =>
        VerifyAsync(
            GaussianHidden.Replace("WRITE", "{|#0:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / inputs)|}"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", " whenever inputs exceeds 2, because 2 / inputs is integer division", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Theory]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)")]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2d / inputs)")]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt((double)2 / inputs)")]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / (double)inputs)")]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(200 / inputs)")]
    [InlineData("hiddenWeights[i, j] = Gaussian() / Math.Sqrt(2 / inputs)")]
    public Task Floating_point_or_large_numerators_are_not_zero_by_construction(string write) =>
        VerifyAsync(GaussianHidden.Replace("WRITE", write));
}

using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT004 on hand-written networks: random weights whose scale ignores fan-in, or that are not centred on zero.</summary>
public sealed class UnscaledRandomArrayTests
{
    private const string Network = """
        using System;

        public sealed class Network
        {
            private readonly double[,] w1;
            private readonly double[,] w2;
            private readonly double[] hidden;
            private readonly Random random = new Random(3);

            public Network(int inputs, int units)
            {
                w1 = new double[units, inputs];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        HIDDEN;
                w2 = new double[1, units];
                for (int j = 0; j < units; j++) w2[0, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + 1));
                hidden = new double[units];
            }

            public double Forward(double[] x)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < x.Length; j++) sum += w1[i, j] * x[j];
                    hidden[i] = Math.Max(0, sum);
                }

                double output = 0;
                for (int j = 0; j < hidden.Length; j++) output += w2[0, j] * hidden[j];
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
    public Task NextDouble_is_reported_as_positive_only() =>
        VerifyAsync(
            Network.Replace("HIDDEN", "{|#0:w1[i, j] = random.NextDouble()|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Fact]
    public Task A_constant_allocation_gives_the_He_bound_for_the_layers_fan_in() =>
        VerifyAsync(
            Network.Replace("w1 = new double[units, inputs];", "w1 = new double[64, 784];").Replace("HIDDEN", "{|#0:w1[i, j] = random.NextDouble() * 2 - 1|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U(-1, 1)", "whose fixed scale (std 0.577) is 11 times larger than the He std 0.0505 for fan_in 784, so the signal grows with every layer", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in) = 0.0875 for fan_in 784)"));

    [Fact]
    public Task A_normal_draw_gets_the_He_std_for_the_layers_fan_in() =>
        VerifyAsync(
            Network.Replace("w1 = new double[units, inputs];", "w1 = new double[64, 784];").Replace("HIDDEN", "{|#0:w1[i, j] = Gaussian()|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "N(0, 1)", "whose fixed scale (std 1) is 20 times larger than the He std 0.0505 for fan_in 784, so the signal grows with every layer", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in) = 0.0505 for fan_in 784)"));

    [Fact]
    public Task A_tanh_layer_gets_the_Xavier_bound_for_both_constant_fans() =>
        VerifyAsync(
            Network.Replace("w1 = new double[units, inputs];", "w1 = new double[100, 200];").Replace("Math.Max(0, sum)", "Math.Tanh(sum)").Replace("HIDDEN", "{|#0:w1[i, j] = random.NextDouble() - 0.5|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U(-0.5, 0.5)", "whose fixed scale (std 0.289) is 3.5 times larger than the Xavier std 0.0816 for fan_in 200, so the signal grows with every layer", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)) = 0.141 for fan_in 200 and fan_out 100)"));

    [Fact]
    public Task A_jagged_layer_takes_fan_in_from_its_rows_and_fan_out_from_its_row_count() =>
        VerifyAsync(
            ConstantWeightsArrayTests.Network.Replace("new float[units][]", "new float[64][]").Replace("new float[inputs]", "new float[784]")
                .Replace("INIT", "for (int j = 0; j < inputs; j++) {|#0:w1[i][j] = random.NextSingle() * 2 - 1|};"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U(-1, 1)", "whose fixed scale (std 0.577) is 12 times larger than the Xavier std 0.0486 for fan_in 784, so the signal grows with every layer", "Xavier uniform values, which suit the tanh that follows (bound sqrt(6 / (fan_in + fan_out)) = 0.0841 for fan_in 784 and fan_out 64)"));

    [Fact]
    public Task Allocations_that_disagree_give_no_number() =>
        VerifyAsync(
            Network.Replace("private readonly double[,] w1;", "private readonly double[,] w1 = new double[64, 100];").Replace("w1 = new double[units, inputs];", "w1 = new double[64, 784];").Replace("HIDDEN", "{|#0:w1[i, j] = Gaussian()|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "N(0, 1)", "whose fixed scale (std 1) ignores the fan-in, so the signal grows with every layer wider than 2 inputs", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Fact]
    public Task Sizes_that_are_not_constants_give_no_number() =>
        VerifyAsync(
            Network.Replace("w1 = new double[units, inputs];", "w1 = new double[64, inputs];").Replace("HIDDEN", "{|#0:w1[i, j] = Gaussian()|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "N(0, 1)", "whose fixed scale (std 1) ignores the fan-in, so the signal grows with every layer wider than 2 inputs", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Theory]
    [InlineData("random.NextDouble() * 2 - 1")]
    [InlineData("random.NextDouble() * 2.0 - 1.0")]
    [InlineData("2 * random.NextDouble() - 1")]
    [InlineData("random.NextDouble() - 0.5")]
    [InlineData("(float)(random.NextDouble() - 0.5)")]
    [InlineData("Gaussian()")]
    [InlineData("Gaussian() * 1.0")]
    public Task Fixed_scales_that_ignore_fan_in_are_reported(string draw) =>
        VerifyAsync(Network.Replace("HIDDEN", "{|INIT004:w1[i, j] = " + draw + "|}"));

    [Theory]
    [InlineData("(random.NextDouble() * 2 - 1) / Math.Sqrt(inputs)")]
    [InlineData("Gaussian() * Math.Sqrt(2.0 / inputs)")]
    [InlineData("(random.NextDouble() - 0.5) * 0.1")]
    [InlineData("Gaussian() * 0.01")]
    [InlineData("reader(i, j)")]
    public Task Scaled_or_small_or_unknown_values_are_not_reported(string draw) =>
        VerifyAsync(Network.Replace("public Network(int inputs, int units)", "public Network(int inputs, int units, Func<int, int, double> reader)").Replace("HIDDEN", "w1[i, j] = " + draw));

    private const string RangeHelpers = """
            private double RandomValue(double lower, double upper) => random.NextDouble() * (upper - lower) + lower;

            private double Centred(double scale) => (random.NextDouble() * 2 - 1) * scale;

            private double Shifted(double lower, double upper)
            {
                lower = lower * 2;
                return random.NextDouble() * (upper - lower) + lower;
            }

            private double Scaled(int fanIn) => Gaussian() * Math.Sqrt(2.0 / fanIn);

            private double Twice(double lower, double upper) => RandomValue(lower, upper) * 2;

            private double Gaussian()
        """;

    [Fact]
    public Task A_helper_drawing_between_the_numbers_its_call_gives_is_read_with_those_numbers() =>
        VerifyAsync(
            Network.Replace("    private double Gaussian()\n", RangeHelpers).Replace("HIDDEN", "{|#0:w1[i, j] = RandomValue(-1, 1)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U(-1, 1)", "whose fixed scale (std 0.577) ignores the fan-in, so the signal grows with every layer wider than 6 inputs", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Theory]
    [InlineData("RandomValue(0, 1)")]
    [InlineData("RandomValue(-2.0, 2.0)")]
    [InlineData("Centred(1)")]
    [InlineData("Twice(-0.5, 0.5)")]
    public Task Helpers_given_fixed_ranges_are_reported(string call) =>
        VerifyAsync(Network.Replace("    private double Gaussian()\n", RangeHelpers).Replace("HIDDEN", "{|INIT004:w1[i, j] = " + call + "|}"));

    [Theory]
    [InlineData("RandomValue(-bound, bound)")]
    [InlineData("Centred(1 / Math.Sqrt(inputs))")]
    [InlineData("Centred(Math.Sqrt(6.0 / (inputs + units)))")]
    [InlineData("Shifted(-1, 1)")]
    [InlineData("Scaled(inputs)")]
    [InlineData("Scaled(784)")]
    public Task A_helper_given_a_scale_from_sizes_or_that_changes_its_parameters_is_not_reported(string call) =>
        VerifyAsync(Network.Replace("    private double Gaussian()\n", RangeHelpers).Replace("HIDDEN", "w1[i, j] = " + call).Replace("w1 = new double[units, inputs];", "w1 = new double[units, inputs];\n        double bound = Math.Sqrt(6.0 / inputs);"));

    [Fact]
    public Task An_integer_draw_over_a_fine_grid_divided_by_a_constant_is_read_as_a_uniform() =>
        VerifyAsync(
            Network.Replace("HIDDEN", "{|#0:w1[i, j] = random.Next(-200, 200) / 100.0|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U(-2, 1.99)", "whose fixed scale (std 1.15) ignores the fan-in, so the signal grows with every layer wider than 2 inputs", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Theory]
    [InlineData("random.Next(-200, 200) / 100")]
    [InlineData("random.Next(-1, 2)")]
    [InlineData("random.Next(3) - 1")]
    [InlineData("random.Next(-inputs, inputs) / 100.0")]
    public Task Integer_draws_among_few_values_or_truncated_or_sized_are_not_read(string draw) =>
        VerifyAsync(Network.Replace("HIDDEN", "w1[i, j] = " + draw));

    [Fact]
    public Task Unity_Random_Range_is_read_as_a_uniform() =>
        VerifyAsync(Network.Replace("HIDDEN", "{|INIT004:w1[i, j] = UnityEngine.Random.Range(-1f, 1f)|}") + """

            namespace UnityEngine
            {
                public static class Random
                {
                    public static float Range(float minInclusive, float maxInclusive) => minInclusive;
                }
            }
            """);

    [Fact]
    public Task A_single_layer_model_is_not_judged() =>
        VerifyAsync("""
            using System;

            public sealed class Perceptron
            {
                private readonly double[] weights;

                public Perceptron(int inputs, Random random)
                {
                    weights = new double[inputs];
                    for (int i = 0; i < inputs; i++) weights[i] = random.NextDouble();
                }

                public double Output(double[] x)
                {
                    double sum = 0;
                    for (int i = 0; i < x.Length; i++) sum += weights[i] * x[i];
                    return sum > 0 ? 1 : 0;
                }
            }
            """);

    [Fact]
    public Task A_small_fixed_scale_far_below_the_scheme_for_a_constant_fan_in_is_reported() =>
        VerifyAsync(
            Network.Replace("w1 = new double[units, inputs];", "w1 = new double[64, 784];").Replace("HIDDEN", "{|#0:w1[i, j] = Gaussian() * 0.01|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "N(0, 0.01)", "whose fixed scale (std 0.01) is 5.1 times smaller than the He std 0.0505 for fan_in 784, so the signal fades with every layer", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in) = 0.0505 for fan_in 784)"));

    [Theory]
    [InlineData("w1 = new double[64, 784];", "Gaussian() * 0.05")]
    [InlineData("w1 = new double[64, 784];", "Gaussian() * 0.015")]
    [InlineData("w1 = new double[8, 4];", "random.NextDouble() - 0.5")]
    [InlineData("w1 = new double[units, inputs];", "Gaussian() * 0.01")]
    public Task Fixed_scales_near_the_scheme_for_a_constant_fan_in_or_small_with_an_unknown_fan_in_are_not_reported(string allocation, string draw) =>
        VerifyAsync(Network.Replace("w1 = new double[units, inputs];", allocation).Replace("HIDDEN", "w1[i, j] = " + draw));
}

using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// INIT003 on hand-written networks: the scheme a scale formula implements (He, Xavier, LeCun; normal or uniform; through
/// locals and divisions) against the activation applied to the layer's weighted sum. Formulas that are none of the schemes,
/// unknown activations and output layers stay silent.
/// </summary>
public sealed class HandWrittenActivationMismatchTests
{
    private const string Mlp = """
        using System;

        public sealed class Network
        {
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hidden;
            private readonly Random random = new Random(1);

            public Network(int inputs, int hiddenUnits, int outputs)
            {
                hiddenWeights = new double[hiddenUnits, inputs];
                outputWeights = new double[outputs, hiddenUnits];
                for (int i = 0; i < hiddenUnits; i++)
                    for (int j = 0; j < inputs; j++)
                    {
                        HIDDEN;
                    }

                for (int i = 0; i < outputs; i++)
                    for (int j = 0; j < hiddenUnits; j++)
                        outputWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / (hiddenUnits + outputs));
                hidden = new double[hiddenUnits];
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

                var output = new double[outputWeights.GetLength(0)];
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        output[i] += outputWeights[i, j] * hidden[j];
                return output;
            }

            private static double HeStd(int fanIn) => Math.Sqrt(2.0 / fanIn);

            private double Gaussian()
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            }
        }
        """;

    internal const string Tanh = "Math.Tanh(sum)";
    internal const string Sigmoid = "1.0 / (1.0 + Math.Exp(-sum))";
    internal const string ReLU = "Math.Max(0, sum)";

    internal static string Network(string hidden, string activation) => Mlp.Replace("HIDDEN", hidden).Replace("ACTIVATION", activation);

    [Theory]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)|}", Sigmoid)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Math.Sqrt(2.0 / inputs) * Gaussian()|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = (2 * random.NextDouble() - 1) * Math.Sqrt(6f / inputs)|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0) / Math.Sqrt(inputs)|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / (double)inputs)|}", Tanh)]
    [InlineData("double std = Math.Sqrt(2.0 / inputs);\n                {|INIT003:hiddenWeights[i, j] = Gaussian() * std|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Gaussian() * HeStd(inputs)|}", Tanh)]
    [InlineData("{|INIT003:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / (inputs * 1))|}", Tanh)] // a product of sizes (channels * k * k)
    public Task A_scheme_that_does_not_suit_the_activation_is_reported(string hidden, string activation) =>
        VerifyAsync(Network(hidden, activation));

    [Theory]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)", ReLU)] // He before ReLU
    [InlineData("hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)", ReLU)] // He uniform before ReLU
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / (inputs + hiddenUnits))", Tanh)] // Xavier before tanh
    [InlineData("hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (inputs + hiddenUnits))", Sigmoid)] // Xavier uniform before sigmoid
    [InlineData("hiddenWeights[i, j] = Gaussian() / Math.Sqrt(inputs)", Tanh)] // LeCun before tanh: within the factor 2
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / (inputs + hiddenUnits))", ReLU)] // Xavier before ReLU, one hidden layer
    [InlineData("hiddenWeights[i, j] = Gaussian() / Math.Sqrt(inputs)", ReLU)] // LeCun before ReLU, one hidden layer
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(3.0 / inputs)", Tanh)] // a gain of the author's own: not a scheme
    [InlineData("hiddenWeights[i, j] = Gaussian() * 1.7 / Math.Sqrt(inputs)", ReLU)] // likewise
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs) * 0.5", Tanh)] // rescaled after the formula
    [InlineData("hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(2.0 / inputs)", Tanh)] // variance 2 / (3 fan_in): no scheme
    [InlineData("hiddenWeights[i, j] = random.NextDouble() * Math.Sqrt(6.0 / inputs)", Tanh)] // not zero-centred: no scheme
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)", "Activate(sum)")] // unknown activation
    [InlineData("hiddenWeights[i, j] = Gaussian() * HeStd(inputs)", ReLU)] // He through a helper, before ReLU
    [InlineData("hiddenWeights[i, j] = Gaussian() * (18446744073709551615UL / (ulong)inputs)", Tanh)] // a numerator beyond long: no crash
    public Task A_scheme_that_suits_or_cannot_be_judged_is_not_reported(string hidden, string activation) =>
        VerifyAsync(Network(hidden, activation).Replace("    private double Gaussian()", "    public Func<double, double> Activate { get; set; } = x => x;\n\n    private double Gaussian()"));

    [Fact]
    public Task An_integer_division_is_a_zero_scale_not_a_scheme() =>
        VerifyAsync(Network("{|INIT001:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / inputs)|}", Tanh));

    [Fact]
    public Task A_formula_broken_by_precedence_is_reported_with_what_it_evaluates_to() =>
        VerifyAsync(
            Network("{|#0:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs + hiddenUnits)|}", Tanh),
            Diagnostic("INIT004").WithLocation(0).WithArguments(
                "hiddenWeights",
                "N(0, 1) times Math.Sqrt(2.0 / inputs + hiddenUnits)",
                "whose scale adds hiddenUnits to 2.0 / inputs (operator precedence), so it is about sqrt(hiddenUnits), not a fan-scaled std, and the signal grows with the layer's width",
                "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Theory]
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt((2.0 / inputs) + hiddenUnits)")] // parenthesized on purpose
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs + 1)")] // a constant added: not a size
    [InlineData("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs + Epsilon)")] // a floating-point term: not a size
    public Task A_sum_under_the_root_written_on_purpose_is_not_reported(string hidden) =>
        VerifyAsync(Network(hidden, Tanh).Replace("    private static double HeStd", "    private static readonly double Epsilon = 1e-8;\n\n    private static double HeStd"));

    [Fact]
    public Task The_message_names_the_scheme_the_activation_where_it_is_applied_and_the_remedy() =>
        VerifyAsync(
            Network("{|#0:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)|}", Tanh),
            Diagnostic("INIT003").WithLocation(0).WithArguments(
                "hiddenWeights",
                "He (Kaiming) normal with the ReLU gain",
                "tanh in Network.Forward (Test0.cs)",
                "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)",
                "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    internal const string Deep = """
        using System;

        public sealed class DeepNetwork
        {
            private readonly double[,] w1, w2, w3;
            private readonly double[] h1, h2;
            private readonly Random random = new Random(1);

            public DeepNetwork(int inputs, int units, int outputs)
            {
                w1 = new double[units, inputs];
                w2 = new double[units, units];
                w3 = new double[outputs, units];
                h1 = new double[units];
                h2 = new double[units];
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < inputs; j++)
                        FIRST;
                for (int i = 0; i < units; i++)
                    for (int j = 0; j < units; j++)
                        SECOND;
                for (int i = 0; i < outputs; i++)
                    for (int j = 0; j < units; j++)
                        w3[i, j] = Gaussian() * Math.Sqrt(1.0 / units);
            }

            public double[] Forward(double[] x)
            {
                for (int i = 0; i < h1.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < x.Length; j++) s += w1[i, j] * x[j];
                    h1[i] = Math.Max(0, s);
                }

                for (int i = 0; i < h2.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < h1.Length; j++) s += w2[i, j] * h1[j];
                    h2[i] = Math.Max(0, s);
                }

                var y = new double[w3.GetLength(0)];
                for (int i = 0; i < y.Length; i++)
                    for (int j = 0; j < h2.Length; j++)
                        y[i] += w3[i, j] * h2[j];
                return y;
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
    public Task Xavier_before_ReLU_is_reported_in_a_network_of_two_hidden_layers() =>
        VerifyAsync(Deep
            .Replace("FIRST", "{|INIT003:w1[i, j] = Gaussian() * Math.Sqrt(2.0 / (inputs + units))|}")
            .Replace("SECOND", "{|INIT003:w2[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (units + units))|}"));

    [Theory]
    [InlineData("{|INIT003:w1[i, j] = Gaussian() / Math.Sqrt(inputs)|}", "{|INIT003:w2[i, j] = Gaussian() * (1.0 / Math.Sqrt(units))|}")]
    [InlineData("{|INIT003:w1[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(3.0 / inputs)|}", "w2[i, j] = Gaussian() * Math.Sqrt(2.0 / units)")]
    public Task LeCun_before_ReLU_is_reported_in_a_network_of_two_hidden_layers(string first, string second) =>
        VerifyAsync(Deep.Replace("FIRST", first).Replace("SECOND", second));

    [Fact]
    public Task He_before_ReLU_in_a_network_of_two_hidden_layers_is_not_reported() =>
        VerifyAsync(Deep
            .Replace("FIRST", "w1[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)")
            .Replace("SECOND", "w2[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / units)"));
}

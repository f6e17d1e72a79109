using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.MathNetVerifier;
using static InitAnalyzers.Tests.Rules.MathNetZeroWeightsTests;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// INIT004 on MathNet.Numerics layers: random weights whose scale ignores fan-in or that are not centred on zero.
/// MathNet's <c>Random(r, c)</c> draws from <c>new Normal(SystemRandomSource.Default)</c>, i.e. N(0, 1), and
/// <c>new ContinuousUniform()</c> is U(0, 1) (MathNet.Numerics 5.0.0, Builder.cs and ContinuousUniform.cs).
/// </summary>
public sealed class MathNetUnscaledRandomTests
{
    private const string ReLURemedy = "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))";

    private static string WithRandom(string source) =>
        source.Replace("private readonly Vector<double> b2;", "private readonly Vector<double> b2;\n    private readonly Random rng = new Random(7);");

    [Fact]
    public Task Build_Random_without_a_distribution_is_standard_normal() =>
        VerifyAsync(
            Network("{|#0:Matrix<double>.Build.Random(hidden, inputs)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "N(0, 1)", "whose fixed scale (std 1) ignores the fan-in, so the signal grows with every layer wider than 2 inputs", ReLURemedy));

    [Fact]
    public Task ContinuousUniform_without_bounds_is_positive_only() =>
        VerifyAsync(
            Network("{|#0:Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform())|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Theory]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, 42)")]
    [InlineData("CreateMatrix.Random<double>(hidden, inputs)")]
    [InlineData("CreateMatrix.Random<double>(hidden, inputs, new Normal(0, 1))")]
    [InlineData("DenseMatrix.CreateRandom(hidden, inputs, new Normal())")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-1, 1))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-0.5, 0.5, rng))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, 1, rng))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(rng))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, Normal.WithMeanStdDev(0, 1))")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, (i, j) => rng.NextDouble())")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, (i, j) => rng.NextDouble() * 2 - 1)")]
    [InlineData("DenseMatrix.Create(hidden, inputs, (i, j) => rng.NextDouble() - 0.5)")]
    public Task Every_unscaled_draw_is_reported(string factory) =>
        VerifyAsync(WithRandom(Network("{|INIT004:" + factory + "|}")));

    [Fact]
    public Task A_distribution_held_in_a_local_is_read() =>
        VerifyAsync(Network("{|INIT004:Matrix<double>.Build.Random(hidden, inputs, distribution)|}")
            .Replace("w1 = ", "var distribution = new Normal(0, 1);\n        w1 = "));

    [Fact]
    public Task A_float_layer_read_as_a_row_vector_is_reported() =>
        VerifyAsync(
            Network("{|INIT004:Matrix<float>.Build.Random(inputs, hidden)|}", "Matrix<float>.Build.Random(hidden, outputs, new Normal(0, Math.Sqrt(1.0 / hidden)))")
                .Replace("Matrix<double>", "Matrix<float>").Replace("Vector<double>", "Vector<float>")
                .Replace("(w1 * x + b1)", "(x * w1 + b1)").Replace("return w2 * h + b2;", "return h * w2 + b2;"));

    [Fact]
    public Task A_loop_of_NextDouble_over_a_zero_matrix_is_reported_at_the_write() =>
        VerifyAsync(WithRandom(Network("Matrix<double>.Build.Dense(hidden, inputs)"))
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) {|INIT004:w1[i, j] = rng.NextDouble()|};"));

    [Fact]
    public Task An_unscaled_output_layer_is_reported_too() =>
        VerifyAsync(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))", "{|INIT004:Matrix<double>.Build.Random(outputs, hidden)|}"));

    [Theory]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, 1.0 / Math.Sqrt(inputs), rng))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-limit, limit))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, 0.01))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-0.05, 0.05))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new LogNormal(0, 1))")]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, Distribution)")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, (i, j) => (rng.NextDouble() * 2 - 1) / Math.Sqrt(inputs))")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, (i, j) => reader(i, j))")]
    public Task Scaled_small_or_unknown_draws_are_not_reported(string factory) =>
        VerifyAsync(WithRandom(Network(factory))
            .Replace("public Mlp(int inputs, int hidden, int outputs)", "public Mlp(int inputs, int hidden, int outputs, Func<int, int, double> reader)")
            .Replace("w1 = ", "var limit = Math.Sqrt(6.0 / (inputs + hidden));\n        w1 = ")
            .Replace("    public Vector<double> Forward(", "    private static IContinuousDistribution Distribution => new Normal(0, 1);\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_single_layer_regression_drawn_from_N01_is_not_reported() =>
        VerifyAsync("""
            using MathNet.Numerics.LinearAlgebra;

            public sealed class LinearRegression
            {
                private Matrix<double> weights = Matrix<double>.Build.Random(1, 13);

                public Vector<double> Predict(Vector<double> x) => weights * x;

                public void Fit(Vector<double> x, Vector<double> error, double rate) => weights = weights - rate * error.OuterProduct(x);
            }
            """);

    [Fact]
    public Task Random_biases_and_random_noise_matrices_are_not_weights() =>
        VerifyAsync(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))")
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Random(hidden);")
            .Replace("    public Vector<double> Forward(", """
                private readonly Matrix<double> noise = Matrix<double>.Build.Random(4, 4);

                public Vector<double> Jitter(Vector<double> v) => noise * v;

                public Vector<double> Forward(
            """));

    [Fact]
    public Task A_random_matrix_overwritten_by_a_loader_is_not_reported() =>
        VerifyAsync(Network("Matrix<double>.Build.Random(hidden, inputs)")
            .Replace("private readonly Matrix<double> w1;", "private Matrix<double> w1;")
            .Replace("    public Vector<double> Forward(", "    public void Load(System.IO.BinaryReader reader) => w1 = Matrix<double>.Build.Dense(w1.RowCount, w1.ColumnCount, (i, j) => reader.ReadDouble());\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_toy_network_drawing_through_a_method_group_is_reported_on_both_layers() =>
        VerifyAsync(ToyNetwork);

    internal const string ToyNetwork = """
        using System;
        using MathNet.Numerics.LinearAlgebra;

        public class ToyNetwork
        {
            private readonly Random random = new Random();
            private Matrix<double> weightsInputHidden;
            private Matrix<double> weightsHiddenOutput;
            private Matrix<double> biasHidden;
            private Matrix<double> biasOutput;

            public ToyNetwork(int inputs, int hidden, int outputs)
            {
                Inputs = inputs;
                Hidden = hidden;
                Outputs = outputs;
                CreateMatrices();
            }

            public int Inputs { get; }

            public int Hidden { get; }

            public int Outputs { get; }

            private Squash Activation { get; } = Squash.Logistic;

            public void Print() => Console.WriteLine(weightsInputHidden);

            public Matrix<double> Predict(Matrix<double> input)
            {
                var hidden = (weightsInputHidden * input + biasHidden).Map(Activation.Forward);
                return (weightsHiddenOutput * hidden + biasOutput).Map(Activation.Forward);
            }

            public void Train(Matrix<double> input, Matrix<double> target, double rate)
            {
                var hidden = (weightsInputHidden * input + biasHidden).Map(Activation.Forward);
                var output = (weightsHiddenOutput * hidden + biasOutput).Map(Activation.Forward);
                var outputGradient = output.Map(Activation.Backward).PointwiseMultiply(target - output) * rate;
                weightsHiddenOutput += outputGradient * hidden.Transpose();
                biasOutput += outputGradient;
                var hiddenGradient = hidden.Map(Activation.Backward).PointwiseMultiply(weightsHiddenOutput.Transpose() * (target - output)) * rate;
                weightsInputHidden += hiddenGradient * input.Transpose();
                biasHidden += hiddenGradient;
            }

            private double Uniform(int row, int column) => random.NextDouble() * 2 - 1;

            private void CreateMatrices()
            {
                weightsInputHidden = {|INIT004:Matrix<double>.Build.Dense(Hidden, Inputs, Uniform)|};
                weightsHiddenOutput = {|INIT004:Matrix<double>.Build.Dense(Outputs, Hidden, Uniform)|};
                biasHidden = Matrix<double>.Build.Dense(Hidden, 1, Uniform);
                biasOutput = Matrix<double>.Build.Dense(Outputs, 1, Uniform);
            }

            internal sealed class Squash
            {
                public static readonly Squash Logistic = new Squash { Forward = x => 1 / (1 + Math.Exp(-x)), Backward = y => y * (1 - y) };

                public Func<double, double> Forward { get; private set; } = x => x;

                public Func<double, double> Backward { get; private set; } = x => 1;
            }
        }
        """;
}

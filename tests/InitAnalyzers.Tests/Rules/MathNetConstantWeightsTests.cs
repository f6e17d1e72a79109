using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.MathNetVerifier;
using static InitAnalyzers.Tests.Rules.MathNetZeroWeightsTests;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT002 on MathNet.Numerics layers: every weight of a hidden layer holds one non-zero constant.</summary>
public sealed class MathNetConstantWeightsTests
{
    [Fact]
    public Task Build_Dense_with_a_value_is_reported_with_the_constant() =>
        VerifyAsync(
            Network("{|#0:Matrix<double>.Build.Dense(hidden, inputs, 0.5)|}"),
            Diagnostic("INIT002").WithLocation(0).WithArguments("w1", "0.5", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Theory]
    [InlineData("DenseMatrix.Create(hidden, inputs, 0.5)")]
    [InlineData("CreateMatrix.Dense(hidden, inputs, 0.5)")]
    [InlineData("CreateMatrix.Dense<double>(hidden, inputs, 1.0)")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, (i, j) => 0.1)")]
    [InlineData("DenseMatrix.Create(hidden, inputs, (i, j) => 0.01)")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, Init)")]
    public Task Every_constant_factory_is_reported(string factory) =>
        VerifyAsync(Network("{|INIT002:" + factory + "|}").Replace("    public Vector<double> Forward(", "    private static double Init(int row, int column) => 0.25;\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_float_layer_read_as_a_row_vector_is_reported() =>
        VerifyAsync(
            Network("{|#0:Matrix<float>.Build.Dense(inputs, hidden, 0.01f)|}", "Matrix<float>.Build.Random(hidden, outputs, new Normal(0, Math.Sqrt(1.0 / hidden)))")
                .Replace("Matrix<double>", "Matrix<float>").Replace("Vector<double>", "Vector<float>")
                .Replace("(w1 * x + b1).Map(v => Math.Max(0, v))", "(x * w1 + b1).Map(v => 1f / (1f + MathF.Exp(-v)))").Replace("return w2 * h + b2;", "return h * w2 + b2;"),
            Diagnostic("INIT002").WithLocation(0).WithArguments("w1", "0.01", "Xavier normal values, which suit the sigmoid that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task A_constant_through_a_helper_is_reported_at_the_call() =>
        VerifyAsync(Network("{|INIT002:Filled(hidden, inputs)|}").Replace("    public Vector<double> Forward(", "    private static Matrix<double> Filled(int r, int c) => DenseMatrix.Create(r, c, 0.3);\n\n    public Vector<double> Forward("));

    [Fact]
    public Task Constant_biases_and_a_constant_output_layer_are_not_reported() =>
        VerifyAsync(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))", "Matrix<double>.Build.Dense(outputs, hidden, 0.5)")
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden, 0.1);"));

    [Fact]
    public Task An_identity_and_a_diagonal_are_structure_not_constants() =>
        VerifyAsync(Network("Matrix<double>.Build.DenseIdentity(hidden, inputs)")
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        w1[0, 0] = 2;"));

    [Fact]
    public Task Two_different_constants_are_not_one_constant() =>
        VerifyAsync(Network("Matrix<double>.Build.Dense(hidden, inputs, 0.5)")
            .Replace("private readonly Matrix<double> w1;", "private Matrix<double> w1;")
            .Replace("    public Vector<double> Forward(", "    public void Reset() => w1 = Matrix<double>.Build.Dense(w1.RowCount, w1.ColumnCount, 0.25);\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_value_from_a_variable_is_not_a_known_constant() =>
        VerifyAsync(Network("Matrix<double>.Build.Dense(hidden, inputs, start)").Replace("public Mlp(int inputs, int hidden, int outputs)", "public Mlp(int inputs, int hidden, int outputs, double start = 0.5)"));

    [Fact]
    public Task A_single_layer_model_with_a_constant_start_is_not_reported() =>
        VerifyAsync("""
            using MathNet.Numerics.LinearAlgebra;

            public sealed class Perceptron
            {
                private readonly Vector<double> weights = Vector<double>.Build.Dense(10, 0.5);

                public double Predict(Vector<double> x) => weights.DotProduct(x) > 0 ? 1 : 0;
            }
            """);

    [Fact]
    public Task A_constant_start_overwritten_by_random_values_is_not_reported() =>
        VerifyAsync(Network("Matrix<double>.Build.Dense(hidden, inputs, 0.5)")
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        w1.MapInplace(v => v * System.Random.Shared.NextDouble());"));
}

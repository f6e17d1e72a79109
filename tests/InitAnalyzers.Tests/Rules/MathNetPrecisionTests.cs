using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.MathNetVerifier;
using static InitAnalyzers.Tests.Rules.MathNetZeroWeightsTests;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// MathNet matrices that hold zeros, constants or unscaled random values legitimately, or whose values the analyzer
/// cannot see: none is reported (DOMAIN.md section 4). Also code as the editor sees it while typing.
/// </summary>
public sealed class MathNetPrecisionTests
{
    private const string ZeroHidden = "Matrix<double>.Build.Dense(hidden, inputs)";

    private static string WithMember(string source, string member) =>
        source.Replace("    public Vector<double> Forward(", member + "\n\n    public Vector<double> Forward(");

    [Fact]
    public Task Zero_biases_and_a_zero_output_layer_are_not_reported() =>
        VerifyAsync(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))", "Matrix<double>.Build.Dense(outputs, hidden)"));

    [Theory]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))", "Matrix<double>.Build.Dense(outputs, hidden)")]
    [InlineData("{|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|}", "Matrix<double>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))")]
    public Task A_field_reused_for_every_layers_output_links_them_in_order(string hidden, string output) =>
        VerifyAsync(Network(hidden, output)
            .Replace("private readonly Vector<double> b2;", "private readonly Vector<double> b2;\n    private Vector<double> state = null!;")
            .Replace("""
                    var h = (w1 * x + b1).Map(v => Math.Max(0, v));
                    return w2 * h + b2;
            """, """
                    state = x;
                    state = (w1 * state + b1).Map(v => Math.Max(0, v));
                    state = w2 * state + b2;
                    return state;
            """));

    [Fact]
    public Task A_single_layer_regression_is_not_reported() =>
        VerifyAsync("""
            using MathNet.Numerics.LinearAlgebra;

            public sealed class LogisticRegression
            {
                private Matrix<double> weights = Matrix<double>.Build.Dense(3, 20);
                private Vector<double> bias = Vector<double>.Build.Dense(3);

                public Vector<double> Predict(Vector<double> x) => (weights * x + bias).Map(v => 1.0 / (1.0 + System.Math.Exp(-v)));

                public void Train(Vector<double> x, Vector<double> error, double rate)
                {
                    weights -= rate * error.OuterProduct(x);
                    bias -= rate * error;
                }
            }
            """);

    [Fact]
    public Task Gradient_momentum_and_Adam_matrices_are_not_weights() =>
        VerifyAsync(WithMember(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))"), """
                private Matrix<double> gradW1 = Matrix<double>.Build.Dense(8, 4);
                private Matrix<double> velocityW1 = Matrix<double>.Build.Dense(8, 4);
                private Matrix<double> firstMomentW1 = Matrix<double>.Build.Dense(8, 4);
                private Matrix<double> cachedWeights = Matrix<double>.Build.Dense(8, 4);

                public void Backward(Vector<double> x, Vector<double> delta, double rate)
                {
                    gradW1 = delta.OuterProduct(x);
                    velocityW1 = 0.9 * velocityW1 + gradW1;
                    firstMomentW1 = 0.9 * firstMomentW1 + 0.1 * gradW1;
                    var back = gradW1.Transpose() * delta + cachedWeights * x;
                }
            """));

    [Theory]
    [InlineData("w1 = LoadFromFile(path);", "private static Matrix<double> LoadFromFile(string path) => DelimitedReader(path);\n    private static Matrix<double> DelimitedReader(string path) => Matrix<double>.Build.Dense(1, 1);")]
    [InlineData("w1.SetSubMatrix(0, 0, Matrix<double>.Build.Random(1, 1, new Normal(0, 0.1)));", "")]
    [InlineData("other.w1.CopyTo(w1);", "")]
    [InlineData("w1.MapInplace(v => v + 0.01 * System.Random.Shared.NextDouble());", "")]
    [InlineData("Randomize(w1);", "private static void Randomize(Matrix<double> m) { }")]
    [InlineData("for (int i = 0; i < w1.RowCount; i++) for (int j = 0; j < w1.ColumnCount; j++) w1[i, j] = other.w1[i, j];", "")]
    public Task A_zero_matrix_filled_later_is_not_reported(string fill, string helper) =>
        VerifyAsync(WithMember(Network(ZeroHidden).Replace("private readonly Matrix<double> w1;", "private Matrix<double> w1;"), $$"""
                public void Load(Mlp other, string path)
                {
                    {{fill}}
                }
                {{helper}}
            """));

    [Fact]
    public Task A_copy_constructor_from_another_network_is_not_reported() =>
        VerifyAsync(WithMember(Network(ZeroHidden).Replace("private readonly Matrix<double> w1;", "private Matrix<double> w1;"), """
                public Mlp(Mlp parent) : this(1, 1, 1)
                {
                    w1 = parent.w1.Clone();
                }
            """));

    [Fact]
    public Task An_alias_that_may_be_written_keeps_the_analyzer_silent() =>
        VerifyAsync(WithMember(Network(ZeroHidden), """
                public Matrix<double> Weights() => w1;
            """));

    [Fact]
    public Task A_public_field_written_by_another_type_is_not_reported() =>
        VerifyAsync(Network(ZeroHidden).Replace("private readonly Matrix<double> w1;", "public Matrix<double> w1;") + """

            public static class Trainer
            {
                public static void Seed(Mlp net) => net.w1.SetRow(0, new double[] { 1, 2, 3 });
            }
            """);

    [Fact]
    public Task A_settable_property_is_not_reported() =>
        VerifyAsync(Network(ZeroHidden).Replace("private readonly Matrix<double> w1;", "public Matrix<double> W1 { get; set; }").Replace("w1 = ", "W1 = ").Replace("(w1 * x", "(W1 * x"));

    [Fact]
    public Task A_residual_branch_starting_at_zero_is_not_reported() =>
        VerifyAsync("""
            using MathNet.Numerics.Distributions;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class ResidualBlock
            {
                private readonly Matrix<double> inner = Matrix<double>.Build.Random(16, 16, new Normal(0, 0.1));
                private readonly Matrix<double> branchWeights = Matrix<double>.Build.Dense(16, 16);
                private readonly Matrix<double> head = Matrix<double>.Build.Random(2, 16, new Normal(0, 0.1));

                public Vector<double> Forward(Vector<double> x)
                {
                    var h = (inner * x).PointwiseMaximum(0);
                    var y = h + branchWeights * h;
                    return head * y;
                }
            }
            """);

    [Fact]
    public Task A_rotation_and_a_covariance_matrix_are_not_weights() =>
        VerifyAsync("""
            using System;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class KalmanFilter
            {
                private Matrix<double> rotation = Matrix<double>.Build.Dense(2, 2);
                private Matrix<double> covariance = Matrix<double>.Build.Dense(4, 4);
                private Matrix<double> transition = Matrix<double>.Build.DenseIdentity(4);
                private readonly Matrix<double> noise = Matrix<double>.Build.Dense(4, 4, 0.01);

                public void SetAngle(double angle)
                {
                    rotation[0, 0] = Math.Cos(angle); rotation[0, 1] = -Math.Sin(angle);
                    rotation[1, 0] = Math.Sin(angle); rotation[1, 1] = Math.Cos(angle);
                }

                public Vector<double> Rotate(Vector<double> point) => rotation * point;

                public void Update(Vector<double> state)
                {
                    covariance = transition * covariance * transition.Transpose() + noise;
                    var projected = covariance * state;
                }
            }
            """);

    [Fact]
    public Task A_matrix_whose_flow_goes_through_an_unknown_method_is_not_reported() =>
        VerifyAsync(Network(ZeroHidden).Replace("var h = (w1 * x + b1).Map(v => Math.Max(0, v));", "var h = Normalize(w1 * x + b1, 0.5);")
            .Replace("    public Vector<double> Forward(", "    private static Vector<double> Normalize(Vector<double> v, double s) => v;\n    private Vector<double> Unrelated(Vector<double> v, Vector<double> u) => v;\n\n    public Vector<double> Forward(")
            .Replace("var h = Normalize(w1 * x + b1, 0.5);", "var h = Unrelated(w1 * x + b1, x);"));

    [Fact]
    public Task A_generic_matrix_of_T_is_left_alone() =>
        VerifyAsync("""
            using System;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class Layer<T> where T : struct, IEquatable<T>, IFormattable
            {
                private readonly Matrix<T> weights = Matrix<T>.Build.Dense(4, 4);
                private readonly Matrix<T> next = Matrix<T>.Build.Dense(2, 4);

                public Matrix<T> Forward(Matrix<T> x) => next * (weights * x);
            }
            """);

    [Fact]
    public Task A_type_without_MathNet_is_untouched_when_MathNet_is_absent() =>
        Infrastructure.AnalyzerVerifier.VerifyAsync("""
            public sealed class Matrix<T> { public static Matrix<T> operator *(Matrix<T> a, Matrix<T> b) => a; }

            public sealed class Net
            {
                private Matrix<double> w1 = new Matrix<double>();
                private Matrix<double> w2 = new Matrix<double>();

                public Matrix<double> Forward(Matrix<double> x) => w2 * (w1 * x);
            }
            """);

    [Theory]
    [InlineData("w1 = {|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|}")]
    [InlineData("w1 = Matrix<double>.Build.Dense(")]
    [InlineData("w1 = Matrix<double>.Build.Random(hidden, , new Normal(0, ")]
    [InlineData("w1 = Matrx<double>.Build.Dense(hidden, inputs);")]
    [InlineData("w1 = {|INIT001:new DenseMatrix(hidden inputs)|};")]
    [InlineData("w1 = Matrix<double>.Build.Dense(hidden, inputs, (i, j) => );")]
    [InlineData("w1 = w1.Multiply(")]
    public async Task Half_typed_code_does_not_crash_and_is_judged_by_what_it_already_says(string line)
    {
        var source = Network("HOLE").Replace("w1 = HOLE;", line).Replace("return w2 * h + b2;", "return w2 * h + ;");
        var test = Infrastructure.AnalyzerVerifier.CreateTest();
        test.ReferenceAssemblies = Infrastructure.TestReferences.Net80WithMathNet;
        test.TestState.Sources.Add(source);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }
}

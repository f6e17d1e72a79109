using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.MathNetVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT001 on MathNet.Numerics layers: a hidden layer's weight matrix that starts at zero, from every factory and across the type.</summary>
public sealed class MathNetZeroWeightsTests
{
    internal const string Mlp = """
        using System;
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;
        using MathNet.Numerics.LinearAlgebra.Double;

        public sealed class Mlp
        {
            private readonly Matrix<double> w1;
            private readonly Matrix<double> w2;
            private readonly Vector<double> b1;
            private readonly Vector<double> b2;

            public Mlp(int inputs, int hidden, int outputs)
            {
                w1 = HIDDEN;
                w2 = OUTPUT;
                b1 = Vector<double>.Build.Dense(hidden);
                b2 = Vector<double>.Build.Dense(outputs);
            }

            public Vector<double> Forward(Vector<double> x)
            {
                var h = (w1 * x + b1).Map(v => Math.Max(0, v));
                return w2 * h + b2;
            }
        }
        """;

    internal const string ScaledOutput = "Matrix<double>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))";

    private const string ReLURemedy = "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))";

    internal static string Network(string hidden, string output = ScaledOutput) => Mlp.Replace("HIDDEN", hidden).Replace("OUTPUT", output);

    [Fact]
    public Task Build_Dense_without_a_value_is_reported_with_the_ReLU_remedy() =>
        VerifyAsync(
            Network("{|#0:Matrix<double>.Build.Dense(hidden, inputs)|}"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("w1", "", ReLURemedy));

    [Theory]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, 0)")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, 0.0)")]
    [InlineData("DenseMatrix.Create(hidden, inputs, 0)")]
    [InlineData("new DenseMatrix(hidden, inputs)")]
    [InlineData("CreateMatrix.Dense<double>(hidden, inputs)")]
    [InlineData("Matrix<double>.Build.Dense(hidden, inputs, (i, j) => 0.0)")]
    [InlineData("DenseMatrix.Build.Dense(hidden, inputs)")]
    public Task Every_zero_factory_is_reported(string factory) =>
        VerifyAsync(Network("{|INIT001:" + factory + "|}"));

    [Fact]
    public Task Weights_held_only_as_the_derived_DenseMatrix_and_DenseVector_types_are_reported() =>
        VerifyAsync("""
            using System;
            using MathNet.Numerics.LinearAlgebra;
            using MathNet.Numerics.LinearAlgebra.Double;

            public sealed class Mlp
            {
                private readonly DenseMatrix w1;
                private readonly DenseMatrix w2;
                private readonly DenseVector b1;

                public Mlp(int inputs, int hidden, int outputs)
                {
                    w1 = {|INIT001:new DenseMatrix(hidden, inputs)|};
                    w2 = DenseMatrix.OfMatrix(Matrix<double>.Build.Random(outputs, hidden) / Math.Sqrt(hidden));
                    b1 = new DenseVector(hidden);
                }

                public Vector<double> Forward(Vector<double> x)
                {
                    var h = (w1 * x + b1).Map(v => Math.Max(0, v));
                    return w2 * h;
                }
            }
            """);

    [Fact]
    public Task Clear_is_reported_where_it_clears() =>
        VerifyAsync(Network("Matrix<double>.Build.Dense(hidden, inputs)")
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        {|INIT001:w1.Clear()|};"));

    [Fact]
    public Task A_zero_loop_over_the_elements_is_reported() =>
        VerifyAsync(Network("Matrix<double>.Build.Dense(hidden, inputs)")
            .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) {|INIT001:w1[i, j] = 0|};"));

    [Fact]
    public Task A_row_vector_layer_x_times_W_is_reported() =>
        VerifyAsync(Network("{|INIT001:Matrix<double>.Build.Dense(inputs, hidden)|}", "Matrix<double>.Build.Random(hidden, outputs, new Normal(0, Math.Sqrt(1.0 / hidden)))")
            .Replace("(w1 * x + b1)", "(x * w1 + b1)").Replace("return w2 * h + b2;", "return h * w2 + b2;"));

    [Fact]
    public Task Float_matrices_with_PointwiseTanh_are_reported_with_the_tanh_remedy() =>
        VerifyAsync(
            Network("{|#0:Matrix<float>.Build.Dense(hidden, inputs)|}", "Matrix<float>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))")
                .Replace("Matrix<double>", "Matrix<float>").Replace("Vector<double>", "Vector<float>")
                .Replace(".Map(v => Math.Max(0, v))", ".PointwiseTanh()"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("w1", "", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Theory]
    [InlineData(".Map(Math.Tanh)", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))")]
    [InlineData(".Map(Logistic)", "Xavier normal values, which suit the sigmoid that follows (std sqrt(2 / (fan_in + fan_out)))")]
    [InlineData(".Map(v => 1.0 / (1.0 + Math.Exp(-v)))", "Xavier normal values, which suit the sigmoid that follows (std sqrt(2 / (fan_in + fan_out)))")]
    [InlineData(".Map(v => v > 0 ? v : 0.01 * v)", "He normal values, which suit the leaky ReLU that follows (std sqrt(2 / fan_in))")]
    [InlineData(".PointwiseMaximum(0)", ReLURemedy)]
    [InlineData(".Map(activation)", "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)")]
    public Task The_remedy_follows_the_activation_applied_to_the_product(string activation, string remedy) =>
        VerifyAsync(
            Network("{|#0:Matrix<double>.Build.Dense(hidden, inputs)|}")
                .Replace(".Map(v => Math.Max(0, v))", activation)
                .Replace("private readonly Vector<double> b2;", "private readonly Vector<double> b2;\n    private readonly Func<double, double> activation = Math.Tanh;")
                .Replace("    public Vector<double> Forward(", "    private static double Logistic(double v) => 1.0 / (1.0 + Math.Exp(-v));\n\n    public Vector<double> Forward("),
            Diagnostic("INIT001").WithLocation(0).WithArguments("w1", "", remedy));

    [Fact]
    public Task A_get_only_property_is_reported() =>
        VerifyAsync(Network("{|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|}")
            .Replace("private readonly Matrix<double> w1;", "public Matrix<double> W1 { get; }").Replace("w1 = ", "W1 = ").Replace("(w1 * x", "(W1 * x"));

    [Fact]
    public Task A_field_initializer_is_reported() =>
        VerifyAsync("""
            using System;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class TinyNet
            {
                private readonly Matrix<double> hiddenWeights = {|INIT001:Matrix<double>.Build.Dense(16, 8)|};
                private readonly Matrix<double> outputWeights = Matrix<double>.Build.Random(1, 16, new MathNet.Numerics.Distributions.Normal(0, 0.05));

                public double Predict(Vector<double> x) => (outputWeights * hiddenWeights.Multiply(x).PointwiseMaximum(0))[0];
            }
            """);

    [Fact]
    public Task Initialization_in_a_helper_method_called_by_the_constructor_is_reported() =>
        VerifyAsync(Network("null!").Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        InitializeWeights(inputs, hidden);")
            .Replace("w1 = null!;", "")
            .Replace("private readonly Matrix<double> w1;", "private Matrix<double> w1;")
            .Replace("public Vector<double> Forward(", "private void InitializeWeights(int inputs, int hidden) => w1 = {|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|};\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_one_expression_helper_that_returns_the_matrix_is_reported_at_the_call() =>
        VerifyAsync(Network("{|INIT001:NewLayer(hidden, inputs)|}")
            .Replace("public Vector<double> Forward(", "private static Matrix<double> NewLayer(int units, int fanIn) => Matrix<double>.Build.Dense(units, fanIn);\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_partial_class_is_judged_across_its_files() =>
        VerifyAsync(new[]
        {
            """
            using MathNet.Numerics.LinearAlgebra;

            public partial class Net
            {
                private Matrix<double> w1 = {|INIT001:Matrix<double>.Build.Dense(32, 10)|};
                private Matrix<double> w2 = Matrix<double>.Build.Random(2, 32, new MathNet.Numerics.Distributions.Normal(0, 0.1));
            }
            """,
            """
            using MathNet.Numerics.LinearAlgebra;

            public partial class Net
            {
                public Vector<double> Forward(Vector<double> x)
                {
                    var hidden = (w1 * x).Map(System.Math.Tanh);
                    return w2 * hidden;
                }
            }
            """,
        });

    [Fact]
    public Task Method_calls_and_a_nested_activation_helper_link_the_layers() =>
        VerifyAsync(Network("{|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|}")
            .Replace("""
                    var h = (w1 * x + b1).Map(v => Math.Max(0, v));
                    return w2 * h + b2;
            """, """
                    return w2.Multiply(Sigmoid(w1.Multiply(x).Add(b1))).Add(b2);
            """)
            .Replace("public Vector<double> Forward(", "private static Vector<double> Sigmoid(Vector<double> z) => z.Map(v => 1.0 / (1.0 + Math.Exp(-v)));\n\n    public Vector<double> Forward("));

    [Fact]
    public Task An_activation_cached_in_a_field_links_the_layers_across_statements() =>
        VerifyAsync(Network("{|INIT001:new DenseMatrix(hidden, inputs)|}")
            .Replace("private readonly Vector<double> b2;", "private readonly Vector<double> b2;\n    private Vector<double> z1 = null!;\n    private Vector<double> a1 = null!;")
            .Replace("""
                    var h = (w1 * x + b1).Map(v => Math.Max(0, v));
                    return w2 * h + b2;
            """, """
                    z1 = w1 * x + b1;
                    a1 = z1.Map(Relu);
                    return w2 * a1 + b2;
            """)
            .Replace("public Vector<double> Forward(", "private static double Relu(double v) => v > 0 ? v : 0;\n\n    public Vector<double> Forward("));

    [Fact]
    public Task A_batch_layer_with_TransposeAndMultiply_is_reported() =>
        VerifyAsync("""
            using MathNet.Numerics.Distributions;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class BatchNet
            {
                private readonly Matrix<double> weights1 = {|INIT001:Matrix<double>.Build.Dense(64, 784)|};
                private readonly Matrix<double> weights2 = Matrix<double>.Build.Random(10, 64, new Normal(0, 0.05));

                public Matrix<double> Forward(Matrix<double> batch)
                {
                    var hidden = batch.TransposeAndMultiply(weights1).PointwiseMaximum(0);
                    return hidden.TransposeAndMultiply(weights2);
                }
            }
            """);

    [Fact]
    public Task A_layer_class_whose_forward_is_chained_is_reported() =>
        VerifyAsync("""
            using System.Collections.Generic;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class DenseLayer
            {
                private readonly Matrix<double> weights;
                private readonly Vector<double> bias;

                public DenseLayer(int inputs, int outputs)
                {
                    weights = {|INIT001:Matrix<double>.Build.Dense(outputs, inputs)|};
                    bias = Vector<double>.Build.Dense(outputs);
                }

                public Vector<double> Forward(Vector<double> input) => (weights * input + bias).Map(System.Math.Tanh);
            }

            public sealed class Network
            {
                private readonly List<DenseLayer> layers = new() { new DenseLayer(4, 8), new DenseLayer(8, 2) };

                public Vector<double> Predict(Vector<double> x)
                {
                    var output = x;
                    foreach (var layer in layers) output = layer.Forward(output);
                    return output;
                }
            }
            """);

    [Fact]
    public Task A_recurrent_cell_is_hidden_through_its_output_layer() =>
        VerifyAsync("""
            using MathNet.Numerics.Distributions;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class Rnn
            {
                private readonly Matrix<double> inputWeights = {|INIT001:Matrix<double>.Build.Dense(32, 8)|};
                private readonly Matrix<double> recurrentWeights = Matrix<double>.Build.Random(32, 32, new Normal(0, 0.1));
                private readonly Matrix<double> outputWeights = Matrix<double>.Build.Random(3, 32, new Normal(0, 0.1));

                public Vector<double> Run(Vector<double>[] sequence)
                {
                    var h = Vector<double>.Build.Dense(32);
                    foreach (var x in sequence)
                    {
                        h = (inputWeights * x + recurrentWeights * h).PointwiseTanh();
                    }

                    return outputWeights * h;
                }
            }
            """);

    [Fact]
    public Task Training_updates_make_an_unnamed_matrix_a_weight() =>
        VerifyAsync("""
            using MathNet.Numerics.Distributions;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class AutoEncoder
            {
                private readonly Matrix<double> encoder = {|INIT001:Matrix<double>.Build.Dense(16, 64)|};
                private readonly Matrix<double> decoder = Matrix<double>.Build.Random(64, 16, new Normal(0, 0.05));

                public Vector<double> Reconstruct(Vector<double> x)
                {
                    var code = (encoder * x).PointwiseTanh();
                    return decoder * code;
                }

                public void TrainStep(Matrix<double> encoderGradient, Matrix<double> decoderGradient, double rate)
                {
                    encoder.Subtract(encoderGradient * rate, encoder);
                    decoder.MapIndexedInplace((i, j, v) => v - rate * decoderGradient[i, j]);
                }
            }
            """);
}

using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.MathNetVerifier;
using static InitAnalyzers.Tests.Rules.MathNetZeroWeightsTests;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes on MathNet weights: the factory becomes a draw from a distribution scaled with <c>WeightInit</c>, in the user's
/// idiom, with fan-in from the size on the input's side, the user's element type and random source; the fixed code compiles.
/// </summary>
public sealed class MathNetFixTests
{
    internal static string Fixed(string source) =>
        source.WithRuntimeUsing();

    private static string WithRandom(string source) =>
        source.Replace("private readonly Vector<double> b2;", "private readonly Vector<double> b2;\n    private readonly Random rng = new Random(7);");

    [Fact]
    public Task Build_Dense_becomes_Build_Random_with_He_normal_on_the_column_count() =>
        VerifyFixAsync(
            Network("{|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|}"),
            Fixed(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")));

    [Theory]
    [InlineData("{|INIT002:Matrix<double>.Build.Dense(hidden, inputs, 0.5)|}", "Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT001:DenseMatrix.Create(hidden, inputs, 0)|}", "DenseMatrix.CreateRandom(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT001:new DenseMatrix(hidden, inputs)|}", "DenseMatrix.CreateRandom(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT001:CreateMatrix.Dense<double>(hidden, inputs)|}", "CreateMatrix.Random<double>(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT002:CreateMatrix.Dense(hidden, inputs, 0.5)|}", "CreateMatrix.Random<double>(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT002:Matrix<double>.Build.Dense(hidden, inputs, (i, j) => 0.1)|}", "Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT004:Matrix<double>.Build.Random(hidden, inputs)|}", "Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT004:CreateMatrix.Random<double>(hidden, inputs)|}", "CreateMatrix.Random<double>(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT004:DenseMatrix.CreateRandom(hidden, inputs, new Normal(0, 1))|}", "DenseMatrix.CreateRandom(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")]
    [InlineData("{|INIT004:Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-1, 1))|}", "Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs)))")]
    [InlineData("{|INIT004:Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform())|}", "Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs)))")]
    public Task Each_factory_is_rewritten_in_its_own_idiom(string before, string after) =>
        VerifyFixAsync(Network(before), Fixed(Network(after)));

    [Fact]
    public Task The_users_random_source_is_kept() =>
        VerifyFixAsync(
            WithRandom(Network("{|INIT004:Matrix<double>.Build.Random(hidden, inputs, new Normal(0, 1, rng))|}")),
            Fixed(WithRandom(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs), rng))"))));

    [Fact]
    public Task An_element_function_drawing_NextDouble_becomes_a_scaled_uniform_from_the_same_random() =>
        VerifyFixAsync(
            WithRandom(Network("{|INIT004:Matrix<double>.Build.Dense(hidden, inputs, (i, j) => rng.NextDouble() * 2 - 1)|}")),
            Fixed(WithRandom(Network("Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs), rng))"))));

    [Fact]
    public Task A_seeded_draw_stays_seeded_through_MathNets_own_source() =>
        VerifyFixAsync(
            Network("{|INIT004:Matrix<double>.Build.Random(hidden, inputs, 42)|}"),
            Fixed(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs), new SystemRandomSource(42, true)))"))
                .Replace("using MathNet.Numerics.LinearAlgebra.Double;\n", "using MathNet.Numerics.LinearAlgebra.Double;\nusing MathNet.Numerics.Random;\n"));

    [Fact]
    public Task A_row_vector_layer_takes_fan_in_from_the_row_count() =>
        VerifyFixAsync(
            RowVector(Network("{|INIT001:Matrix<double>.Build.Dense(inputs, hidden)|}", "Matrix<double>.Build.Random(hidden, outputs, new Normal(0, Math.Sqrt(1.0 / hidden)))")),
            Fixed(RowVector(Network("Matrix<double>.Build.Random(inputs, hidden, new Normal(0, WeightInit.HeStd(inputs)))", "Matrix<double>.Build.Random(hidden, outputs, new Normal(0, Math.Sqrt(1.0 / hidden)))"))));

    [Fact]
    public Task A_tanh_layer_gets_Xavier_with_both_fans() =>
        VerifyFixAsync(
            Network("{|INIT001:Matrix<double>.Build.Dense(hidden, inputs)|}").Replace(".Map(v => Math.Max(0, v))", ".Map(Math.Tanh)"),
            Fixed(Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.XavierStd(inputs, hidden)))").Replace(".Map(v => Math.Max(0, v))", ".Map(Math.Tanh)")));

    [Fact]
    public Task A_float_layer_keeps_its_float_builder() =>
        VerifyFixAsync(
            Float(Network("{|INIT001:Matrix<float>.Build.Dense(hidden, inputs)|}", "Matrix<float>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))")),
            Fixed(Float(Network("Matrix<float>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))", "Matrix<float>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))"))));

    [Fact]
    public Task Clear_becomes_a_scaled_draw_copied_into_the_same_matrix() =>
        VerifyFixAsync(
            Network("Matrix<double>.Build.Dense(hidden, inputs)").Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        {|INIT001:w1.Clear()|};"),
            Fixed(Network("Matrix<double>.Build.Dense(hidden, inputs)").Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        Matrix<double>.Build.Random(w1.RowCount, w1.ColumnCount, new Normal(0, WeightInit.HeStd(w1.ColumnCount))).CopyTo(w1);")));

    /// <summary>Found by the fix-soundness tests: the array fix wrote <c>w1.GetLength(1)</c>, which a MathNet matrix does not have.</summary>
    [Fact]
    public Task A_zero_written_element_by_element_becomes_a_sample_sized_by_the_column_count() =>
        VerifyFixAsync(
            WithRandom(Network("Matrix<double>.Build.Dense(hidden, inputs)")).Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) {|INIT001:w1[i, j] = 0|};"),
            Fixed(WithRandom(Network("Matrix<double>.Build.Dense(hidden, inputs)")).Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) w1[i, j] = (rng.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.ColumnCount);")));

    [Fact]
    public Task An_unscaled_draw_written_element_by_element_is_rescaled_by_the_column_count() =>
        VerifyFixAsync(
            WithRandom(Network("Matrix<double>.Build.Dense(hidden, inputs)")).Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) {|INIT004:w1[i, j] = rng.NextDouble()|};"),
            Fixed(WithRandom(Network("Matrix<double>.Build.Dense(hidden, inputs)")).Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) w1[i, j] = (rng.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.ColumnCount);")));

    [Fact]
    public Task Unknown_orientation_gets_Xavier_over_both_sizes() =>
        VerifyFixAsync(
            Network("{|INIT001:Matrix<double>.Build.Dense(hidden, hidden)|}").Replace("var h = (w1 * x + b1)", "var h = (w1 * (x * w1) + b1)"),
            Fixed(Network("Matrix<double>.Build.Random(hidden, hidden, new Normal(0, WeightInit.XavierStd(hidden, hidden)))").Replace("var h = (w1 * x + b1)", "var h = (w1 * (x * w1) + b1)")));

    [Fact]
    public Task A_vector_output_unit_gets_LeCun_on_its_length() =>
        VerifyFixAsync(
            VectorHead("{|INIT004:Vector<double>.Build.Random(hidden)|}"),
            Fixed(VectorHead("Vector<double>.Build.Random(hidden, new Normal(0, WeightInit.LeCunStd(hidden)))")));

    [Fact]
    public Task A_size_with_side_effects_gets_no_fix() =>
        VerifyNoFixAsync(Network("{|INIT001:Matrix<double>.Build.Dense(hidden, NextSize())|}")
            .Replace("    public Vector<double> Forward(", "    private static int size = 3;\n    private static int NextSize() => size++;\n\n    public Vector<double> Forward("));

    [Fact]
    public Task Fix_All_gives_each_layer_its_own_scheme_in_one_edit() =>
        VerifyFixAsync(DeepNet("{|INIT001:Matrix<double>.Build.Dense(64, 784)|}", "{|INIT004:Matrix<double>.Build.Random(32, 64)|}"), Fixed(DeepNet(
            "Matrix<double>.Build.Random(64, 784, new Normal(0, WeightInit.HeStd(784)))",
            "Matrix<double>.Build.Random(32, 64, new Normal(0, WeightInit.XavierStd(64, 32)))")));

    [Fact]
    public Task The_distributions_namespace_is_imported_when_missing() =>
        VerifyFixAsync("""
            using MathNet.Numerics.LinearAlgebra;

            public sealed class TinyNet
            {
                private readonly Matrix<float> hiddenWeights = {|INIT004:Matrix<float>.Build.Random(16, 8)|};
                private readonly Matrix<float> outputWeights = Matrix<float>.Build.Dense(1, 16);

                public float Predict(Vector<float> x) => (outputWeights * hiddenWeights.Multiply(x).PointwiseMaximum(0))[0];
            }
            """, """
            using InitAnalyzers.Runtime;
            using MathNet.Numerics.Distributions;
            using MathNet.Numerics.LinearAlgebra;

            public sealed class TinyNet
            {
                private readonly Matrix<float> hiddenWeights = Matrix<float>.Build.Random(16, 8, new Normal(0, WeightInit.HeStd(8)));
                private readonly Matrix<float> outputWeights = Matrix<float>.Build.Dense(1, 16);

                public float Predict(Vector<float> x) => (outputWeights * hiddenWeights.Multiply(x).PointwiseMaximum(0))[0];
            }
            """);

    [Fact]
    public Task A_method_group_draw_keeps_the_random_field_it_draws_from() =>
        VerifyFixAsync(
            Rules.MathNetUnscaledRandomTests.ToyNetwork,
            Rules.MathNetUnscaledRandomTests.ToyNetwork.Replace("using System;\n", "using System;\nusing InitAnalyzers.Runtime;\nusing MathNet.Numerics.Distributions;\n")
                .Replace("{|INIT004:Matrix<double>.Build.Dense(Hidden, Inputs, Uniform)|}", "Matrix<double>.Build.Random(Hidden, Inputs, new ContinuousUniform(-WeightInit.HeBound(Inputs), WeightInit.HeBound(Inputs), random))")
                .Replace("{|INIT004:Matrix<double>.Build.Dense(Outputs, Hidden, Uniform)|}", "Matrix<double>.Build.Random(Outputs, Hidden, new ContinuousUniform(-WeightInit.HeBound(Hidden), WeightInit.HeBound(Hidden), random))"));

    [Fact]
    public Task A_random_local_of_a_helper_method_is_not_reused_where_it_is_out_of_reach() =>
        VerifyFixAsync(
            Rules.MathNetUnscaledRandomTests.ToyNetwork.Replace("private double Uniform(int row, int column) => random.NextDouble() * 2 - 1;", "private static double Uniform(int row, int column) { var local = new Random(3); return local.NextDouble() * 2 - 1; }"),
            Rules.MathNetUnscaledRandomTests.ToyNetwork.Replace("private double Uniform(int row, int column) => random.NextDouble() * 2 - 1;", "private static double Uniform(int row, int column) { var local = new Random(3); return local.NextDouble() * 2 - 1; }")
                .Replace("using System;\n", "using System;\nusing InitAnalyzers.Runtime;\nusing MathNet.Numerics.Distributions;\n")
                .Replace("{|INIT004:Matrix<double>.Build.Dense(Hidden, Inputs, Uniform)|}", "Matrix<double>.Build.Random(Hidden, Inputs, new ContinuousUniform(-WeightInit.HeBound(Inputs), WeightInit.HeBound(Inputs)))")
                .Replace("{|INIT004:Matrix<double>.Build.Dense(Outputs, Hidden, Uniform)|}", "Matrix<double>.Build.Random(Outputs, Hidden, new ContinuousUniform(-WeightInit.HeBound(Hidden), WeightInit.HeBound(Hidden)))"));

    private static string RowVector(string source) =>
        source.Replace("(w1 * x + b1)", "(x * w1 + b1)").Replace("return w2 * h + b2;", "return h * w2 + b2;");

    private static string Float(string source) =>
        source.Replace("Matrix<double>", "Matrix<float>").Replace("Vector<double>", "Vector<float>");

    private static string VectorHead(string head) => $$"""
        using System;
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;

        public sealed class Scorer
        {
            private readonly Matrix<double> hiddenWeights;
            private readonly Vector<double> outputWeights;

            public Scorer(int inputs, int hidden)
            {
                hiddenWeights = Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)));
                outputWeights = {{head}};
            }

            public double Score(Vector<double> x) => outputWeights.DotProduct((hiddenWeights * x).PointwiseMaximum(0));
        }
        """;

    private static string DeepNet(string first, string second) => $$"""
        using System;
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;

        public sealed class DeepNet
        {
            private readonly Matrix<double> w1 = {{first}};
            private readonly Matrix<double> w2 = {{second}};
            private readonly Matrix<double> w3 = Matrix<double>.Build.Random(10, 32, new Normal(0, Math.Sqrt(1.0 / 32)));

            public Vector<double> Forward(Vector<double> x)
            {
                var h1 = (w1 * x).PointwiseMaximum(0);
                var h2 = (w2 * h1).PointwiseTanh();
                return w3 * h2;
            }
        }
        """;
}

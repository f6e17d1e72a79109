using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.NumSharpVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes on NumSharp weights: a scaled <c>np.random</c> draw with fans from the shape the user wrote, the user's generator,
/// distribution family and element type kept. Every fixed source is compiled against NumSharp 0.70.0 and the runtime library.
/// </summary>
public sealed class NumSharpFixTests
{
    private const string Mlp = """
        using System;
        using NumSharp;

        public sealed class Mlp
        {
            private NDArray W1;
            private NDArray W2;

            public Mlp(int inputs, int hidden, int outputs)
            {
                W1 = HIDDEN;
                W2 = np.random.randn(hidden, outputs) * Math.Sqrt(1.0 / hidden);
            }

            public NDArray Forward(NDArray x)
            {
                var a1 = ACTIVATION;
                return np.dot(a1, W2);
            }
        }
        """;

    internal static string Network(string hidden, string activation = "np.maximum(np.dot(x, W1), 0)", bool withUsing = false) =>
        Mlp.Replace("using System;\n", withUsing ? "using System;\nusing InitAnalyzers.Runtime;\n" : "using System;\n").Replace("HIDDEN", hidden).Replace("ACTIVATION", activation);

    [Theory]
    [InlineData("np.zeros((inputs, hidden))", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    [InlineData("np.zeros(new Shape(inputs, hidden))", "np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden))")]
    [InlineData("np.zeros(new[] { inputs, hidden })", "np.random.normal(0, WeightInit.HeStd(inputs), new[] { inputs, hidden })")]
    [InlineData("np.ones((inputs, hidden))", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    [InlineData("np.full(new[] { inputs, hidden }, 0.5)", "np.random.normal(0, WeightInit.HeStd(inputs), new[] { inputs, hidden })")]
    [InlineData("np.ones((inputs, hidden)) * 0.1", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    [InlineData("np.random.randn(inputs, hidden)", "np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden))")]
    [InlineData("np.random.standard_normal((inputs, hidden))", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    [InlineData("np.random.normal(0, 1, new Shape(inputs, hidden))", "np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden))")]
    [InlineData("np.random.randn(inputs, hidden) * 0.5", "np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden))")]
    [InlineData("np.random.rand(inputs, hidden)", "np.random.uniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs), new Shape(inputs, hidden))")]
    [InlineData("np.random.rand(inputs, hidden) * 2 - 1", "np.random.uniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs), new Shape(inputs, hidden))")]
    [InlineData("np.random.uniform(-1, 1, (inputs, hidden))", "np.random.uniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs), (inputs, hidden))")]
    public Task Each_factory_becomes_a_He_draw_for_a_ReLU_layer(string before, string after) =>
        VerifyFixAsync(Network("{|#0:" + before + "|}"), Network(after, withUsing: true), Diagnostic(RuleFor(before)).WithLocation(0));

    [Theory]
    [InlineData("np.zeros((inputs, hidden), np.float32)", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden)).astype(np.float32)")]
    [InlineData("np.zeros(new Shape(inputs, hidden), NPTypeCode.Single)", "np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden)).astype(NPTypeCode.Single)")]
    [InlineData("np.zeros<float>(new[] { inputs, hidden })", "np.random.normal(0, WeightInit.HeStd(inputs), new[] { inputs, hidden }).astype(np.float32)")]
    [InlineData("np.full((inputs, hidden), 0.5f)", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden)).astype(np.float32)")]
    [InlineData("np.ones(new[] { inputs, hidden }, typeof(float))", "np.random.normal(0, WeightInit.HeStd(inputs), new[] { inputs, hidden }).astype(typeof(float))")]
    [InlineData("np.random.randn(inputs, hidden).astype(np.float32)", "np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden)).astype(np.float32)")]
    [InlineData("(np.random.rand(inputs, hidden) - 0.5).astype(NPTypeCode.Single)", "np.random.uniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs), new Shape(inputs, hidden)).astype(NPTypeCode.Single)")]
    [InlineData("np.zeros((inputs, hidden), np.float64)", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    [InlineData("np.full((inputs, hidden), 1)", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    public Task The_element_type_is_kept_unless_it_is_float64_or_an_integer(string before, string after) =>
        VerifyFixAsync(Network("{|#0:" + before + "|}"), Network(after, withUsing: true), Diagnostic(RuleFor(before)).WithLocation(0));

    [Theory]
    [InlineData("np.tanh(np.dot(x, W1))", "np.random.normal(0, WeightInit.XavierStd(inputs, hidden), (inputs, hidden))")]
    [InlineData("1 / (1 + np.exp(-np.dot(x, W1)))", "np.random.normal(0, WeightInit.XavierStd(inputs, hidden), (inputs, hidden))")]
    [InlineData("np.maximum(np.dot(W1.T, x.T).T, 0)", "np.random.normal(0, WeightInit.HeStd(inputs), (inputs, hidden))")]
    [InlineData("np.dot(x, W1)", "np.random.normal(0, WeightInit.XavierStd(inputs, hidden), (inputs, hidden))")]
    public Task The_scheme_follows_the_activation(string activation, string after) =>
        VerifyFixAsync(Network("{|#0:np.zeros((inputs, hidden))|}", activation), Network(after, activation, withUsing: true), Diagnostic("INIT001").WithLocation(0));

    [Fact]
    public Task Weights_on_the_left_take_fan_in_from_their_second_dimension() =>
        VerifyFixAsync("""
            using NumSharp;

            public sealed class ColumnNet
            {
                private readonly NDArray weights1 = {|INIT004:np.random.randn(hidden, inputs)|};
                private readonly NDArray weights2 = np.random.randn(10, hidden) / np.sqrt(hidden);
                private const int inputs = 784;
                private const int hidden = 64;

                public NDArray Forward(NDArray x) => np.dot(weights2, np.maximum(np.dot(weights1, x), 0));
            }
            """, """
            using InitAnalyzers.Runtime;
            using NumSharp;

            public sealed class ColumnNet
            {
                private readonly NDArray weights1 = np.random.normal(0, WeightInit.HeStd(inputs), new Shape(hidden, inputs));
                private readonly NDArray weights2 = np.random.randn(10, hidden) / np.sqrt(hidden);
                private const int inputs = 784;
                private const int hidden = 64;

                public NDArray Forward(NDArray x) => np.dot(weights2, np.maximum(np.dot(weights1, x), 0));
            }
            """);

    [Fact]
    public Task The_users_generator_is_kept_and_long_dimensions_are_cast() =>
        VerifyFixAsync("""
            using NumSharp;

            public sealed class Net
            {
                private readonly NumPyRandom rng = np.random.RandomState(7);
                private readonly NDArray w1;
                private readonly NDArray w2;

                public Net(long inputs, long hidden)
                {
                    w1 = {|INIT004:rng.randn(inputs, hidden)|};
                    w2 = {|INIT004:rng.uniform(-1, 1, (hidden, 10L))|};
                }

                public NDArray Forward(NDArray x) => np.dot(np.tanh(np.dot(x, w1)), w2);
            }
            """, """
            using InitAnalyzers.Runtime;
            using NumSharp;

            public sealed class Net
            {
                private readonly NumPyRandom rng = np.random.RandomState(7);
                private readonly NDArray w1;
                private readonly NDArray w2;

                public Net(long inputs, long hidden)
                {
                    w1 = rng.normal(0, WeightInit.XavierStd((int)inputs, (int)hidden), new Shape(inputs, hidden));
                    w2 = rng.uniform(-WeightInit.XavierBound((int)hidden, (int)10L), WeightInit.XavierBound((int)hidden, (int)10L), (hidden, 10L));
                }

                public NDArray Forward(NDArray x) => np.dot(np.tanh(np.dot(x, w1)), w2);
            }
            """);

    [Fact]
    public Task A_weight_vector_gets_LeCun_where_Xavier_would_need_a_fan_out() =>
        VerifyFixAsync("""
            using NumSharp;

            public sealed class Scorer
            {
                private readonly NDArray W1 = np.random.randn(784, 32) * np.sqrt(2.0 / 784);
                private readonly NDArray w2 = {|INIT004:np.random.randn(32)|};

                public NDArray Score(NDArray x)
                {
                    var h = np.maximum(np.dot(x, W1), 0);
                    return np.tanh(np.dot(h, w2));
                }
            }
            """, """
            using InitAnalyzers.Runtime;
            using NumSharp;

            public sealed class Scorer
            {
                private readonly NDArray W1 = np.random.randn(784, 32) * np.sqrt(2.0 / 784);
                private readonly NDArray w2 = np.random.normal(0, WeightInit.LeCunStd(32), new Shape(32));

                public NDArray Score(NDArray x)
                {
                    var h = np.maximum(np.dot(x, W1), 0);
                    return np.tanh(np.dot(h, w2));
                }
            }
            """);

    [Fact]
    public Task An_unknown_orientation_writes_Xavier_and_says_so() =>
        VerifyFixAsync("""
            using NumSharp;

            public sealed class TiedNet
            {
                private readonly NDArray W = {|INIT004:np.random.rand(256, 256)|};
                private readonly NDArray V = np.random.randn(256, 10) / np.sqrt(256);

                public NDArray Encode(NDArray x) => np.maximum(np.dot(x, W), 0);

                public NDArray Decode(NDArray h) => np.dot(np.maximum(np.dot(W, h.T), 0).T, V);
            }
            """, """
            using InitAnalyzers.Runtime;
            using NumSharp;

            public sealed class TiedNet
            {
                private readonly NDArray W = np.random.uniform(-WeightInit.XavierBound(256, 256), WeightInit.XavierBound(256, 256), new Shape(256, 256));
                private readonly NDArray V = np.random.randn(256, 10) / np.sqrt(256);

                public NDArray Encode(NDArray x) => np.maximum(np.dot(x, W), 0);

                public NDArray Decode(NDArray h) => np.dot(np.maximum(np.dot(W, h.T), 0).T, V);
            }
            """);

    [Fact]
    public Task Fix_All_rewrites_a_whole_network_in_one_edit_with_one_using() =>
        VerifyFixAsync("""
            using System;
            using NumSharp;

            public sealed class Deep
            {
                private NDArray W1 = {|INIT001:np.zeros((784, 256))|};
                private NDArray W2 = {|INIT002:np.ones(new Shape(256, 64)) * 0.01|};
                private NDArray W3 = {|INIT004:np.random.randn(64, 10)|};
                private NDArray b1 = np.zeros(256);
                private NDArray b2 = np.zeros(64);

                public NDArray Forward(NDArray x)
                {
                    var h1 = np.maximum(np.dot(x, W1) + b1, 0);
                    var h2 = np.tanh(np.dot(h1, W2) + b2);
                    return np.dot(h2, W3);
                }
            }
            """, """
            using System;
            using InitAnalyzers.Runtime;
            using NumSharp;

            public sealed class Deep
            {
                private NDArray W1 = np.random.normal(0, WeightInit.HeStd(784), (784, 256));
                private NDArray W2 = np.random.normal(0, WeightInit.XavierStd(256, 64), new Shape(256, 64));
                private NDArray W3 = np.random.normal(0, WeightInit.XavierStd(64, 10), new Shape(64, 10));
                private NDArray b1 = np.zeros(256);
                private NDArray b2 = np.zeros(64);

                public NDArray Forward(NDArray x)
                {
                    var h1 = np.maximum(np.dot(x, W1) + b1, 0);
                    var h2 = np.tanh(np.dot(h1, W2) + b2);
                    return np.dot(h2, W3);
                }
            }
            """);

    [Fact]
    public Task No_fix_is_offered_when_the_shape_is_not_written_out() =>
        VerifyNoFixAsync("""
            using NumSharp;

            public sealed class Net
            {
                private readonly NDArray W1;
                private readonly NDArray W2;

                public Net(Shape shape)
                {
                    W1 = {|INIT001:np.zeros(shape)|};
                    W2 = np.random.randn(128, 10) / np.sqrt(128);
                }

                public NDArray Forward(NDArray x) => np.dot(np.tanh(np.dot(x, W1)), W2);
            }
            """);

    [Fact]
    public Task No_fix_is_offered_at_the_call_of_a_helper_that_makes_the_array() =>
        VerifyNoFixAsync(Network("{|INIT004:Weights(inputs, hidden)|}").Replace("    public NDArray Forward(", "    private static NDArray Weights(int rows, int columns) => np.random.randn(rows, columns);\n\n    public NDArray Forward("));

    private static string RuleFor(string factory) =>
        factory.Contains("random", System.StringComparison.Ordinal) ? "INIT004"
        : factory.Contains("zeros", System.StringComparison.Ordinal) ? "INIT001"
        : "INIT002";
}

using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.NumSharpVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT004 on NumSharp networks: NDArray weights drawn with a scale that ignores fan-in, or not centred on zero.</summary>
public sealed class NumSharpUnscaledRandomTests
{
    private const string Mlp = """
        using System;
        using NumSharp;

        public sealed class Mlp
        {
            private NDArray W1;
            private NDArray b1;
            private NDArray W2;
            private NDArray b2;

            public Mlp(int inputs, int hidden, int outputs)
            {
                W1 = HIDDEN;
                b1 = np.zeros(hidden);
                W2 = OUTPUT;
                b2 = np.zeros(outputs);
            }

            public NDArray Forward(NDArray x)
            {
                var a1 = np.maximum(np.dot(x, W1) + b1, 0);
                return np.dot(a1, W2) + b2;
            }
        }
        """;

    private const string ScaledOutput = "np.random.randn(hidden, outputs) * Math.Sqrt(1.0 / hidden)";

    private const string ReLURemedy = "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))";

    private static string Network(string hidden, string output = ScaledOutput) => Mlp.Replace("HIDDEN", hidden).Replace("OUTPUT", output);

    [Fact]
    public Task Randn_is_reported_as_a_standard_normal() =>
        VerifyAsync(
            Network("{|#0:np.random.randn(inputs, hidden)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("W1", "N(0, 1)", "whose fixed scale (std 1) ignores the fan-in, so the signal grows with every layer wider than 2 inputs", ReLURemedy));

    [Fact]
    public Task Rand_is_reported_as_positive_only() =>
        VerifyAsync(
            Network("{|#0:np.random.rand(inputs, hidden)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("W1", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Theory]
    [InlineData("np.random.randn(inputs, hidden)")]
    [InlineData("np.random.standard_normal((inputs, hidden))")]
    [InlineData("np.random.normal(0, 1, (inputs, hidden))")]
    [InlineData("np.random.normal(0.0, 0.5, new Shape(inputs, hidden))")]
    [InlineData("np.random.normal(0, 1, new[] { inputs, hidden })")]
    [InlineData("np.random.uniform(-1, 1, (inputs, hidden))")]
    [InlineData("np.random.uniform(-0.5, 0.5, new Shape(inputs, hidden))")]
    [InlineData("np.random.rand(inputs, hidden)")]
    [InlineData("np.random.random(inputs, hidden)")]
    [InlineData("np.random.rand(new Shape(inputs, hidden))")]
    [InlineData("np.random.rand(inputs, hidden) * 2 - 1")]
    [InlineData("np.random.rand(inputs, hidden) - 0.5")]
    [InlineData("2 * np.random.rand(inputs, hidden) - 1")]
    [InlineData("np.random.randn(inputs, hidden) * 0.5")]
    [InlineData("np.random.randn(inputs, hidden) / 2")]
    [InlineData("np.random.randn(inputs, hidden).astype(np.float32)")]
    [InlineData("(np.random.randn(inputs, hidden) * 1.0).astype(NPTypeCode.Single)")]
    [InlineData("np.random.RandomState(42).randn(inputs, hidden)")]
    public Task Fixed_scales_that_ignore_fan_in_are_reported(string draw) =>
        VerifyAsync(Network("{|INIT004:" + draw + "|}"));

    [Fact]
    public Task An_unscaled_output_layer_is_reported_too() =>
        VerifyAsync(Network("np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)", "{|#0:np.random.randn(hidden, outputs)|}"),
            Diagnostic("INIT004").WithLocation(0).WithArguments("W2", "N(0, 1)", "whose fixed scale (std 1) ignores the fan-in, so the signal grows with every layer wider than 2 inputs",
                "Xavier normal values, which suit a linear output (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task A_seeded_generator_field_and_weights_on_the_left_are_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Net
            {
                private readonly NumPyRandom rng = np.random.RandomState(7);
                private readonly NDArray weightsIn;
                private readonly NDArray weightsOut;

                public Net()
                {
                    weightsIn = {|INIT004:rng.randn(64, 784)|};
                    weightsOut = {|INIT004:rng.uniform(-1, 1, (10, 64))|};
                }

                public NDArray Forward(NDArray x) => np.dot(weightsOut, np.tanh(np.dot(weightsIn, x)));
            }
            """);

    [Fact]
    public Task Draws_in_a_helper_method_in_another_partial_file_are_reported() =>
        VerifyAsync(new[]
        {
            """
            using NumSharp;

            public partial class Net
            {
                public NDArray W1 { get; private set; }
                public NDArray W2 { get; private set; }

                public NDArray Forward(NDArray x) => np.dot(np.maximum(x.dot(W1), 0), W2);
            }
            """,
            """
            using NumSharp;

            public partial class Net
            {
                public Net() => Initialize(784, 128, 10);

                private void Initialize(int inputs, int hidden, int outputs)
                {
                    W1 = {|INIT004:np.random.uniform(-1.0, 1.0, new Shape(inputs, hidden))|};
                    W2 = np.random.uniform(-1.0, 1.0, new Shape(hidden, outputs)) / System.Math.Sqrt(hidden);
                }
            }
            """,
        });

    [Fact]
    public Task A_one_line_weight_helper_is_read_through() =>
        VerifyAsync(Network("{|INIT004:Weights(inputs, hidden)|}").Replace("    public NDArray Forward(", "    private static NDArray Weights(int rows, int columns) => np.random.randn(rows, columns);\n\n    public NDArray Forward("));

    [Theory]
    [InlineData("np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)")]
    [InlineData("np.random.randn(inputs, hidden) / np.sqrt(inputs)")]
    [InlineData("np.random.randn(inputs, hidden) / Math.Sqrt(inputs / 2.0)")]
    [InlineData("np.random.normal(0, Math.Sqrt(2.0 / inputs), (inputs, hidden))")]
    [InlineData("np.random.uniform(-Math.Sqrt(6.0 / inputs), Math.Sqrt(6.0 / inputs), (inputs, hidden))")]
    [InlineData("np.random.uniform(-limit, limit, (inputs, hidden))")]
    [InlineData("np.random.randn(inputs, hidden) * gain")]
    public Task Scales_computed_from_a_variable_are_not_reported(string draw) =>
        VerifyAsync(Network(draw).Replace("public Mlp(int inputs, int hidden, int outputs)", "public Mlp(int inputs, int hidden, int outputs, double gain, double limit)"));

    [Theory]
    [InlineData("np.random.randn(inputs, hidden) * 0.01")]
    [InlineData("np.random.normal(0, 0.01, (inputs, hidden))")]
    [InlineData("np.random.uniform(-0.05, 0.05, (inputs, hidden))")]
    public Task Small_fixed_scales_are_left_to_the_rule_threshold(string draw) =>
        VerifyAsync(Network(draw));

    [Fact]
    public Task A_single_layer_model_drawn_from_a_standard_normal_is_not_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class LinearRegression
            {
                private NDArray weights = np.random.randn(13, 1);
                private NDArray bias = np.random.randn(1);

                public NDArray Predict(NDArray x) => np.dot(x, weights) + bias;

                public void Step(NDArray x, NDArray y, double rate)
                {
                    var error = Predict(x) - y;
                    weights -= rate * np.dot(x.T, error) / x.shape[0];
                    bias -= rate * np.mean(error);
                }
            }
            """);

    [Fact]
    public Task Random_arrays_that_are_not_weights_are_not_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Augmenter
            {
                private NDArray W1 = np.random.randn(784, 128) * np.sqrt(2.0 / 784);
                private NDArray W2 = np.random.randn(128, 10) * np.sqrt(1.0 / 128);
                private NDArray b1 = np.random.randn(128);
                private NDArray noise = np.random.randn(32, 784);
                private NDArray dropoutMask = np.random.rand(32, 128);
                private NDArray latent = np.random.normal(0, 1, (32, 100));

                public NDArray Forward(NDArray x)
                {
                    var h = np.maximum(np.dot(x + noise, W1) + b1, 0) * (dropoutMask > 0.5);
                    return np.dot(h, W2);
                }

                public NDArray Sample() => np.tanh(latent);
            }
            """);

    [Fact]
    public Task Random_data_multiplied_by_the_weights_is_not_a_weight() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Demo
            {
                private readonly NDArray X = np.random.rand(100, 784);
                private readonly NDArray cachedInput = np.random.randn(1, 784);
                private NDArray W1 = {|INIT004:np.random.randn(784, 128)|};
                private NDArray W2 = np.random.randn(128, 10) / np.sqrt(128);

                public NDArray Forward() => np.dot(np.maximum(np.dot(X, W1), 0), W2);

                public NDArray Replay() => np.dot(np.maximum(np.dot(cachedInput, W1), 0), W2);

                public void Train(NDArray dW1, NDArray dW2, double rate)
                {
                    W1 -= rate * dW1;
                    W2 -= rate * dW2;
                }
            }
            """);

    [Theory]
    [InlineData("public void Load(string path) => W1 = (NDArray)np.load(path);")]
    [InlineData("public void Reset() => W1 = np.random.randn(W1.shape[0], W1.shape[1]) * Math.Sqrt(2.0 / W1.shape[0]);")]
    [InlineData("public void Shuffle() => np.random.shuffle(W1);")]
    public Task Draws_replaced_later_are_not_judged(string later) =>
        VerifyAsync(Network("np.random.randn(inputs, hidden)").Replace("    public NDArray Forward(", "    " + later + "\n\n    public NDArray Forward("));

    [Fact]
    public Task Scalar_draws_are_not_weights() =>
        VerifyAsync(Network("np.random.normal(0, 1) * np.ones((inputs, hidden))"));
}

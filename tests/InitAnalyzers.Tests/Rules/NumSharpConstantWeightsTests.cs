using System.Threading.Tasks;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.NumSharpVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT002 on NumSharp networks: a hidden layer whose NDArray weights all start at one non-zero constant.</summary>
public sealed class NumSharpConstantWeightsTests
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
                b1 = BIAS;
                W2 = OUTPUT;
                b2 = np.zeros(outputs);
            }

            public NDArray Forward(NDArray x)
            {
                var a1 = np.tanh(np.dot(x, W1) + b1);
                return np.dot(a1, W2) + b2;
            }

            public void Train(NDArray x, NDArray dOut, NDArray a1, double rate)
            {
                var dA1 = np.dot(dOut, W2.T) * (1 - a1 * a1);
                W2 -= rate * np.dot(a1.T, dOut);
                W1 -= rate * np.dot(x.T, dA1);
            }
        }
        """;

    private static string Network(string hidden, string bias = "np.zeros(hidden)", string output = "np.random.randn(hidden, outputs) * Math.Sqrt(1.0 / hidden)") =>
        Mlp.Replace("HIDDEN", hidden).Replace("BIAS", bias).Replace("OUTPUT", output);

    [Fact]
    public Task Ones_are_reported_with_the_constant_and_the_remedy() =>
        VerifyAsync(
            Network("{|#0:np.ones((inputs, hidden))|}"),
            Diagnostic("INIT002").WithLocation(0).WithArguments("W1", "1", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Theory]
    [InlineData("np.full((inputs, hidden), 0.5)", "0.5")]
    [InlineData("np.full(new[] { inputs, hidden }, 0.5f)", "0.5")]
    [InlineData("np.full(new Shape(inputs, hidden), 0.25, np.float32)", "0.25")]
    [InlineData("np.ones((inputs, hidden)) * 0.1", "0.1")]
    [InlineData("0.1 * np.ones(new Shape(inputs, hidden))", "0.1")]
    [InlineData("np.ones(new[] { inputs, hidden }) / 100", "0.01")]
    [InlineData("np.zeros((inputs, hidden)) + 0.01", "0.01")]
    [InlineData("np.ones(new Shape(inputs, hidden), np.float32)", "1")]
    [InlineData("np.ones<float>(new[] { inputs, hidden })", "1")]
    [InlineData("-np.ones((inputs, hidden))", "-1")]
    [InlineData("np.full((inputs, hidden), 1).astype(np.float64)", "1")]
    public Task Every_constant_factory_is_reported(string constant, string shown) =>
        VerifyAsync(
            Network("{|#0:" + constant + "|}"),
            Diagnostic("INIT002").WithLocation(0).WithArguments("W1", shown, "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Theory]
    [InlineData("np.dot(x, W1)")]
    [InlineData("x.dot(W1)")]
    [InlineData("np.matmul(x, W1)")]
    [InlineData("np.dot(W1.T, x.T).T")]
    public Task Every_product_form_is_a_layer(string product) =>
        VerifyAsync(Network("{|INIT002:np.ones((inputs, hidden))|}").Replace("np.dot(x, W1) + b1", product + " + b1"));

    [Fact]
    public Task A_constant_auto_property_set_in_a_helper_in_another_file_is_reported() =>
        VerifyAsync(new[]
        {
            """
            using NumSharp;

            public partial class Net
            {
                private NDArray HiddenWeights { get; set; }
                private NDArray OutputWeights { get; set; }

                public NDArray Forward(NDArray x) => np.dot(np.maximum(np.dot(HiddenWeights, x), 0), OutputWeights.T);
            }
            """,
            """
            using NumSharp;

            public partial class Net
            {
                public Net() => Build();

                private void Build()
                {
                    HiddenWeights = {|INIT002:np.full((128, 784), 0.01)|};
                    OutputWeights = np.random.uniform(-0.05, 0.05, (10, 128));
                }
            }
            """,
        });

    [Theory]
    [InlineData("np.ones(hidden)")]
    [InlineData("np.full(hidden, 0.1)")]
    [InlineData("np.ones((1, hidden)) * 0.01")]
    public Task Constant_biases_are_not_reported(string bias) =>
        VerifyAsync(Network("np.random.randn(inputs, hidden) * Math.Sqrt(1.0 / inputs)", bias));

    [Fact]
    public Task A_constant_output_layer_is_not_reported() =>
        VerifyAsync(Network("np.random.randn(inputs, hidden) * Math.Sqrt(1.0 / inputs)", output: "np.full((hidden, outputs), 0.01)"));

    [Fact]
    public Task A_constant_single_layer_model_is_not_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Perceptron
            {
                private NDArray weights = np.full((3, 1), 0.5);

                public NDArray Predict(NDArray x) => np.dot(x, weights);

                public void Train(NDArray x, NDArray y, double rate) => weights += rate * np.dot(x.T, y - Predict(x));
            }
            """);

    [Fact]
    public Task Normalization_scales_of_one_are_not_weights() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class NormalizedMlp
            {
                private NDArray W1 = np.random.randn(784, 128) * np.sqrt(2.0 / 784);
                private NDArray gamma = np.ones(128);
                private NDArray beta = np.zeros(128);
                private NDArray W2 = np.random.randn(128, 10) * np.sqrt(1.0 / 128);

                public NDArray Forward(NDArray x)
                {
                    var z = np.dot(x, W1);
                    var normalized = (z - np.mean(z)) / np.sqrt(np.var(z) + 1e-5);
                    var h = np.maximum(gamma * normalized + beta, 0);
                    return np.dot(h, W2);
                }

                public void Update(NDArray dGamma, double rate) => gamma -= rate * dGamma;
            }
            """);

    [Theory]
    [InlineData("np.full((inputs, hidden), scale)")]
    [InlineData("np.ones((inputs, hidden)) * scale")]
    [InlineData("np.ones_like(b1)")]
    [InlineData("np.full_like(b1, 0.5)")]
    public Task Constants_the_analyzer_cannot_read_are_not_reported(string value) =>
        VerifyAsync(Network(value).Replace("public Mlp(int inputs, int hidden, int outputs)", "public Mlp(int inputs, int hidden, int outputs, double scale)"));

    [Fact]
    public Task Two_different_constants_are_not_judged() =>
        VerifyAsync(Network("np.ones((inputs, hidden))").Replace("    public NDArray Forward(", "    public void Reset() => W1 = np.full(W1.shape, 0.5);\n\n    public NDArray Forward("));

    [Fact]
    public Task Ones_overwritten_by_element_writes_are_not_reported() =>
        VerifyAsync(Network("np.ones((inputs, hidden))").Replace("        b2 = np.zeros(outputs);", """
                    b2 = np.zeros(outputs);
                    var random = new Random(1);
                    for (int i = 0; i < inputs; i++)
                        for (int j = 0; j < hidden; j++)
                            W1[i, j] = random.NextDouble() - 0.5;
            """));
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.NumSharpVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>INIT001 on NumSharp networks: NDArray weights that start at zero in a hidden layer, and the zeros that are correct.</summary>
public sealed class NumSharpZeroWeightsTests
{
    /// <summary>A two-layer network trained by hand; HIDDEN is the hidden layer's initialization, ACTIVATION what follows its product.</summary>
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
                W2 = np.random.randn(hidden, outputs) * Math.Sqrt(2.0 / hidden);
                b2 = np.zeros(outputs);
            }

            public NDArray Forward(NDArray x)
            {
                var z1 = np.dot(x, W1) + b1;
                var a1 = ACTIVATION;
                return np.dot(a1, W2) + b2;
            }

            public void Train(NDArray x, NDArray y, double rate)
            {
                var z1 = np.dot(x, W1) + b1;
                var a1 = np.maximum(z1, 0);
                var output = np.dot(a1, W2) + b2;
                var dOutput = output - y;
                var dW2 = np.dot(a1.T, dOutput);
                var dHidden = np.dot(dOutput, W2.T) * (z1 > 0);
                var dW1 = np.dot(x.T, dHidden);
                W2 -= rate * dW2;
                b2 -= rate * np.sum(dOutput, 0);
                W1 -= rate * dW1;
                b1 -= rate * np.sum(dHidden, 0);
            }
        }
        """;

    private static string Network(string hidden, string activation = "np.maximum(z1, 0)") => Mlp.Replace("HIDDEN", hidden).Replace("ACTIVATION", activation);

    [Fact]
    public Task Zeros_with_a_tuple_shape_before_ReLU_are_reported() =>
        VerifyAsync(
            Network("{|#0:np.zeros((inputs, hidden))|}"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("W1", "", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Fact]
    public Task Zeros_before_tanh_ask_for_Xavier() =>
        VerifyAsync(
            Network("{|#0:np.zeros((inputs, hidden))|}", "np.tanh(z1)"),
            Diagnostic("INIT001").WithLocation(0).WithArguments("W1", "", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Theory]
    [InlineData("np.zeros(new Shape(inputs, hidden))")]
    [InlineData("np.zeros(new[] { inputs, hidden })")]
    [InlineData("np.zeros(new int[] { inputs, hidden })")]
    [InlineData("np.zeros(new long[] { inputs, hidden })")]
    [InlineData("np.zeros((inputs, hidden), np.float32)")]
    [InlineData("np.zeros(new Shape(inputs, hidden), NPTypeCode.Single)")]
    [InlineData("np.zeros<float>(new[] { inputs, hidden })")]
    [InlineData("np.full((inputs, hidden), 0.0)")]
    [InlineData("np.zeros((inputs, hidden)) * 0.5")]
    [InlineData("np.zeros((inputs, hidden)).astype(np.float32)")]
    public Task Every_zero_factory_is_reported(string zeros) =>
        VerifyAsync(Network("{|INIT001:" + zeros + "|}"));

    [Theory]
    [InlineData("1 / (1 + np.exp(-z1))", "sigmoid")]
    [InlineData("Sigmoid(z1)", "sigmoid")]
    [InlineData("np.tanh(z1)", "tanh")]
    [InlineData("np.maximum(z1, 0.01 * z1)", "leaky ReLU")]
    [InlineData("np.where(z1 > 0, z1, 0)", "ReLU")]
    [InlineData("Relu(z1)", "ReLU")]
    [InlineData("np.maximum(z1, (NDArray)0f)", "ReLU")]
    [InlineData("np.exp(z1 - np.max(z1)) / np.sum(np.exp(z1 - np.max(z1)))", "softmax")]
    public Task The_activation_is_recognized_by_what_it_computes(string activation, string name) =>
        VerifyAsync(
            Network("{|#0:np.zeros((inputs, hidden))|}", activation).Replace("    public NDArray Forward(", """
                    private static NDArray Sigmoid(NDArray z) => 1.0 / (1.0 + np.exp(-z));

                    private static NDArray Relu(NDArray z)
                    {
                        return np.maximum(z, 0);
                    }

                    public NDArray Forward(
                """),
            Diagnostic("INIT001").WithLocation(0).WithArguments("W1", "", Message(name)));

    [Fact]
    public Task Weights_on_the_left_of_the_product_are_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class ColumnNet
            {
                private readonly NDArray weights1 = {|INIT001:np.zeros((64, 784))|};
                private readonly NDArray weights2 = np.random.randn(10, 64) / np.sqrt(64);

                public NDArray Forward(NDArray x)
                {
                    var hidden = np.tanh(np.dot(weights1, x));
                    return np.dot(weights2, hidden);
                }
            }
            """);

    [Theory]
    [InlineData("x.dot(W1)", "h.dot(W2)")]
    [InlineData("np.matmul(x, W1)", "np.matmul(h, W2)")]
    [InlineData("np.dot(W1.T, x.T).T", "np.dot(h, W2)")]
    [InlineData("np.dot(x, W1.transpose())", "np.dot(h, W2)")]
    [InlineData("np.add(np.dot(x, W1), b1)", "np.dot(h, W2)")]
    public Task Every_product_form_is_a_layer(string first, string second) =>
        VerifyAsync($$"""
            using NumSharp;

            public sealed class Net
            {
                private readonly NDArray W1 = {|INIT001:np.zeros((784, 128))|};
                private readonly NDArray b1 = np.zeros(128);
                private readonly NDArray W2 = np.random.randn(128, 10) * np.sqrt(2.0 / 128);

                public NDArray Forward(NDArray x)
                {
                    var h = np.maximum({{first}}, 0);
                    return {{second}};
                }
            }
            """);

    [Fact]
    public Task Layers_nested_in_one_expression_are_followed() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Net
            {
                private readonly NDArray W1 = {|INIT001:np.zeros((784, 128))|};
                private readonly NDArray b1 = np.zeros(128);
                private readonly NDArray W2 = np.zeros((128, 10));

                public NDArray Forward(NDArray x) => np.dot(np.tanh(np.dot(x, W1) + b1), W2);
            }
            """);

    [Fact]
    public Task A_reused_parameter_makes_the_first_layer_hidden_and_not_the_last() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Net
            {
                private readonly NDArray W1 = {|INIT001:np.zeros((784, 128))|};
                private readonly NDArray W2 = np.zeros((128, 10));

                public NDArray Forward(NDArray x)
                {
                    x = np.maximum(np.dot(x, W1), 0);
                    x = np.dot(x, W2);
                    return x;
                }
            }
            """);

    [Fact]
    public Task Layers_linked_through_members_across_methods_are_followed() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Net
            {
                private NDArray W1 = {|INIT001:np.zeros((784, 128))|};
                private NDArray W2 = np.random.randn(128, 10) * np.sqrt(1.0 / 128);
                private NDArray hidden;

                public NDArray Forward(NDArray x)
                {
                    Encode(x);
                    return Decode();
                }

                private void Encode(NDArray x) => hidden = np.tanh(np.dot(x, W1));

                private NDArray Decode() => np.dot(hidden, W2);
            }
            """);

    [Theory]
    [InlineData("public NDArray W1 { get; } = {|INIT001:np.zeros((784, 128))|};")]
    [InlineData("public NDArray W1 { get; private set; } = {|INIT001:np.zeros((784, 128))|};")]
    [InlineData("private NDArray W1 { get; set; } = {|INIT001:np.zeros((784, 128))|};")]
    [InlineData("internal readonly NDArray W1 = {|INIT001:np.zeros((784, 128))|};")]
    public Task Fields_and_auto_properties_are_weights_alike(string declaration) =>
        VerifyAsync($$"""
            using NumSharp;

            public sealed class Net
            {
                {{declaration}}
                private NDArray W2 { get; } = np.random.randn(128, 10) * np.sqrt(2.0 / 128);

                public NDArray Forward(NDArray x) => np.dot(np.maximum(np.dot(x, W1), 0), W2);
            }
            """);

    [Fact]
    public Task Zeros_assigned_in_a_helper_method_are_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Net
            {
                private NDArray W1;
                private NDArray W2;

                public Net(int inputs, int hidden, int outputs) => Reset(inputs, hidden, outputs);

                private void Reset(int inputs, int hidden, int outputs)
                {
                    W1 = {|INIT001:np.zeros((inputs, hidden))|};
                    W2 = np.random.normal(0, System.Math.Sqrt(2.0 / hidden), (hidden, outputs));
                }

                public NDArray Forward(NDArray x) => np.dot(np.maximum(np.dot(x, W1), 0), W2);
            }
            """);

    [Fact]
    public Task A_partial_class_is_judged_across_its_files() =>
        VerifyAsync(new[]
        {
            """
            using NumSharp;

            public partial class Net
            {
                private NDArray W1;
                private NDArray W2;

                public NDArray Forward(NDArray x) => np.dot(np.tanh(np.dot(x, W1)), W2);
            }
            """,
            """
            using NumSharp;

            public partial class Net
            {
                public Net()
                {
                    W1 = {|INIT001:np.zeros((784, 128))|};
                    W2 = np.random.uniform(-0.1, 0.1, new Shape(128, 10));
                }
            }
            """,
        });

    [Fact]
    public Task A_layer_class_whose_forward_results_are_chained_is_hidden() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Dense
            {
                private readonly NDArray weights;

                public Dense(int inputs, int outputs) => weights = {|INIT001:np.zeros((inputs, outputs))|};

                public NDArray Forward(NDArray x) => np.tanh(np.dot(x, weights));
            }

            public static class Program
            {
                public static NDArray Run(NDArray x)
                {
                    var first = new Dense(784, 128);
                    var second = new Dense(128, 10);
                    return second.Forward(first.Forward(x));
                }
            }
            """);

    [Fact]
    public Task A_recurrent_cell_makes_its_input_and_recurrent_weights_hidden_and_its_readout_the_output() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class Rnn
            {
                private NDArray Wxh = {|INIT001:np.zeros((10, 32))|};
                private NDArray Whh = {|INIT001:np.zeros((32, 32))|};
                private NDArray Why = np.zeros((32, 1));
                private NDArray bh = np.zeros(32);

                public NDArray Forward(NDArray[] inputs)
                {
                    var h = np.zeros((1, 32));
                    foreach (var x in inputs)
                    {
                        h = np.tanh(np.dot(x, Wxh) + np.dot(h, Whh) + bh);
                    }

                    return np.dot(h, Why);
                }

                public void Update(NDArray dWxh, NDArray dWhh, NDArray dWhy, double rate)
                {
                    Wxh -= rate * dWxh;
                    Whh -= rate * dWhh;
                    Why -= rate * dWhy;
                }
            }
            """);

    [Fact]
    public Task A_static_program_with_static_weights_is_judged_like_a_class() =>
        VerifyAsync("""
            using NumSharp;

            public static class Program
            {
                private static NDArray W1 = {|INIT001:np.zeros((2, 8))|};
                private static NDArray W2 = np.random.randn(8, 1) * np.sqrt(1.0 / 8);

                private static NDArray Sigmoid(NDArray z) => 1 / (1 + np.exp(-z));

                public static NDArray Predict(NDArray x) => Sigmoid(np.dot(Sigmoid(np.dot(x, W1)), W2));

                public static void Train(NDArray x, NDArray y, NDArray hidden, NDArray dOut, double rate)
                {
                    W2 -= rate * np.dot(hidden.T, dOut);
                    W1 -= rate * np.dot(x.T, np.dot(dOut, W2.T) * hidden * (1 - hidden));
                }
            }
            """);

    [Fact]
    public Task Biases_gradients_moments_and_caches_are_not_weights() =>
        VerifyAsync("""
            using System;
            using NumSharp;

            public sealed class AdamMlp
            {
                private NDArray W1 = np.random.randn(784, 128) * Math.Sqrt(2.0 / 784);
                private NDArray b1 = np.zeros(128);
                private NDArray W2 = np.random.randn(128, 10) * Math.Sqrt(1.0 / 128);
                private NDArray b2 = np.zeros((1, 10));
                private NDArray dW1 = np.zeros((784, 128));
                private NDArray dW2 = np.zeros((128, 10));
                private NDArray mW1 = np.zeros((784, 128));
                private NDArray vW1 = np.zeros((784, 128));
                private NDArray velocityW2 = np.zeros((128, 10));
                private NDArray cacheA1 = np.zeros((1, 128));
                private NDArray outputs = np.zeros((1, 10));

                public NDArray Forward(NDArray x)
                {
                    cacheA1 = np.maximum(np.dot(x, W1) + b1, 0);
                    outputs = np.dot(cacheA1, W2) + b2;
                    return outputs;
                }

                public void Backward(NDArray x, NDArray dOut, double rate)
                {
                    dW2 = np.dot(cacheA1.T, dOut);
                    var dA1 = np.dot(dOut, W2.T) * (cacheA1 > 0);
                    dW1 = np.dot(x.T, dA1);
                    mW1 = 0.9 * mW1 + 0.1 * dW1;
                    vW1 = 0.999 * vW1 + 0.001 * dW1 * dW1;
                    velocityW2 = 0.9 * velocityW2 + dW2;
                    W1 -= rate * mW1 / (np.sqrt(vW1) + 1e-8);
                    W2 -= rate * velocityW2;
                    b1 -= rate * np.sum(dA1, 0);
                    b2 -= rate * np.sum(dOut, 0);
                }
            }
            """);

    [Fact]
    public Task A_single_layer_regression_is_not_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class LogisticRegression
            {
                private NDArray weights = np.zeros((784, 1));
                private NDArray bias = np.zeros(1);

                public NDArray Predict(NDArray x) => 1 / (1 + np.exp(-(np.dot(x, weights) + bias)));

                public void Fit(NDArray x, NDArray y, double rate)
                {
                    var error = Predict(x) - y;
                    weights -= rate * np.dot(x.T, error);
                }
            }
            """);

    [Fact]
    public Task A_zero_output_layer_behind_a_random_hidden_layer_is_not_reported() =>
        VerifyAsync(Network("np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)").Replace("W2 = np.random.randn(hidden, outputs) * Math.Sqrt(2.0 / hidden);", "W2 = np.zeros((hidden, outputs));"));

    [Fact]
    public Task A_residual_branch_starting_at_zero_is_not_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class ResidualNet
            {
                private readonly NDArray W1 = np.random.randn(64, 64) * np.sqrt(2.0 / 64);
                private readonly NDArray W2 = np.zeros((64, 64));
                private readonly NDArray W3 = np.random.randn(64, 10) * np.sqrt(1.0 / 64);

                public NDArray Forward(NDArray x)
                {
                    var h1 = np.maximum(np.dot(x, W1), 0);
                    var h2 = h1 + np.dot(h1, W2);
                    return np.dot(h2, W3);
                }
            }
            """);

    [Theory]
    [InlineData("public void Load(string path) => W1 = (NDArray)np.load(path);")]
    [InlineData("public void Load(string path) => W1 = np.load(path) as NDArray;")]
    [InlineData("public void CopyFrom(Mlp other) { W1 = other.W1.copy(); }")]
    [InlineData("public void CopyFrom(Mlp other) { W1 = other.W1; }")]
    [InlineData("public void Fill(Random random) { for (int i = 0; i < W1.shape[0]; i++) W1[i] = np.random.randn(W1.shape[1]) * 0.1; }")]
    [InlineData("public void Fill() { np.copyto(W1, np.random.randn(784, 128)); }")]
    [InlineData("public void Fill() => Initializer.Fill(W1);")]
    [InlineData("public NDArray Weights => W1;")]
    [InlineData("public void Reset() => W1 = np.random.randn(784, 128) * 0.01;")]
    [InlineData("public void Reset() => W1 = np.zeros_like(W2);")]
    public Task Zeros_filled_later_are_not_reported(string later) =>
        VerifyAsync(Network("np.zeros((inputs, hidden))").Replace("    public NDArray Forward(", "    " + later + "\n\n    public NDArray Forward(") + """

            public static class Initializer
            {
                public static void Fill(NDArray weights) { }
            }
            """);

    [Fact]
    public Task A_public_settable_member_may_be_set_from_outside() =>
        VerifyAsync(Network("np.zeros((inputs, hidden))").Replace("private NDArray W1;", "public NDArray W1 { get; set; }"));

    [Fact]
    public Task A_public_field_written_by_another_type_is_not_reported() =>
        VerifyAsync(Network("np.zeros((inputs, hidden))").Replace("private NDArray W1;", "public NDArray W1;") + """

            public static class Checkpoint
            {
                public static void Restore(Mlp model, string path) => model.W1 = (NDArray)np.load(path);
            }
            """);

    [Fact]
    public Task Zero_arrays_of_non_neural_code_are_not_reported() =>
        VerifyAsync("""
            using NumSharp;

            public sealed class ImageTools
            {
                private readonly NDArray histogram = np.zeros(256);
                private NDArray buffer = np.zeros((480, 640));
                private readonly NDArray toGray = np.zeros(3);
                private readonly NDArray blurKernel = np.ones((3, 3)) / 9.0;
                private readonly NDArray projection = np.zeros((640, 2));

                public ImageTools()
                {
                    toGray[0] = 0.299;
                    toGray[1] = 0.587;
                    toGray[2] = 0.114;
                }

                public NDArray Gray(NDArray rgb) => np.dot(rgb, toGray);

                public NDArray Blur(NDArray patch) => np.dot(patch, blurKernel);

                public NDArray Project(NDArray image) => np.dot(np.dot(image, projection), projection.T);

                public void Accumulate(NDArray image)
                {
                    buffer = buffer + image;
                    histogram[0] = histogram[0] + 1;
                }
            }
            """);

    [Fact]
    public Task Zeros_in_one_method_and_a_draw_in_another_are_not_judged() =>
        VerifyAsync(Network("np.zeros((inputs, hidden))").Replace("    public NDArray Forward(", "    public void Randomize() => W1 = np.random.randn(W1.shape[0], W1.shape[1]) * 0.05;\n\n    public NDArray Forward("));

    [Fact]
    public Task Look_alike_types_outside_NumSharp_are_not_NumSharp() =>
        VerifyAsync("""
            namespace Mine
            {
                public sealed class NDArray
                {
                }

                public static class np
                {
                    public static NDArray zeros((int, int) shape) => new NDArray();

                    public static NDArray dot(NDArray a, NDArray b) => a;

                    public static NDArray tanh(NDArray a) => a;
                }

                public sealed class Net
                {
                    private NDArray W1 = np.zeros((784, 128));
                    private NDArray W2 = np.zeros((128, 10));

                    public NDArray Forward(NDArray x) => np.dot(np.tanh(np.dot(x, W1)), W2);
                }
            }
            """);

    [Theory]
    [InlineData("private NDArray W1 = np.zeros((784")]
    [InlineData("var h = np.maximum(np.dot(x, W1")]
    [InlineData("return np.dot(h, W2)")]
    [InlineData("W1 -= rate * np.dot(x.T")]
    public async Task Half_typed_code_does_not_crash_the_analyzer(string cut)
    {
        const string Source = """
            using NumSharp;

            public sealed class Net
            {
                private NDArray W1 = np.zeros((784, 128));
                private NDArray W2 = np.zeros((128, 10));

                public NDArray Forward(NDArray x)
                {
                    var h = np.maximum(np.dot(x, W1), 0);
                    return np.dot(h, W2);
                }

                public void Train(NDArray x, NDArray d, double rate)
                {
                    W1 -= rate * np.dot(x.T, d);
                }
            }
            """;
        var broken = Source.Substring(0, Source.IndexOf(cut, System.StringComparison.Ordinal) + cut.Length);
        var test = Infrastructure.AnalyzerVerifier.CreateTest();
        test.ReferenceAssemblies = Infrastructure.TestReferences.Net80WithNumSharp;
        test.TestState.Sources.Add(broken);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        test.TestState.MarkupHandling = MarkupMode.None;
        try
        {
            await test.RunAsync();
        }
        catch (System.InvalidOperationException ex) when (!ex.Message.Contains("AD0001", System.StringComparison.Ordinal))
        {
            // A mismatch in INIT diagnostics on broken code is acceptable; an analyzer exception is not.
        }
    }

    private static string Message(string activation) => activation switch
    {
        "tanh" or "sigmoid" or "softmax" => $"Xavier normal values, which suit the {activation} that follows (std sqrt(2 / (fan_in + fan_out)))",
        _ => $"He normal values, which suit the {activation} that follows (std sqrt(2 / fan_in))",
    };
}

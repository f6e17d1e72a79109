using System.Threading.Tasks;
using InitAnalyzers.Tests.Fixes;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// INIT003 on MathNet and NumSharp weights: a distribution whose std or bound is a scheme's formula (<c>new Normal(0,
/// Math.Sqrt(2.0 / inputs))</c>, <c>np.random.randn(a, b) * Math.Sqrt(2.0 / a)</c>) against the activation applied to the
/// layer, and the fix to the scheme that suits it.
/// </summary>
public sealed class MatrixActivationMismatchTests
{
    private static string Tanh(string source) => source.Replace(".Map(v => Math.Max(0, v))", ".Map(Math.Tanh)");

    [Theory]
    [InlineData("{|INIT003:Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))|}")]
    [InlineData("{|INIT003:Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-Math.Sqrt(6.0 / inputs), Math.Sqrt(6.0 / inputs)))|}")]
    [InlineData("{|INIT003:Matrix<double>.Build.Random(hidden, inputs, Normal.WithMeanStdDev(0, Math.Sqrt(2.0 / inputs)))|}")]
    public Task MathNet_He_before_tanh_is_reported(string hidden) =>
        MathNetVerifier.VerifyAsync(Tanh(MathNetZeroWeightsTests.Network(hidden)));

    [Theory]
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))", false)] // He before ReLU
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / (inputs + hidden))))", true)] // Xavier before tanh
    [InlineData("Matrix<double>.Build.Random(hidden, inputs, Normal.WithMeanVariance(0, Math.Sqrt(2.0 / inputs)))", true)] // a variance, not a std: not read
    public Task MathNet_schemes_that_suit_or_cannot_be_read_are_not_reported(string hidden, bool tanh) =>
        MathNetVerifier.VerifyAsync(tanh ? Tanh(MathNetZeroWeightsTests.Network(hidden)) : MathNetZeroWeightsTests.Network(hidden));

    [Fact]
    public Task MathNet_He_before_tanh_becomes_Xavier() =>
        MathNetVerifier.VerifyFixAsync(
            Tanh(MathNetZeroWeightsTests.Network("{|INIT003:Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))|}")),
            MathNetFixTests.Fixed(Tanh(MathNetZeroWeightsTests.Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.XavierStd(inputs, hidden)))"))));

    [Theory]
    [InlineData("{|INIT003:np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)|}")]
    [InlineData("{|INIT003:np.random.normal(0, Math.Sqrt(2.0 / inputs), (inputs, hidden))|}")]
    [InlineData("{|INIT003:np.random.uniform(-Math.Sqrt(6.0 / inputs), Math.Sqrt(6.0 / inputs), (inputs, hidden))|}")]
    public Task NumSharp_He_before_tanh_is_reported(string hidden) =>
        NumSharpVerifier.VerifyAsync(NumSharpFixTests.Network(hidden, "np.tanh(np.dot(x, W1))"));

    [Theory]
    [InlineData("np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)", "np.maximum(np.dot(x, W1), 0)")]
    [InlineData("np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / (inputs + hidden))", "np.tanh(np.dot(x, W1))")]
    public Task NumSharp_schemes_that_suit_are_not_reported(string hidden, string activation) =>
        NumSharpVerifier.VerifyAsync(NumSharpFixTests.Network(hidden, activation));

    [Fact]
    public Task NumSharp_He_before_tanh_becomes_Xavier() =>
        NumSharpVerifier.VerifyFixAsync(
            NumSharpFixTests.Network("{|INIT003:np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)|}", "np.tanh(np.dot(x, W1))"),
            NumSharpFixTests.Network("np.random.normal(0, WeightInit.XavierStd(inputs, hidden), new Shape(inputs, hidden))", "np.tanh(np.dot(x, W1))", withUsing: true));

    [Fact]
    public Task MathNet_message_names_where_the_layer_is_computed() =>
        MathNetVerifier.VerifyAsync(
            Tanh(MathNetZeroWeightsTests.Network("{|#0:Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))|}")),
            MathNetVerifier.Diagnostic("INIT003").WithLocation(0).WithArguments("w1", "He (Kaiming) normal with the ReLU gain", "tanh in Mlp.Forward (Test0.cs)", "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task NumSharp_message_names_where_the_layer_is_computed() =>
        NumSharpVerifier.VerifyAsync(
            NumSharpFixTests.Network("{|#0:np.random.randn(inputs, hidden) * Math.Sqrt(2.0 / inputs)|}", "np.tanh(np.dot(x, W1))"),
            NumSharpVerifier.Diagnostic("INIT003").WithLocation(0).WithArguments("W1", "He (Kaiming) normal with the ReLU gain", "tanh in Mlp.Forward (Test0.cs)", "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)", "Xavier normal values, which suit the tanh that follows (std sqrt(2 / (fan_in + fan_out)))"));

    private const string DeepMathNet = """
        using System;
        using MathNet.Numerics.Distributions;
        using MathNet.Numerics.LinearAlgebra;

        public sealed class Deep
        {
            private readonly Matrix<double> w1;
            private readonly Matrix<double> w2;
            private readonly Matrix<double> w3;

            public Deep(int inputs, int hidden, int outputs)
            {
                w1 = FIRST;
                w2 = SECOND;
                w3 = Matrix<double>.Build.Random(outputs, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)));
            }

            public Vector<double> Forward(Vector<double> x)
            {
                var h1 = (w1 * x).Map(v => Math.Max(0, v));
                var h2 = (w2 * h1).Map(v => Math.Max(0, v));
                return w3 * h2;
            }
        }
        """;

    private const string DeepNumSharp = """
        using System;
        using NumSharp;

        public sealed class Deep
        {
            private NDArray W1;
            private NDArray W2;
            private NDArray W3;

            public Deep(int inputs, int hidden, int outputs)
            {
                W1 = FIRST;
                W2 = SECOND;
                W3 = np.random.randn(hidden, outputs) * Math.Sqrt(1.0 / hidden);
            }

            public NDArray Forward(NDArray x)
            {
                var a1 = np.maximum(np.dot(x, W1), 0);
                var a2 = np.maximum(np.dot(a1, W2), 0);
                return np.dot(a2, W3);
            }
        }
        """;

    [Fact]
    public Task MathNet_Xavier_before_ReLU_in_two_hidden_layers_is_reported() =>
        MathNetVerifier.VerifyAsync(DeepMathNet
            .Replace("FIRST", "{|INIT003:Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / (inputs + hidden))))|}")
            .Replace("SECOND", "{|INIT003:Matrix<double>.Build.Random(hidden, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))|}"));

    [Fact]
    public Task MathNet_Xavier_before_ReLU_in_one_hidden_layer_is_not_reported() =>
        MathNetVerifier.VerifyAsync(MathNetZeroWeightsTests.Network("Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / (inputs + hidden))))"));

    [Fact]
    public Task NumSharp_Xavier_before_ReLU_in_two_hidden_layers_is_reported() =>
        NumSharpVerifier.VerifyAsync(DeepNumSharp
            .Replace("FIRST", "{|INIT003:np.random.normal(0, Math.Sqrt(2.0 / (inputs + hidden)), (inputs, hidden))|}")
            .Replace("SECOND", "{|INIT003:np.random.randn(hidden, hidden) / Math.Sqrt(hidden)|}"));

    [Fact]
    public Task NumSharp_Xavier_before_ReLU_in_one_hidden_layer_is_not_reported() =>
        NumSharpVerifier.VerifyAsync(NumSharpFixTests.Network("np.random.normal(0, Math.Sqrt(2.0 / (inputs + hidden)), (inputs, hidden))"));

    [Fact]
    public Task MathNet_He_before_ReLU_in_two_hidden_layers_is_not_reported() =>
        MathNetVerifier.VerifyAsync(DeepMathNet
            .Replace("FIRST", "Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / inputs)))")
            .Replace("SECOND", "Matrix<double>.Build.Random(hidden, hidden, new Normal(0, Math.Sqrt(2.0 / hidden)))"));

    [Fact]
    public Task MathNet_Xavier_and_LeCun_before_ReLU_in_two_hidden_layers_become_He_with_Fix_All() =>
        MathNetVerifier.VerifyFixAsync(
            DeepMathNet
                .Replace("FIRST", "{|INIT003:Matrix<double>.Build.Random(hidden, inputs, new Normal(0, Math.Sqrt(2.0 / (inputs + hidden))))|}")
                .Replace("SECOND", "{|INIT003:Matrix<double>.Build.Random(hidden, hidden, new Normal(0, Math.Sqrt(1.0 / hidden)))|}"),
            MathNetFixTests.Fixed(DeepMathNet
                .Replace("FIRST", "Matrix<double>.Build.Random(hidden, inputs, new Normal(0, WeightInit.HeStd(inputs)))")
                .Replace("SECOND", "Matrix<double>.Build.Random(hidden, hidden, new Normal(0, WeightInit.HeStd(hidden)))")));
}

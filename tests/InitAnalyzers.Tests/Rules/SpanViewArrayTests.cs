using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Robustness.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Rules;

/// <summary>
/// Weights kept in arrays and used through span views of them (<c>ReadOnlySpan&lt;float&gt; w = weights;</c>,
/// <c>var w = weights.AsSpan();</c>), as performance-minded networks are written: an element of the view is the array's, so
/// the weighted sum, the training step and the writes that fill it are read through the view. A view with a start or a length,
/// a slice, or a view handed to other code is unknown code, as a hand-off of the array is.
/// </summary>
public sealed class SpanViewArrayTests
{
    internal const string Network = """
        using System;
        using System.Runtime.InteropServices;

        public sealed class SpanMlp
        {
            private readonly int inputs, hidden, outputs;
            private readonly float[] w1;
            private readonly float[] w2;
            private readonly float[] b1;
            private readonly float[] h;
            private readonly float[] y;

            public SpanMlp(int inputs, int hidden, int outputs, int seed)
            {
                this.inputs = inputs;
                this.hidden = hidden;
                this.outputs = outputs;
                w1 = new float[hidden * inputs];
                w2 = new float[outputs * hidden];
                b1 = new float[hidden];
                h = new float[hidden];
                y = new float[outputs];
                var random = new Random(seed);
                INIT
            }

            public float[] Predict(ReadOnlySpan<float> x)
            {
                ReadOnlySpan<float> first = w1;
                for (int j = 0; j < hidden; j++)
                {
                    float sum = b1[j];
                    for (int i = 0; i < inputs; i++)
                        sum += first[j * inputs + i] * x[i];
                    h[j] = MathF.Max(0, sum);
                }

                var second = w2.AsSpan();
                Span<float> output = y;
                for (int k = 0; k < outputs; k++)
                {
                    float sum = 0;
                    for (int j = 0; j < hidden; j++)
                        sum += second[k * hidden + j] * h[j];
                    output[k] = sum;
                }

                return y;
            }

            public void Train(ReadOnlySpan<float> x, ReadOnlySpan<float> gradient, float rate)
            {
                Span<float> update = w1;
                for (int j = 0; j < hidden; j++)
                    for (int i = 0; i < inputs; i++)
                        update[j * inputs + i] -= rate * gradient[j] * x[i];
            }
        }
        """;

    private const string SecondLayer = "\nfor (int i = 0; i < w2.Length; i++) w2[i] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (hidden + outputs)));";

    [Fact]
    public Task A_fixed_uniform_draw_read_through_span_views_is_reported_with_the_activation_after_the_view() =>
        VerifyAsync(
            Network.Replace("INIT", "for (int i = 0; i < w1.Length; i++) {|#0:w1[i] = (float)random.NextDouble()|};" + SecondLayer),
            Diagnostic("INIT004").WithLocation(0).WithArguments("w1", "U[0, 1)", "which is not centred on zero (mean 0.5) and whose scale ignores the fan-in, so every unit's input shifts the same way", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Fact]
    public Task A_draw_written_through_a_span_view_is_reported_on_that_write() =>
        VerifyAsync(Network.Replace("INIT", "var fresh = w1.AsSpan();\nfor (int i = 0; i < fresh.Length; i++) {|INIT004:fresh[i] = (float)(random.NextDouble() - 0.5)|};" + SecondLayer));

    [Fact]
    public Task Weights_allocated_and_never_written_are_reported_though_training_writes_them_through_a_view() =>
        VerifyAsync(Network
            .Replace("INIT", SecondLayer)
            .Replace("w1 = new float[hidden * inputs];", "w1 = {|INIT001:new float[hidden * inputs]|};"));

    [Fact]
    public Task A_span_view_cleared_is_zero() =>
        VerifyAsync(Network.Replace("INIT", "Span<float> all = w1;\n{|INIT001:all.Clear()|};" + SecondLayer));

    [Fact]
    public Task A_span_view_filled_with_a_constant_is_constant() =>
        VerifyAsync(Network.Replace("INIT", "{|INIT002:w1.AsSpan().Fill(0.25f)|};" + SecondLayer));

    [Fact]
    public Task A_span_view_local_filled_with_a_constant_is_constant() =>
        VerifyAsync(Network.Replace("INIT", "var all = w1.AsSpan();\n{|INIT002:all.Fill(0.1f)|};" + SecondLayer));

    [Fact]
    public Task A_zero_fill_through_AsSpan_is_zero() =>
        VerifyAsync(Network.Replace("INIT", "{|INIT001:w1.AsSpan().Fill(0f)|};" + SecondLayer));

    [Fact]
    public Task Weights_filled_with_scaled_draws_through_a_view_are_not_reported() =>
        VerifyAsync(Network.Replace("INIT", "Span<float> fresh = w1;\nfor (int i = 0; i < fresh.Length; i++) fresh[i] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs));" + SecondLayer));

    [Fact]
    public Task Zero_biases_cleared_through_a_view_are_not_reported() =>
        VerifyAsync(Network.Replace("INIT", "b1.AsSpan().Clear();\nSpan<float> all = w1;\nfor (int i = 0; i < all.Length; i++) all[i] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs));" + SecondLayer));

    [Fact]
    public Task A_view_handed_to_unknown_code_may_fill_the_weights() =>
        VerifyAsync(Network
            .Replace("INIT", "var all = w1.AsSpan();\nLoad(all);" + SecondLayer)
            .Replace("public float[] Predict(", "private static void Load(Span<float> into) { }\n\n    public float[] Predict("));

    [Fact]
    public Task Random_bytes_written_through_a_reinterpreted_view_are_unknown_values() =>
        VerifyAsync(Network.Replace("INIT", "random.NextBytes(MemoryMarshal.AsBytes(w1.AsSpan()));" + SecondLayer));

    [Fact]
    public Task A_view_with_a_start_and_a_length_is_not_followed() =>
        VerifyAsync(Network.Replace("INIT", "var part = w1.AsSpan(0, w1.Length);\nfor (int i = 0; i < part.Length; i++) part[i] = 0.5f;" + SecondLayer));

    [Fact]
    public Task A_slice_of_a_view_is_not_followed() =>
        VerifyAsync(Network.Replace("INIT", "Span<float> all = w1;\nvar part = all.Slice(0);\npart.Fill(0.5f);" + SecondLayer));

    [Fact]
    public Task A_view_given_another_span_as_well_is_not_an_alias() =>
        VerifyAsync(Network.Replace("INIT", "Span<float> view = w1;\nif (seed < 0) view = new float[w1.Length];\nview.Fill(0.5f);" + SecondLayer));

    [Fact]
    public Task A_write_through_a_ref_to_a_span_element_is_unknown() =>
        VerifyAsync(Network.Replace("INIT", "Span<float> all = w1;\nfor (int i = 0; i < all.Length; i++) { ref float cell = ref all[i]; cell = 0.5f; }" + SecondLayer));

    [Fact]
    public Task A_ref_foreach_over_a_view_writes_the_weights() =>
        VerifyAsync(Network.Replace("INIT", "var all = w1.AsSpan();\nforeach (ref float cell in all) cell = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs));" + SecondLayer));

    [Fact]
    public Task A_foreach_that_only_reads_a_view_leaves_the_weights_zero() =>
        VerifyAsync(Network
            .Replace("INIT", "var all = w1.AsSpan();\nfloat total = 0;\nforeach (float cell in all) total += cell;" + SecondLayer)
            .Replace("w1 = new float[hidden * inputs];", "w1 = {|INIT001:new float[hidden * inputs]|};"));

    [Fact]
    public Task A_single_layer_read_through_a_view_is_not_a_symmetry_problem() =>
        VerifyAsync("""
            using System;

            public sealed class SpanRegression
            {
                private readonly float[] weights;
                private readonly float[] outputs;

                public SpanRegression(int inputs, int classes)
                {
                    weights = new float[classes * inputs];
                    outputs = new float[classes];
                }

                public float[] Predict(ReadOnlySpan<float> x)
                {
                    ReadOnlySpan<float> w = weights;
                    for (int k = 0; k < outputs.Length; k++)
                    {
                        float sum = 0;
                        for (int i = 0; i < x.Length; i++)
                            sum += w[k * x.Length + i] * x[i];
                        outputs[k] = 1f / (1f + MathF.Exp(-sum));
                    }

                    return outputs;
                }
            }
            """);

    [Fact]
    public Task Jagged_layers_read_through_a_view_of_the_outer_array_are_reported() =>
        VerifyAsync("""
            using System;

            public sealed class Network
            {
                private readonly int[] sizes;
                private readonly double[][][] weights;
                private readonly double[][] output;

                public Network(int[] sizes)
                {
                    this.sizes = sizes;
                    var random = new Random(7);
                    weights = new double[sizes.Length][][];
                    output = new double[sizes.Length][];
                    for (int l = 0; l < sizes.Length; l++)
                    {
                        output[l] = new double[sizes[l]];
                        if (l == 0) continue;
                        weights[l] = new double[sizes[l]][];
                        for (int n = 0; n < sizes[l]; n++)
                        {
                            weights[l][n] = new double[sizes[l - 1]];
                            for (int p = 0; p < sizes[l - 1]; p++) {|INIT004:weights[l][n][p] = random.NextDouble() * 1.8 - 0.9|};
                        }
                    }
                }

                public double[] Calculate(double[] input)
                {
                    output[0] = input;
                    Span<double[][]> layers = weights;
                    Span<double[]> outputs = output;
                    for (int l = 1; l < sizes.Length; l++)
                    {
                        for (int n = 0; n < sizes[l]; n++)
                        {
                            double sum = 0;
                            for (int p = 0; p < sizes[l - 1]; p++)
                                sum += outputs[l - 1][p] * layers[l][n][p];
                            outputs[l][n] = Math.Tanh(sum);
                        }
                    }

                    return output[sizes.Length - 1];
                }
            }
            """);

    [Theory]
    [InlineData("ReadOnlySpan<float> first = w1;")]
    [InlineData("var second = w2.AsSpan();")]
    [InlineData("sum += first[j * inputs + i] * x[i];")]
    [InlineData("update[j * inputs + i] -= rate * gradient[j] * x[i];")]
    public async Task Half_typed_span_code_does_not_crash_the_analyzer(string cut)
    {
        var code = Network.Replace("INIT", "var all = w1.AsSpan();\nfor (int i = 0; i < all.Length; i++) all[i] = (float)random.NextDouble();");
        var broken = code.Substring(0, code.IndexOf(cut, System.StringComparison.Ordinal) + cut.Length / 2);
        var references = await Infrastructure.TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("HalfTyped", new[] { CSharpSyntaxTree.ParseText(broken) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // Whatever INIT diagnostics half-typed code gets, no analyzer may throw.
        var result = await AnalyzerHost.AnalyzeAsync(compilation);
        Assert.Empty(result.Crashes);
    }
}

using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using InitAnalyzers.Tests.Rules;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes for flat weight arrays read through span views (<see cref="SpanViewArrayTests"/>): the statement that fills the array
/// is rewritten, whether it writes the array or a view of it, with the user's random source and element type. The layer is
/// flattened (<c>new float[hidden * inputs]</c>, indexed <c>w[j * inputs + i]</c>), so the orientation is unknown and the fix
/// writes Xavier over the allocation's two factors, which must name the same sizes where the fix goes.
/// </summary>
public sealed class SpanViewArrayFixTests
{
    private const string SecondLayer = "\nfor (int i = 0; i < w2.Length; i++) w2[i] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (hidden + outputs)));";

    private static string Code(string init, string second = SecondLayer) => SpanViewArrayTests.Network.Replace("INIT", init + second);

    private static string Fixed(string init, string second = SecondLayer) => Code(init, second).WithRuntimeUsing();

    [Fact]
    public Task A_draw_into_the_array_becomes_a_Xavier_sample_over_the_flattened_sizes() =>
        VerifyFixAsync(
            Code("for (int i = 0; i < w1.Length; i++) {|INIT004:w1[i] = (float)random.NextDouble()|};"),
            Fixed("for (int i = 0; i < w1.Length; i++) w1[i] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(inputs, hidden));"));

    [Fact]
    public Task A_draw_through_a_span_view_is_rewritten_on_the_view() =>
        VerifyFixAsync(
            Code("var fresh = w1.AsSpan();\nfor (int i = 0; i < fresh.Length; i++) {|INIT004:fresh[i] = (float)(random.NextDouble() - 0.5)|};"),
            Fixed("var fresh = w1.AsSpan();\nfor (int i = 0; i < fresh.Length; i++) fresh[i] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(inputs, hidden));"));

    [Fact]
    public Task A_constant_fill_through_AsSpan_becomes_one_runtime_call_on_the_array() =>
        VerifyFixAsync(
            Code("{|INIT002:w1.AsSpan().Fill(0.25f)|};"),
            Fixed("WeightInit.XavierNormal(w1, fanIn: inputs, fanOut: hidden, random: random);"));

    [Fact]
    public Task A_cleared_span_view_is_filled_through_the_runtime_span_overload() =>
        VerifyFixAsync(
            Code("Span<float> all = w1;\n{|INIT001:all.Clear()|};"),
            Fixed("Span<float> all = w1;\n        WeightInit.XavierNormal(all, fanIn: inputs, fanOut: hidden, random: random);"));

    [Fact]
    public Task Fix_All_rewrites_both_flattened_layers_with_their_own_sizes() =>
        VerifyFixAsync(
            Code(
                "Span<float> first = w1;\nfor (int i = 0; i < first.Length; i++) {|INIT004:first[i] = (float)random.NextDouble()|};",
                "\nfor (int i = 0; i < w2.Length; i++) {|INIT004:w2[i] = (float)(random.NextDouble() * 2 - 1)|};"),
            Fixed(
                "Span<float> first = w1;\nfor (int i = 0; i < first.Length; i++) first[i] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(inputs, hidden));",
                "\nfor (int i = 0; i < w2.Length; i++) w2[i] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(hidden, outputs));"),
            EquivalenceKeys.RecommendedInitialization);

    [Fact]
    public Task Sizes_the_constructor_stores_in_fields_name_the_same_sizes_in_a_later_method() =>
        VerifyFixAsync(
            SpanViewArrayTests.Network
                .Replace("INIT", SecondLayer)
                .Replace("public float[] Predict(", "public void Randomize(Random random)\n    {\n        for (int i = 0; i < w1.Length; i++) {|INIT004:w1[i] = (float)random.NextDouble()|};\n    }\n\n    public float[] Predict("),
            SpanViewArrayTests.Network.WithRuntimeUsing()
                .Replace("INIT", SecondLayer)
                .Replace("public float[] Predict(", "public void Randomize(Random random)\n    {\n        for (int i = 0; i < w1.Length; i++) w1[i] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(inputs, hidden));\n    }\n\n    public float[] Predict("));

    [Fact]
    public Task No_fix_is_offered_where_a_field_the_constructor_stored_a_size_in_is_given_another_value_later() =>
        VerifyNoFixAsync(SpanViewArrayTests.Network
            .Replace("INIT", SecondLayer)
            .Replace("private readonly int inputs, hidden, outputs;", "private int inputs, hidden, outputs;")
            .Replace("public float[] Predict(", "public void Randomize(Random random)\n    {\n        hidden = hidden * 2;\n        for (int i = 0; i < w1.Length; i++) {|INIT004:w1[i] = (float)random.NextDouble()|};\n    }\n\n    public float[] Predict("));

    [Fact]
    public Task No_fix_is_offered_where_the_allocation_sizes_mean_something_else() =>
        VerifyNoFixAsync(SpanViewArrayTests.Network
            .Replace("INIT", SecondLayer)
            .Replace("public float[] Predict(", "public void Reset(int inputs)\n    {\n        var random = new Random(inputs);\n        for (int i = 0; i < w1.Length; i++) {|INIT004:w1[i] = (float)random.NextDouble()|};\n    }\n\n    public float[] Predict("));
}

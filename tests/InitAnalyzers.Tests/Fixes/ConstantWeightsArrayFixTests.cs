using System.Threading.Tasks;
using InitAnalyzers.Tests.Rules;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>INIT002 and per-element INIT001 fixes: a fill call becomes one WeightInit call, a loop write becomes a scaled sample.</summary>
public sealed class ConstantWeightsArrayFixTests
{
    private static string After(string init) =>
        ConstantWeightsArrayTests.Network.WithRuntimeUsing().Replace("INIT", init);

    [Fact]
    public Task Array_Fill_of_a_row_with_a_constant_becomes_a_Xavier_fill_of_that_row_for_a_tanh_layer() =>
        VerifyFixAsync(
            ConstantWeightsArrayTests.Network.Replace("INIT", "{|INIT002:Array.Fill(w1[i], 0.5f)|};"),
            After("WeightInit.XavierNormal(w1[i], fanIn: w1[i].Length, fanOut: w1.Length, random: random);"));

    [Fact]
    public Task A_constant_loop_write_becomes_a_scaled_uniform_sample_from_the_users_random() =>
        VerifyFixAsync(
            ConstantWeightsArrayTests.Network.Replace("INIT", "for (int j = 0; j < inputs; j++) {|INIT002:w1[i][j] = 1f|};"),
            After("for (int j = 0; j < inputs; j++) w1[i][j] = (float)((random.NextDouble() * 2 - 1) * WeightInit.XavierBound(w1[i].Length, w1.Length));"));

    [Fact]
    public Task A_zero_loop_write_without_a_random_in_scope_draws_from_Random_Shared() =>
        VerifyFixAsync(
            ConstantWeightsArrayTests.Network.Replace("Random random", "int seed").Replace("random.NextDouble()", "new Random(seed).NextDouble()")
                .Replace("INIT", "for (int j = 0; j < inputs; j++) {|INIT001:w1[i][j] = 0f|};"),
            ConstantWeightsArrayTests.Network.Replace("Random random", "int seed").Replace("random.NextDouble()", "new Random(seed).NextDouble()").WithRuntimeUsing()
                .Replace("INIT", "for (int j = 0; j < inputs; j++) w1[i][j] = (float)((Random.Shared.NextDouble() * 2 - 1) * WeightInit.XavierBound(w1[i].Length, w1.Length));"));
}

using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using InitAnalyzers.Tests.Rules;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes for layers whose weighted sums a helper computes (<c>MultiplyArray(wih, input)</c>): the fan-in is the dimension the
/// helper sums over, and the scheme suits the element-wise activation the call's result goes through.
/// </summary>
public sealed class WeightedSumHelperFixTests
{
    private static string Code(string wih, string map = "Sigmoid", string who = "who = ScaledArray(output, hidden)") =>
        WeightedSumHelperTests.Network.Replace("WIH", wih).Replace("WHO", who).Replace("MAP", map);

    private static string Fixed(string wih, string map = "Sigmoid", string who = "who = ScaledArray(output, hidden)") =>
        Code(wih, map, who).WithRuntimeUsing();

    [Fact]
    public Task A_sigmoid_layer_drawn_by_a_factory_gets_Xavier_over_the_dimension_the_helper_sums() =>
        VerifyFixAsync(
            Code("wih = {|INIT004:RandomArray(hidden, input)|}"),
            Fixed("wih = WeightInit.XavierUniform(new double[hidden, input], fanIn: input, fanOut: hidden, random: random)"));

    [Fact]
    public Task A_zero_ReLU_layer_gets_He_normal() =>
        VerifyFixAsync(
            Code("wih = {|INIT001:new double[hidden, input]|}", map: "Relu"),
            Fixed("wih = WeightInit.HeNormal(new double[hidden, input], fanIn: input, random: random)", map: "Relu"));

    [Fact]
    public Task Fix_All_gives_each_layer_its_own_scheme_and_sizes() =>
        VerifyFixAsync(
            Code("wih = {|INIT004:RandomArray(hidden, input)|}", map: "Relu", who: "who = {|INIT004:RandomArray(output, hidden)|}"),
            Fixed("wih = WeightInit.HeUniform(new double[hidden, input], fanIn: input, random: random)", map: "Relu", who: "who = WeightInit.XavierUniform(new double[output, hidden], fanIn: hidden, fanOut: output, random: random)"),
            EquivalenceKeys.RecommendedInitialization);
}

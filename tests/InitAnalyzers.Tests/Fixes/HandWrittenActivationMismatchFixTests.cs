using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;
using static InitAnalyzers.Tests.Rules.HandWrittenActivationMismatchTests;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// INIT003 fixes on hand-written networks: the user's draw is kept and the scheme's formula is replaced by the scale of the
/// scheme that suits the activation, in the same family (uniform stays uniform), with fans read off the array.
/// </summary>
public sealed class HandWrittenActivationMismatchFixTests
{
    private static string Fixed(string hidden, string activation) =>
        Network(hidden, activation).WithRuntimeUsing();

    [Fact]
    public Task He_normal_before_tanh_becomes_the_Xavier_std_over_both_fans() =>
        VerifyFixAsync(
            Network("{|INIT003:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)|}", Tanh),
            Fixed("hiddenWeights[i, j] = Gaussian() * WeightInit.XavierStd(hiddenWeights.GetLength(1), hiddenWeights.GetLength(0))", Tanh));

    [Fact]
    public Task He_uniform_before_sigmoid_stays_uniform_at_the_Xavier_bound() =>
        VerifyFixAsync(
            Network("{|INIT003:hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs)|}", Sigmoid),
            Fixed("hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.XavierBound(hiddenWeights.GetLength(1), hiddenWeights.GetLength(0))", Sigmoid));

    [Fact]
    public Task LeCun_before_ReLU_becomes_the_He_std() =>
        VerifyFixAsync(
            Deep.Replace("FIRST", "{|INIT003:w1[i, j] = Gaussian() / Math.Sqrt(inputs)|}").Replace("SECOND", "w2[i, j] = Gaussian() * Math.Sqrt(2.0 / units)"),
            Deep.Replace("FIRST", "w1[i, j] = Gaussian() * WeightInit.HeStd(w1.GetLength(1))").Replace("SECOND", "w2[i, j] = Gaussian() * Math.Sqrt(2.0 / units)").WithRuntimeUsing());

    [Fact]
    public Task A_scale_held_in_a_local_is_replaced_at_the_use() =>
        VerifyFixAsync(
            Network("double std = Math.Sqrt(2.0 / inputs);\n                {|INIT003:hiddenWeights[i, j] = Gaussian() * std|}", Tanh),
            Fixed("double std = Math.Sqrt(2.0 / inputs);\n                hiddenWeights[i, j] = Gaussian() * WeightInit.XavierStd(hiddenWeights.GetLength(1), hiddenWeights.GetLength(0))", Tanh));

    [Fact]
    public Task An_integer_division_meant_as_He_before_tanh_is_rescaled_to_Xavier_not_divided_in_floating_point() =>
        VerifyFixAsync(
            Network("{|INIT001:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / inputs)|}", Tanh),
            Fixed("hiddenWeights[i, j] = Gaussian() * WeightInit.XavierStd(hiddenWeights.GetLength(1), hiddenWeights.GetLength(0))", Tanh));

    [Fact]
    public Task An_integer_division_meant_as_He_before_ReLU_is_divided_in_floating_point() =>
        VerifyFixAsync(
            Network("{|INIT001:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / inputs)|}", ReLU),
            Network("hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs)", ReLU));

    [Fact]
    public Task A_formula_broken_by_precedence_is_replaced_by_the_scheme_of_the_activation() =>
        VerifyFixAsync(
            Network("{|INIT004:hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2.0 / inputs + hiddenUnits)|}", Tanh),
            Fixed("hiddenWeights[i, j] = Gaussian() * WeightInit.XavierStd(hiddenWeights.GetLength(1), hiddenWeights.GetLength(0))", Tanh));
}

using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using InitAnalyzers.Tests.Rules;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// Fixes for weights a helper builds and fills (<c>w1 = RandomMatrix(units, inputs)</c>): the call becomes the allocation the
/// helper makes, with the call's arguments as sizes, drawn by the runtime from the user's <c>Random</c>.
/// </summary>
public sealed class ArrayFactoryFixTests
{
    private static string Code(string w1, string w2 = "w2 = Scaled(1, units)", string activation = "Math.Max(0, sum)") =>
        ArrayFactoryTests.Network.Replace("W1", w1).Replace("W2", w2).Replace("DRAW", "random.NextDouble()").Replace("ACTIVATION", activation);

    private static string Fixed(string w1, string w2 = "w2 = Scaled(1, units)", string activation = "Math.Max(0, sum)") =>
        Code(w1, w2, activation).WithRuntimeUsing();

    [Fact]
    public Task An_unscaled_helper_call_becomes_its_allocation_drawn_He_uniform_from_the_users_random() =>
        VerifyFixAsync(
            Code("w1 = {|INIT004:RandomMatrix(units, inputs)|}"),
            Fixed("w1 = WeightInit.HeUniform(new double[units, inputs], fanIn: inputs, random: random)"));

    [Fact]
    public Task A_tanh_layer_made_by_a_ranged_helper_gets_Xavier_over_the_calls_sizes() =>
        VerifyFixAsync(
            Code("w1 = {|INIT004:Ranged(units, inputs, -0.9, 0.9)|}", activation: "Math.Tanh(sum)"),
            Fixed("w1 = WeightInit.XavierUniform(new double[units, inputs], fanIn: inputs, fanOut: units, random: random)", activation: "Math.Tanh(sum)"));

    [Fact]
    public Task A_zero_helper_call_becomes_its_allocation_drawn_He_normal() =>
        VerifyFixAsync(
            Code("w1 = {|INIT001:Zeros(units, inputs)|}"),
            Fixed("w1 = WeightInit.HeNormal(new double[units, inputs], fanIn: inputs, random: random)"));

    [Fact]
    public Task Fix_All_replaces_each_layers_call_with_its_own_sizes() =>
        VerifyFixAsync(
            Code("w1 = {|INIT004:RandomMatrix(units, inputs)|}", "w2 = {|INIT004:RandomMatrix(1, units)|}"),
            Fixed("w1 = WeightInit.HeUniform(new double[units, inputs], fanIn: inputs, random: random)", "w2 = WeightInit.XavierUniform(new double[1, units], fanIn: units, fanOut: 1, random: random)"),
            EquivalenceKeys.RecommendedInitialization);

    [Fact]
    public Task A_call_with_computed_sizes_keeps_them() =>
        VerifyFixAsync(
            Code("w1 = {|INIT004:RandomMatrix(units * 2, inputs)|}").Replace("hidden = new double[units];", "hidden = new double[units * 2];"),
            Fixed("w1 = WeightInit.HeUniform(new double[units * 2, inputs], fanIn: inputs, random: random)").Replace("hidden = new double[units];", "hidden = new double[units * 2];"));

    [Fact]
    public Task A_helper_that_computes_its_allocations_sizes_gets_no_fix() =>
        VerifyNoFixAsync(Code("w1 = {|INIT004:RandomMatrix(units, inputs)|}").Replace("double[,] matrix = new double[rows, columns];", "double[,] matrix = new double[rows, columns + 1];"));

    [Fact]
    public Task A_helper_that_changes_a_size_parameter_before_allocating_gets_no_fix() =>
        VerifyNoFixAsync(Code("w1 = {|INIT004:RandomMatrix(units, inputs)|}").Replace("double[,] matrix = new double[rows, columns];", "if (columns < 1) columns = 1;\n        double[,] matrix = new double[rows, columns];"));

    [Fact]
    public Task A_jagged_helper_gets_no_fix() =>
        VerifyNoFixAsync(Code("w1 = {|INIT004:RandomMatrix(units, inputs)|}")
            .Replace("private readonly double[,] w1;", "private readonly double[][] w1;").Replace("w1[i, j]", "w1[i][j]")
            .Replace("""
                private double[,] RandomMatrix(int rows, int columns)
                {
                    double[,] matrix = new double[rows, columns];
                    for (int i = 0; i < rows; i++)
                        for (int j = 0; j < columns; j++)
                            matrix[i, j] = random.NextDouble();
                    return matrix;
                }
            """, """
                private double[][] RandomMatrix(int rows, int columns)
                {
                    var matrix = new double[rows][];
                    for (int i = 0; i < rows; i++)
                    {
                        matrix[i] = new double[columns];
                        for (int j = 0; j < columns; j++) matrix[i][j] = random.NextDouble();
                    }

                    return matrix;
                }
            """));
}

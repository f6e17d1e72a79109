using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;
using static InitAnalyzers.Tests.Rules.ConstructionSitePairingTests;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// INIT003 and INIT004 fixes on a layer class whose hidden layers' constructions all choose one activation: the class's
/// initializer is rewritten to the scheme of that activation, keeping the user's draw and family; the fixed code compiles
/// and is no longer reported.
/// </summary>
public sealed class ConstructionSitePairingFixTests
{
    private const string ThreeReLU = "return new List<Layer> { new Layer(784, 256, Act.ReLU), new Layer(256, 128, Act.ReLU), new Layer(128, 64, Act.ReLU), new Layer(64, 10, Act.Softmax) };";

    private const string TwoTanh = "return new List<Layer> { new Layer(2, 8, Act.Tanh), new Layer(8, 8, Act.Tanh), new Layer(8, 1, Act.Sigmoid) };";

    [Fact]
    public Task Xavier_before_the_ReLU_chosen_at_construction_becomes_the_He_bound() =>
        VerifyFixAsync(
            new[] { EnumLayer.Replace("INIT", "{|INIT003:weights[o, i] = " + XavierUniform + "|}"), Network(ThreeReLU) },
            new[] { RuntimeUsing.WithRuntimeUsing(Layer("(Random.NextDouble() * 2 - 1) * WeightInit.HeBound(weights.GetLength(1))")), Network(ThreeReLU) });

    [Fact]
    public Task He_before_the_tanh_chosen_at_construction_becomes_the_Xavier_bound() =>
        VerifyFixAsync(
            new[] { EnumLayer.Replace("INIT", "{|INIT003:weights[o, i] = " + HeUniform + "|}"), Network(TwoTanh) },
            new[] { RuntimeUsing.WithRuntimeUsing(Layer("(Random.NextDouble() * 2 - 1) * WeightInit.XavierBound(weights.GetLength(1), weights.GetLength(0))")), Network(TwoTanh) });

    [Fact]
    public Task An_unscaled_draw_before_the_tanh_chosen_at_construction_is_scaled_for_Xavier() =>
        VerifyFixAsync(
            new[] { EnumLayer.Replace("INIT", "{|INIT004:weights[o, i] = Random.NextDouble() * 2 - 1|}"), Network(TwoTanh).Replace("public static List<Layer> Build()\n    {\n        return", "private static readonly List<Layer> Layers = Build();\n\n    public static List<Layer> Build()\n    {\n        return") },
            new[] { RuntimeUsing.WithRuntimeUsing(Layer("(Random.NextDouble() * 2 - 1) * WeightInit.XavierBound(weights.GetLength(1), weights.GetLength(0))")), Network(TwoTanh).Replace("public static List<Layer> Build()\n    {\n        return", "private static readonly List<Layer> Layers = Build();\n\n    public static List<Layer> Build()\n    {\n        return") });

    [Fact]
    public Task He_in_a_dense_layer_before_tanh_layers_in_a_list_becomes_the_Xavier_bound() =>
        VerifyFixAsync(
            new[] { Mini("{|INIT003:weights[o, i] = " + HeUniform + "|}"), Build(TanhList) },
            new[] { RuntimeUsing.WithRuntimeUsing(Mini("weights[o, i] = (Random.NextDouble() * 2 - 1) * WeightInit.XavierBound(weights.GetLength(1), weights.GetLength(0))")), Build(TanhList) });

    private const string TanhList = "net.Add(new Dense(2, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 8)); net.Add(new Tanh()); net.Add(new Dense(8, 1));";
}

using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Fixes;
using InitAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static InitAnalyzers.Tests.Rules.TorchSharp.TorchSources;

namespace InitAnalyzers.Tests.Meta;

/// <summary>
/// <c>init_analyzers.fix_distribution</c> (docs/configuration.md): <c>normal</c> or <c>uniform</c> is what every fix writes, for
/// arrays, MathNet, NumSharp and TorchSharp alike, from the user's own random source; <c>keep</c> (the default) keeps the
/// user's family. Every fixed source compiles and no longer has the diagnostic.
/// </summary>
public sealed class FixDistributionTests
{
    private static Task VerifyFixWithAsync(ReferenceAssemblies references, string distribution, string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = CodeFixVerifier.CreateTest(references);
        test.TestState.Sources.Add(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ninit_analyzers.fix_distribution = " + distribution + "\n"));
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.Add(fixedSource);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Uniform_turns_a_zero_array_into_a_He_uniform_fill() =>
        VerifyFixWithAsync(
            TestReferences.Net80,
            "uniform",
            ZeroWeightsArrayFixTests.Network("hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};"),
            ZeroWeightsArrayFixTests.Network("hiddenWeights = WeightInit.HeUniform(new double[hiddenUnits, inputs], fanIn: inputs, random: random);", withUsing: true));

    [Fact]
    public Task The_message_names_the_preferred_family() =>
        VerifyFixWithAsync(
            TestReferences.Net80,
            "Uniform",
            ZeroWeightsArrayFixTests.Network("hiddenWeights = {|#0:new double[hiddenUnits, inputs]|};"),
            ZeroWeightsArrayFixTests.Network("hiddenWeights = WeightInit.HeUniform(new double[hiddenUnits, inputs], fanIn: inputs, random: random);", withUsing: true),
            AnalyzerVerifier.Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", "He uniform values, which suit the ReLU that follows (bound sqrt(6 / fan_in))"));

    [Fact]
    public Task Normal_turns_a_uniform_draw_into_a_normal_sample_from_the_same_random() =>
        VerifyFixWithAsync(
            TestReferences.Net80,
            "normal",
            UnscaledRandomArrayFixTests.Before("{|INIT004:w1[i, j] = rnd.NextDouble()|}"),
            UnscaledRandomArrayFixTests.After("w1[i, j] = WeightInit.StandardNormal(rnd) * WeightInit.HeStd(w1.GetLength(1))"));

    [Fact]
    public Task Uniform_turns_a_normal_draw_into_a_centred_uniform_sample() =>
        VerifyFixWithAsync(
            TestReferences.Net80,
            "uniform",
            UnscaledRandomArrayFixTests.Before("double u1 = 1.0 - random.NextDouble();\n                double u2 = random.NextDouble();\n                {|INIT004:w1[i, j] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2)|}"),
            UnscaledRandomArrayFixTests.After("double u1 = 1.0 - random.NextDouble();\n                double u2 = random.NextDouble();\n                w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))"));

    [Theory]
    [InlineData("keep")]
    [InlineData("gaussian")] // not a setting: the user's family is kept
    public Task Keep_and_unknown_values_keep_the_users_family(string distribution) =>
        VerifyFixWithAsync(
            TestReferences.Net80,
            distribution,
            UnscaledRandomArrayFixTests.Before("{|INIT004:w1[i, j] = random.NextDouble()|}"),
            UnscaledRandomArrayFixTests.After("w1[i, j] = (random.NextDouble() * 2 - 1) * WeightInit.HeBound(w1.GetLength(1))"));

    [Fact]
    public Task Normal_turns_a_zero_written_element_by_element_into_a_normal_sample() =>
        VerifyFixWithAsync(
            TestReferences.Net80WithMathNet,
            "normal",
            Rules.MathNetZeroWeightsTests.Network("Matrix<double>.Build.Dense(hidden, inputs)")
                .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        var rng = new Random(7);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) {|INIT001:w1[i, j] = 0|};"),
            MathNetFixTests.Fixed(Rules.MathNetZeroWeightsTests.Network("Matrix<double>.Build.Dense(hidden, inputs)")
                .Replace("b1 = Vector<double>.Build.Dense(hidden);", "b1 = Vector<double>.Build.Dense(hidden);\n        var rng = new Random(7);\n        for (int i = 0; i < hidden; i++) for (int j = 0; j < inputs; j++) w1[i, j] = WeightInit.StandardNormal(rng) * WeightInit.HeStd(w1.ColumnCount);")));

    [Fact]
    public Task Uniform_turns_a_MathNet_normal_draw_into_a_ContinuousUniform() =>
        VerifyFixWithAsync(
            TestReferences.Net80WithMathNet,
            "uniform",
            Rules.MathNetZeroWeightsTests.Network("{|INIT004:Matrix<double>.Build.Random(hidden, inputs)|}"),
            MathNetFixTests.Fixed(Rules.MathNetZeroWeightsTests.Network("Matrix<double>.Build.Random(hidden, inputs, new ContinuousUniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs)))")));

    [Fact]
    public Task Normal_turns_a_NumSharp_uniform_draw_into_np_random_normal() =>
        VerifyFixWithAsync(
            TestReferences.Net80WithNumSharp,
            "normal",
            NumSharpFixTests.Network("{|INIT004:np.random.rand(inputs, hidden)|}"),
            NumSharpFixTests.Network("np.random.normal(0, WeightInit.HeStd(inputs), new Shape(inputs, hidden))", withUsing: true));

    [Fact]
    public Task Uniform_turns_NumSharp_zeros_into_np_random_uniform() =>
        VerifyFixWithAsync(
            TestReferences.Net80WithNumSharp,
            "uniform",
            NumSharpFixTests.Network("{|INIT001:np.zeros((inputs, hidden))|}"),
            NumSharpFixTests.Network("np.random.uniform(-WeightInit.HeBound(inputs), WeightInit.HeBound(inputs), (inputs, hidden))", withUsing: true));

    [Theory]
    [InlineData("uniform", "{|INIT001:init.zeros_(fc1.weight)|};", "init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("normal", "{|INIT004:init.uniform_(fc1.weight)|};", "init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", "ReLU()")]
    [InlineData("uniform", "{|INIT003:init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU)|};", "init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.Linear);", "SELU()")]
    public Task TorchSharp_writes_kaiming_in_the_preferred_family(string distribution, string before, string after, string activation) =>
        VerifyFixWithAsync(TestReferences.Net80WithTorchSharp, distribution, Mlp(before, activation: activation), Mlp(after, activation: activation));

    [Fact]
    public Task TorchSharp_Xavier_stays_uniform_because_its_xavier_normal_draws_uniform_values() =>
        VerifyFixWithAsync(
            TestReferences.Net80WithTorchSharp,
            "normal",
            Mlp("{|INIT001:init.zeros_(fc1.weight)|};", activation: "Tanh()"),
            Mlp("init.xavier_uniform_(fc1.weight, gain: init.calculate_gain(init.NonlinearityType.Tanh));", activation: "Tanh()"));
}

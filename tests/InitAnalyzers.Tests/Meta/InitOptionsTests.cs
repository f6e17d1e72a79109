using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using InitAnalyzers.Tests.Infrastructure;
using Xunit;
using Analyzer = InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;
using Fixer = InitAnalyzers.Tests.Infrastructure.CodeFixVerifier;

namespace InitAnalyzers.Tests.Meta;

/// <summary>The InitAnalyzers settings of .editorconfig (docs/configuration.md): each changes what it says, and nothing else.</summary>
public sealed class InitOptionsTests
{
    // A ReLU-free network whose hidden activation is a delegate chosen by the caller: not known to the analyzer.
    private const string Network = """
        using System;

        public sealed class Network
        {
            private readonly double[,] hiddenWeights;
            private readonly double[,] outputWeights;
            private readonly double[] hidden;
            private readonly Func<double, double> activation;

            public Network(int inputs, int hiddenUnits, int outputs, Random random, Func<double, double> activation)
            {
                this.activation = activation;
                HIDDEN
                OUTPUT
                hidden = new double[hiddenUnits];
            }

            public double[] Forward(double[] input)
            {
                for (int i = 0; i < hidden.Length; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < input.Length; j++)
                        sum += hiddenWeights[i, j] * input[j];
                    hidden[i] = activation(sum);
                }

                var output = new double[outputWeights.GetLength(0)];
                for (int i = 0; i < output.Length; i++)
                    for (int j = 0; j < hidden.Length; j++)
                        output[i] += outputWeights[i, j] * hidden[j];
                return output;
            }
        }
        """;

    private const string ZeroHidden = "hiddenWeights = {|#0:new double[hiddenUnits, inputs]|};";
    private const string RandomHidden = "hiddenWeights = new double[hiddenUnits, inputs];\n        for (int i = 0; i < hiddenUnits; i++) for (int j = 0; j < inputs; j++) hiddenWeights[i, j] = (random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / inputs);";
    private const string RandomOutput = "outputWeights = new double[outputs, hiddenUnits];\n        for (int i = 0; i < outputs; i++) for (int j = 0; j < hiddenUnits; j++) outputWeights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(hiddenUnits);";
    private const string ZeroOutput = "outputWeights = {|#0:new double[outputs, hiddenUnits]|};";

    private static string Source(string hidden, string output) => Network.Replace("HIDDEN", hidden).Replace("OUTPUT", output);

    private static async Task VerifyWithAsync(string editorconfig, string source, params DiagnosticResult[] expected)
    {
        var test = Analyzer.CreateTest();
        test.TestState.Sources.Add(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorconfig + "\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Without_settings_an_unknown_activation_names_both_remedies() =>
        VerifyWithAsync(
            string.Empty,
            Source(ZeroHidden, RandomOutput),
            Analyzer.Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)"));

    [Theory]
    [InlineData("tanh", "Xavier normal values, which suit the tanh assumed by init_analyzers.assumed_activation (std sqrt(2 / (fan_in + fan_out)))")]
    [InlineData("relu", "He normal values, which suit the ReLU assumed by init_analyzers.assumed_activation (std sqrt(2 / fan_in))")]
    [InlineData("SELU", "LeCun normal values, which suit the SELU assumed by init_analyzers.assumed_activation (std sqrt(1 / fan_in))")]
    public Task An_assumed_activation_chooses_the_remedy_and_says_it_was_assumed(string activation, string remedy) =>
        VerifyWithAsync(
            "init_analyzers.assumed_activation = " + activation,
            Source(ZeroHidden, RandomOutput),
            Analyzer.Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", remedy));

    [Fact]
    public Task An_unrecognised_assumed_activation_is_ignored() =>
        VerifyWithAsync(
            "init_analyzers.assumed_activation = banana",
            Source(ZeroHidden, RandomOutput),
            Analyzer.Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)"));

    [Fact]
    public async Task The_fix_writes_the_scheme_of_the_assumed_activation()
    {
        var test = Fixer.CreateTest();
        test.TestState.Sources.Add(Source("hiddenWeights = {|INIT001:new double[hiddenUnits, inputs]|};", RandomOutput));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ninit_analyzers.assumed_activation = tanh\n"));
        test.FixedState.Sources.Add(Source("hiddenWeights = WeightInit.XavierNormal(new double[hiddenUnits, inputs], fanIn: inputs, fanOut: hiddenUnits, random: random);", RandomOutput).WithRuntimeUsing());
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task A_name_listed_as_non_weight_is_never_reported() =>
        VerifyWithAsync("init_analyzers.non_weight_names = lookupTable, hiddenWeights", Source(ZeroHidden, RandomOutput));

    [Fact]
    public Task Zero_output_layers_are_accepted_by_default() =>
        VerifyWithAsync(string.Empty, Source(RandomHidden, ZeroOutput));

    [Fact]
    public Task Zero_output_layers_are_reported_when_that_role_is_not_accepted() =>
        VerifyWithAsync(
            "init_analyzers.accepted_zero_roles = none",
            Source(RandomHidden, ZeroOutput),
            Analyzer.Diagnostic("INIT001").WithLocation(0).WithArguments("outputWeights", "", "Xavier normal values, which suit a linear output (std sqrt(2 / (fan_in + fan_out)))"));

    [Fact]
    public Task Listing_output_layer_keeps_zero_output_layers_accepted() =>
        VerifyWithAsync("init_analyzers.accepted_zero_roles = output_layer", Source(RandomHidden, ZeroOutput));

    // Arrays named like any other, summed but neither trained nor drawn: weights only when the user says so
    // (without the setting they are not: WeightCluesTests).
    private static readonly string Unnamed = Recognition.WeightCluesTests.Layers
        .Replace("FIRST_INIT", "{|#0:new double[units, inputs]|}")
        .Replace("TRAINING", string.Empty);

    [Fact]
    public Task Names_listed_as_weights_make_summed_arrays_weights() =>
        VerifyWithAsync(
            "init_analyzers.weight_names = first, _second",
            Unnamed,
            Analyzer.Diagnostic("INIT001").WithLocation(0).WithArguments("first", "", "He normal values, which suit the ReLU that follows (std sqrt(2 / fan_in))"));

    [Fact]
    public Task Settings_apply_per_folder() =>
        VerifyWithAsync(
            "\n[/elsewhere/*.cs]\ninit_analyzers.non_weight_names = hiddenWeights",
            Source(ZeroHidden, RandomOutput),
            Analyzer.Diagnostic("INIT001").WithLocation(0).WithArguments("hiddenWeights", "", "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)"));

    [Fact]
    public async Task An_assumed_activation_is_never_evidence_of_a_mismatch()
    {
        // He before an activation the analyzer cannot see: assuming tanh chooses fixes, it does not make this INIT003.
        var test = Infrastructure.TorchSharpVerifier.CreateTest();
        test.TestState.Sources.Add(Rules.TorchSharp.TorchSources.Mlp("init.kaiming_normal_(fc1.weight);", forward: "return fc2.forward(Unknown(fc1.forward(x)));")
            .Replace("public override Tensor forward", "private static Tensor Unknown(Tensor x) => x.ToString() == \"\" ? x : x;\n\n    public override Tensor forward"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ninit_analyzers.assumed_activation = tanh\n"));
        await test.RunAsync(CancellationToken.None);
    }
}

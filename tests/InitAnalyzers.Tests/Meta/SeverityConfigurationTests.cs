using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static InitAnalyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace InitAnalyzers.Tests.Meta;

/// <summary>
/// The standard <c>dotnet_diagnostic.INIT00N.severity</c> settings of .editorconfig govern every rule. (Error severity and
/// category-wide settings are checked with a real build in the package tests, where the compiler applies them.)
/// </summary>
public sealed class SeverityConfigurationTests
{
    private const string ZeroHiddenLayer = """
        using System;

        public sealed class Network
        {
            private readonly double[,] hiddenWeights = {|#0:new double[128, 784]|};
            private readonly double[,] outputWeights = new double[10, 128];
            private readonly double[] hidden = new double[128];

            public Network(Random random)
            {
                for (int i = 0; i < 10; i++)
                    for (int j = 0; j < 128; j++)
                        outputWeights[i, j] = (random.NextDouble() * 2 - 1) / Math.Sqrt(128);
            }

            public double[] Forward(double[] input)
            {
                for (int i = 0; i < 128; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < 784; j++)
                        sum += hiddenWeights[i, j] * input[j];
                    hidden[i] = Math.Max(0, sum);
                }

                var output = new double[10];
                for (int i = 0; i < 10; i++)
                    for (int j = 0; j < 128; j++)
                        output[i] += outputWeights[i, j] * hidden[j];
                return output;
            }
        }
        """;

    [Theory]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public async Task A_severity_setting_changes_how_the_finding_is_reported(string setting, DiagnosticSeverity expected)
    {
        var test = CreateTest();
        test.TestState.Sources.Add(ZeroHiddenLayer);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.INIT001.severity = {setting}\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("INIT001", expected).WithLocation(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Severity_none_silences_the_rule()
    {
        var test = CreateTest();
        test.TestState.Sources.Add(ZeroHiddenLayer.Replace("{|#0:", string.Empty).Replace("|};", ";"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.INIT001.severity = none\n"));
        await test.RunAsync(CancellationToken.None);
    }
}

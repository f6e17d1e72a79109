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
    /// <summary>The zero hidden layer of <see cref="GeneratedCodeTests"/>, in handwritten code.</summary>
    private static readonly string ZeroHiddenLayer = GeneratedCodeTests.Network();

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

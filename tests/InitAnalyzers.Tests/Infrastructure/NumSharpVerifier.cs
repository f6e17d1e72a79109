using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using InitAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer and code-fix verifiers over compilations that reference NumSharp 0.70.0 (and, for fixes, the runtime
/// library), so every source and every fixed source must compile against the real NumSharp API.
/// </summary>
public static class NumSharpVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = AnalyzerVerifier.CreateTest();
        test.ReferenceAssemblies = TestReferences.Net80WithNumSharp;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix (one, then Fix All) to the diagnostics marked <c>{|#0:...|}</c>, <c>{|#1:...|}</c> in <paramref name="source"/>.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyFixAsync(new[] { source }, new[] { fixedSource }, expected);

    public static Task VerifyFixAsync(string[] sources, string[] fixedSources, params DiagnosticResult[] expected)
    {
        var test = CreateFixTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.CodeActionEquivalenceKey = EquivalenceKeys.RecommendedInitialization;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that the diagnostics in <paramref name="source"/> are reported but no fix is offered.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateFixTest();
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpCodeFixTest<InitializationAnalyzer, InitCodeFixProvider, DefaultVerifier> CreateFixTest()
    {
        var test = CodeFixVerifier.CreateTest();
        test.ReferenceAssemblies = TestReferences.Net80WithNumSharp;
        return test;
    }

    public static DiagnosticResult Diagnostic(string id) => AnalyzerVerifier.Diagnostic(id);
}

using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer and code-fix verifiers over compilations that reference NumSharp 0.70.0 (and, for fixes, the runtime
/// library), so every source and every fixed source must compile against the real NumSharp API.
/// </summary>
public static class NumSharpVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) =>
        AnalyzerVerifier.VerifyAsync(TestReferences.Net80WithNumSharp, sources, expected);

    /// <summary>Applies the fix (one, then Fix All) to the diagnostics marked <c>{|#0:...|}</c>, <c>{|#1:...|}</c> in <paramref name="source"/>.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyFixAsync(new[] { source }, new[] { fixedSource }, expected);

    public static Task VerifyFixAsync(string[] sources, string[] fixedSources, params DiagnosticResult[] expected) =>
        CodeFixVerifier.VerifyFixAsync(TestReferences.Net80WithNumSharp, sources, fixedSources, EquivalenceKeys.RecommendedInitialization, expected);

    /// <summary>Asserts that the diagnostics in <paramref name="source"/> are reported but no fix is offered.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected) =>
        CodeFixVerifier.VerifyNoFixAsync(TestReferences.Net80WithNumSharp, source, expected);

    public static DiagnosticResult Diagnostic(string id) => AnalyzerVerifier.Diagnostic(id);
}

using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using InitAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer and code-fix verifiers over compilations that reference TorchSharp 0.107.0, so every source and every
/// fixed source must compile against the real TorchSharp API. Nothing is executed: TorchSharp's native library never loads.
/// </summary>
public static class TorchSharpVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) =>
        AnalyzerVerifier.VerifyAsync(TestReferences.Net80WithTorchSharp, sources, expected);

    public static CSharpAnalyzerTest<InitializationAnalyzer, DefaultVerifier> CreateTest() => AnalyzerVerifier.CreateTest(TestReferences.Net80WithTorchSharp);

    /// <summary>Applies the fix (one, then Fix All) to every diagnostic in <paramref name="source"/> and compiles the result.</summary>
    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyFixAsync(new[] { source }, new[] { fixedSource }, expected);

    public static Task VerifyFixAsync(string[] sources, string[] fixedSources, params DiagnosticResult[] expected) =>
        CodeFixVerifier.VerifyFixAsync(TestReferences.Net80WithTorchSharp, sources, fixedSources, equivalenceKey: null, expected);

    /// <summary>Asserts that the diagnostics in <paramref name="source"/> are reported but no fix is offered.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected) =>
        CodeFixVerifier.VerifyNoFixAsync(TestReferences.Net80WithTorchSharp, source, expected);

    public static CSharpCodeFixTest<InitializationAnalyzer, InitCodeFixProvider, DefaultVerifier> CreateFixTest() => CodeFixVerifier.CreateTest(TestReferences.Net80WithTorchSharp);

    public static DiagnosticResult Diagnostic(string id) => AnalyzerVerifier.Diagnostic(id);
}

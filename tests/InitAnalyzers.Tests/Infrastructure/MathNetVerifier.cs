using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>The analyzer and code-fix verifiers with the real MathNet.Numerics 5.0.0 package in the compilation.</summary>
public static class MathNetVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = AnalyzerVerifier.CreateTest();
        test.ReferenceAssemblies = TestReferences.Net80WithMathNet;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static DiagnosticResult Diagnostic(string id) => AnalyzerVerifier.Diagnostic(id);

    public static Task VerifyFixAsync(string source, string fixedSource) => VerifyFixAsync(new[] { source }, new[] { fixedSource });

    public static Task VerifyFixAsync(string[] sources, string[] fixedSources, int? iterations = null)
    {
        var test = CodeFixVerifier.CreateTest();
        test.ReferenceAssemblies = TestReferences.Net80WithMathNet;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        if (iterations is { } count)
        {
            test.NumberOfFixAllIterations = count;
            test.NumberOfIncrementalIterations = count;
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that the diagnostics in <paramref name="source"/> are reported but no fix is offered.</summary>
    public static Task VerifyNoFixAsync(string source)
    {
        var test = CodeFixVerifier.CreateTest();
        test.ReferenceAssemblies = TestReferences.Net80WithMathNet;
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }
}

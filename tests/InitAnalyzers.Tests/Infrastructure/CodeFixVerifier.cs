using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using InitAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies <see cref="InitCodeFixProvider"/> (one fix, then Fix All) and compiles the result with the runtime
/// library referenced, so a fix whose output does not compile, or still triggers a rule, fails the test.
/// </summary>
public static class CodeFixVerifier
{
    public static Task VerifyFixAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        VerifyFixAsync(new[] { source }, new[] { fixedSource }, equivalenceKey);

    public static Task VerifyFixAsync(string[] sources, string[] fixedSources, string? equivalenceKey = null) =>
        VerifyFixAsync(TestReferences.Net80, sources, fixedSources, equivalenceKey);

    /// <summary>
    /// The fix verification every framework's verifier shares: <paramref name="expected"/> adds diagnostics that are not
    /// marked in the sources (those with a severity or arguments to check).
    /// </summary>
    public static Task VerifyFixAsync(ReferenceAssemblies references, string[] sources, string[] fixedSources, string? equivalenceKey = null, params DiagnosticResult[] expected)
    {
        var test = CreateTest(references);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that the diagnostics in <paramref name="source"/> are reported but no fix is offered.</summary>
    public static Task VerifyNoFixAsync(string source) => VerifyNoFixAsync(TestReferences.Net80, source);

    public static Task VerifyNoFixAsync(ReferenceAssemblies references, string source, params DiagnosticResult[] expected)
    {
        var test = CreateTest(references);
        test.TestState.Sources.Add(source);
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpCodeFixTest<InitializationAnalyzer, InitCodeFixProvider, DefaultVerifier> CreateTest(ReferenceAssemblies? references = null)
    {
        var test = new InitCodeFixTest<InitCodeFixProvider>
        {
            ReferenceAssemblies = references ?? TestReferences.Net80,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(InitAnalyzers.Runtime.WeightInit).Assembly.Location));
        return test;
    }
}

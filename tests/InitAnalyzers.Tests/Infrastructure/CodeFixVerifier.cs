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

    public static Task VerifyFixAsync(string[] sources, string[] fixedSources, string? equivalenceKey = null)
    {
        var test = CreateTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that the diagnostics in <paramref name="source"/> are reported but no fix is offered.</summary>
    public static Task VerifyNoFixAsync(string source)
    {
        var test = CreateTest();
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpCodeFixTest<InitializationAnalyzer, InitCodeFixProvider, DefaultVerifier> CreateTest()
    {
        var test = new InitCodeFixTest<InitCodeFixProvider>
        {
            ReferenceAssemblies = TestReferences.Net80,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(InitAnalyzers.Runtime.WeightInit).Assembly.Location));
        return test;
    }
}

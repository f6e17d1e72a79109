using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>Runs <see cref="InitializationAnalyzer"/> over markup source (<c>[|...|]</c>, <c>{|INIT001:...|}</c>) with .NET 8 reference assemblies.</summary>
public static class AnalyzerVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) => VerifyAsync(TestReferences.Net80, sources, expected);

    /// <summary>The verification every framework's verifier shares: the same test, with that framework's package referenced.</summary>
    public static Task VerifyAsync(ReferenceAssemblies references, string[] sources, params DiagnosticResult[] expected)
    {
        var test = CreateTest(references);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpAnalyzerTest<InitializationAnalyzer, DefaultVerifier> CreateTest(ReferenceAssemblies? references = null) => new InitAnalyzerTest
    {
        ReferenceAssemblies = references ?? TestReferences.Net80,
    };

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);
}

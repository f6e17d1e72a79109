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

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = CreateTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpAnalyzerTest<InitializationAnalyzer, DefaultVerifier> CreateTest() => new InitAnalyzerTest
    {
        ReferenceAssemblies = TestReferences.Net80,
    };

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);
}

using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer test every verifier creates. It runs as usual, except while <see cref="TestInputHarvest"/> collects the
/// suite's inputs for the robustness tests: then it records its sources and returns without running.
/// </summary>
public sealed class InitAnalyzerTest : CSharpAnalyzerTest<InitializationAnalyzer, DefaultVerifier>
{
    protected override Task RunImplAsync(CancellationToken cancellationToken) =>
        TestInputHarvest.TryRecord(TestState, fixedState: null, ReferenceAssemblies) ? Task.CompletedTask : base.RunImplAsync(cancellationToken);
}

/// <summary>The code-fix test every verifier creates; see <see cref="InitAnalyzerTest"/>.</summary>
public sealed class InitCodeFixTest<TCodeFix> : CSharpCodeFixTest<InitializationAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    protected override Task RunImplAsync(CancellationToken cancellationToken) =>
        TestInputHarvest.TryRecord(TestState, FixedState, ReferenceAssemblies) ? Task.CompletedTask : base.RunImplAsync(cancellationToken);
}

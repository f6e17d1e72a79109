using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Robustness.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace InitAnalyzers.Tests.Robustness;

/// <summary>
/// A many-file project (the hand-written sample's networks, copied into 60 namespaces, beside the TorchSharp and NumSharp
/// inputs of the test suite): concurrent analysis reports exactly what sequential analysis reports, and a cancelled analysis
/// stops at the next file rather than running to the end.
/// </summary>
public sealed class ConcurrencyAndCancellationTests
{
    private const int Copies = 60;

    [Fact]
    public async Task Concurrent_and_sequential_analysis_report_the_same_diagnostics()
    {
        var compilation = await ManyFileCompilationAsync();

        var sequential = await AnalyzerHost.AnalyzeAsync(compilation, concurrent: false);
        var concurrent = await AnalyzerHost.AnalyzeAsync(compilation, concurrent: true);

        Assert.Empty(sequential.Crashes);
        Assert.Empty(concurrent.Crashes);
        Assert.True(sequential.Diagnostics.Length >= 4 * Copies, $"only {sequential.Diagnostics.Length} diagnostics");
        Assert.Equal(AnalyzerHost.Describe(sequential.Diagnostics), AnalyzerHost.Describe(concurrent.Diagnostics));
    }

    [Fact]
    public async Task A_cancelled_analysis_throws_and_analyzes_no_further_files()
    {
        var compilation = await ManyFileCompilationAsync();
        using var cancellation = new CancellationTokenSource();
        var probe = new CancelAfterTrees(5, cancellation);

        var analysis = AnalyzerHost.AnalyzeAsync(compilation, concurrent: false, cancellation.Token, ImmutableArray.Create<DiagnosticAnalyzer>(probe));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis);
        Assert.True(probe.Seen < compilation.SyntaxTrees.Count() / 10, $"{probe.Seen} of {compilation.SyntaxTrees.Count()} files analyzed after cancelling at the 5th");
    }

    [Fact]
    public async Task An_analysis_cancelled_before_it_starts_does_nothing()
    {
        var compilation = await ManyFileCompilationAsync();
        var probe = new CancelAfterTrees(int.MaxValue, null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerHost.AnalyzeAsync(compilation, concurrent: true, new CancellationToken(canceled: true), ImmutableArray.Create<DiagnosticAnalyzer>(probe)));
        Assert.Equal(0, probe.Seen);
    }

    private static async Task<Compilation> ManyFileCompilationAsync()
    {
        var sample = CorpusProject.Samples().Single(project => project.Name == "samples/HandWrittenMlp");
        var networks = sample.Sources.Where(source => !source.Path.EndsWith("Program.cs", StringComparison.Ordinal)).ToList();
        var trees = Enumerable.Range(0, Copies)
            .SelectMany(copy => networks.Select(source => CSharpSyntaxTree.ParseText(
                source.Text.Replace("namespace HandWrittenMlp;", $"namespace HandWrittenMlp{copy};", StringComparison.Ordinal),
                CorpusProject.ParseOptions,
                Path.Combine($"copy{copy}", Path.GetFileName(source.Path)))))
            .ToList();
        return CSharpCompilation.Create("ManyFiles", trees, await sample.MetadataReferencesAsync(), sample.CompilationOptions());
    }

    /// <summary>Counts the files the driver hands out and cancels the analysis at the given one.</summary>
#pragma warning disable RS1036 // a test probe, not a shipped analyzer
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CancelAfterTrees : DiagnosticAnalyzer
#pragma warning restore RS1036
    {
        private static readonly DiagnosticDescriptor Unused = new("PROBE", "probe", "probe", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
        private readonly int cancelAt;
        private readonly CancellationTokenSource? cancellation;
        private int seen;

        public CancelAfterTrees(int cancelAt, CancellationTokenSource? cancellation)
        {
            this.cancelAt = cancelAt;
            this.cancellation = cancellation;
        }

        public int Seen => Volatile.Read(ref seen);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSemanticModelAction(_ =>
            {
                if (Interlocked.Increment(ref seen) == cancelAt)
                {
                    cancellation?.Cancel();
                }
            });
        }
    }
}

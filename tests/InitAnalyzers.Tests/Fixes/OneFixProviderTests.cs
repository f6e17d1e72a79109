using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using InitAnalyzers.CodeFixes;
using InitAnalyzers.Tests.Robustness.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace InitAnalyzers.Tests.Fixes;

/// <summary>
/// The package ships one code fix provider. <c>dotnet format analyzers</c> pairs an analyzer with the first provider that fixes
/// any of its IDs and applies only that one, with no equivalence key; these tests hold the provider to that use.
/// </summary>
public sealed class OneFixProviderTests
{
    /// <summary>
    /// One document with both families: a TorchSharp module (INIT001, INIT006) after the hand-written sample's constant-weight
    /// network (INIT002, fixed with InitAnalyzers.Runtime).
    /// </summary>
    private static readonly string TorchAndArrays = """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        """ + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "HandWrittenMlp", "ConstantInitNetwork.cs")) + """

        public sealed class Mlp : Module<Tensor, Tensor>
        {
            private readonly Linear fc1 = Linear(784, 256);
            private readonly Linear fc2 = Linear(256, 10);

            public Mlp() : base(nameof(Mlp))
            {
                init.zeros_(fc1.weight);
                init.xavier_normal_(fc2.weight);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc2.forward(fc1.forward(x).relu());
        }
        """;

    [Fact]
    public void The_assembly_has_exactly_one_code_fix_provider_and_it_fixes_every_rule()
    {
        var providers = typeof(InitCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();

        Assert.Equal(new[] { typeof(InitCodeFixProvider) }, providers);
        Assert.NotNull(typeof(InitCodeFixProvider).GetCustomAttribute<ExportCodeFixProviderAttribute>());
        Assert.Equal(AnalyzerHost.OwnIds.OrderBy(id => id, StringComparer.Ordinal), new InitCodeFixProvider().FixableDiagnosticIds.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_scale_zeroed_by_integer_division_is_offered_only_the_floating_point_division()
    {
        var source = FloatingPointDivisionFixTests.Network
            .Replace("HIDDEN", "hiddenWeights[i, j] = Gaussian() * Math.Sqrt(2 / inputs)", StringComparison.Ordinal)
            .Replace("OUTPUT", FloatingPointDivisionFixTests.ScaledOutput, StringComparison.Ordinal);
        var (_, project) = await Project(source, CorpusProject.AllFrameworks.WithPackages(ImmutableArray<PackageIdentity>.Empty));
        var diagnostic = Assert.Single((await AnalyzerHost.AnalyzeAsync(project)).Diagnostics);

        var fixes = await AnalyzerHost.FixesAsync(project.Documents.Single(), diagnostic);

        var (_, action) = Assert.Single(fixes);
        Assert.Equal(EquivalenceKeys.FloatingPointDivision, action.EquivalenceKey);
    }

    [Fact]
    public async Task Fix_All_without_an_equivalence_key_fixes_TorchSharp_and_hand_written_weights_in_one_document()
    {
        var (workspace, project) = await Project(TorchAndArrays, CorpusProject.AllFrameworks);
        var diagnostics = (await AnalyzerHost.AnalyzeAsync(project)).Diagnostics;
        Assert.Equal(new[] { "INIT002", "INIT001", "INIT006" }, diagnostics.Select(diagnostic => diagnostic.Id));
        var provider = new InitCodeFixProvider();

        var fixAll = await AnalyzerHost.FixAllAsync(provider, project.Documents.Single(), FixAllScope.Solution, equivalenceKey: null, provider.FixableDiagnosticIds);

        Assert.NotNull(fixAll);
        var fixedProject = (await AnalyzerHost.ApplyAsync(workspace, project.Solution, fixAll!)).GetProject(project.Id)!;
        var text = (await fixedProject.Documents.Single().GetTextAsync()).ToString();
        Assert.Contains("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", text, StringComparison.Ordinal);
        Assert.Contains("init.xavier_uniform_(fc2.weight);", text, StringComparison.Ordinal);
        Assert.Contains("using InitAnalyzers.Runtime;", text, StringComparison.Ordinal);
        Assert.Contains("WeightInit.XavierNormal(hiddenWeights[i], ", text, StringComparison.Ordinal);
        var compilation = (await fixedProject.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Empty((await AnalyzerHost.AnalyzeAsync(fixedProject)).Diagnostics);
    }

    /// <summary>
    /// What <c>dotnet format analyzers</c> (SDK 10) does: for each reported ID in turn, a solution-wide Fix All with that ID and
    /// the equivalence key of the first diagnostic it found, whatever its ID. Every diagnostic still gets its own fix.
    /// </summary>
    [Fact]
    public async Task Fix_All_per_ID_with_the_key_of_another_familys_diagnostic_fixes_every_family()
    {
        var (workspace, project) = await Project(TorchAndArrays, CorpusProject.AllFrameworks);
        var provider = new InitCodeFixProvider();
        var diagnostics = (await AnalyzerHost.AnalyzeAsync(project)).Diagnostics;
        var first = diagnostics.OrderByDescending(diagnostic => diagnostic.Id, StringComparer.Ordinal).First(); // INIT006: the TorchSharp API pitfall key
        var document = project.Documents.Single();
        var key = (await AnalyzerHost.FixesAsync(document, first)).Single().Action.EquivalenceKey;
        Assert.Equal(EquivalenceKeys.TorchSharpApiPitfall, key);

        var solution = project.Solution;
        foreach (var id in diagnostics.Select(diagnostic => diagnostic.Id).Distinct())
        {
            var fixAll = await AnalyzerHost.FixAllAsync(provider, solution.GetDocument(document.Id)!, FixAllScope.Solution, key, new[] { id });
            solution = (await AnalyzerHost.ApplyAsync(workspace, solution, fixAll!)).GetProject(project.Id)!.Solution;
        }

        var fixedProject = solution.GetProject(project.Id)!;
        Assert.Empty((await AnalyzerHost.AnalyzeAsync(fixedProject)).Diagnostics);
        Assert.Empty((await fixedProject.GetCompilationAsync())!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    private static Task<(AdhocWorkspace Workspace, Project Project)> Project(string source, ReferenceAssemblies references) =>
        new CorpusProject("one-provider", ImmutableArray.Create(("Network.cs", source)), references, OutputKind.DynamicallyLinkedLibrary).CreateWorkspaceAsync();
}

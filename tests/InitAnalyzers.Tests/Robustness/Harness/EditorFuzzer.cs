using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Tests.Robustness.Harness;

/// <summary>How much to fuzz: the quick run in every <c>dotnet test</c>, or the full run with <c>INIT_FUZZ_FULL=1</c>.</summary>
public sealed record FuzzSettings(int Seed, int VariantsPerProject, int MaxProjects, string? Only)
{
    public const int DefaultSeed = 7_2026;

    public bool IsFull => VariantsPerProject > 1;

    /// <summary>
    /// <c>INIT_FUZZ_FULL=1</c>: every corpus project, 12 variants each (thousands in all); otherwise one variant of each of up to 250 projects.
    /// <c>INIT_FUZZ_SEED</c>, <c>INIT_FUZZ_VARIANTS</c> and <c>INIT_FUZZ_ONLY</c> (a project-name substring) reproduce or narrow a run.
    /// </summary>
    public static FuzzSettings FromEnvironment()
    {
        var full = Environment.GetEnvironmentVariable("INIT_FUZZ_FULL") is "1" or "true";
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INIT_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var variants = int.TryParse(Environment.GetEnvironmentVariable("INIT_FUZZ_VARIANTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : full ? 12 : 1;
        var only = Environment.GetEnvironmentVariable("INIT_FUZZ_ONLY");
        return new FuzzSettings(seed, variants, full || only is not null ? int.MaxValue : 250, string.IsNullOrEmpty(only) ? null : only);
    }
}

/// <summary>One variant on which an analyzer or a fix threw, with what it takes to reproduce it.</summary>
public sealed record FuzzFailure(string Project, string Document, int VariantSeed, string Edits, string Stage, string Detail, string VariantPath);

/// <summary>What a fuzz run covered and what broke.</summary>
public sealed record FuzzReport(int Projects, int Variants, int Diagnostics, int FixesApplied, int FixAllsApplied, TimeSpan Elapsed, ImmutableArray<FuzzFailure> Failures)
{
    public string Summary =>
        $"{Variants} variants of {Projects} projects in {Elapsed.TotalSeconds:F1} s: {Diagnostics} diagnostics, {FixesApplied} fixes and {FixAllsApplied} Fix All applied, {Failures.Length} failures";

    public string Describe() => Summary + Environment.NewLine + string.Join(Environment.NewLine, Failures.Take(20).Select(failure =>
        $"- {failure.Stage} in {failure.Project} / {failure.Document}, variant seed {failure.VariantSeed} ({failure.Edits}); variant saved to {failure.VariantPath}{Environment.NewLine}  {failure.Detail}"));
}

/// <summary>
/// Mutates each corpus project's documents the way typing does and runs every analyzer and every offered code fix
/// (each action applied through an <see cref="AdhocWorkspace"/>, and one Fix All) on each variant: nothing may throw.
/// </summary>
public static class EditorFuzzer
{
    /// <summary>Diagnostics per variant whose fixes are tried: enough to reach every fix path, few enough to keep the run quick.</summary>
    private const int FixedDiagnosticsPerVariant = 3;

    public static async Task<FuzzReport> RunAsync(ImmutableArray<CorpusProject> corpus, FuzzSettings settings)
    {
        var selected = corpus.Where(project => settings.Only is null || project.Name.Contains(settings.Only, StringComparison.Ordinal)).ToList();
        if (selected.Count > settings.MaxProjects)
        {
            // An even spread over the corpus, the same every run.
            selected = Enumerable.Range(0, settings.MaxProjects).Select(i => selected[(int)((long)i * selected.Count / settings.MaxProjects)]).ToList();
        }

        var stopwatch = Stopwatch.StartNew();
        var failures = new ConcurrentQueue<FuzzFailure>();
        var counts = new int[4];
        var work = selected.Select((project, index) => (project, index)).ToList();

        // Two workers: the machine's cores, without starving the tests that xunit runs beside this one.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < work.Count; i += 2)
            {
                await FuzzProjectAsync(work[i].project, work[i].index, settings, failures, counts).ConfigureAwait(false);
            }
        }))).ConfigureAwait(false);

        return new FuzzReport(selected.Count, counts[0], counts[1], counts[2], counts[3], stopwatch.Elapsed, failures.ToImmutableArray());
    }

    private static async Task FuzzProjectAsync(CorpusProject project, int projectIndex, FuzzSettings settings, ConcurrentQueue<FuzzFailure> failures, int[] counts)
    {
        var (workspace, original) = await project.CreateWorkspaceAsync().ConfigureAwait(false);
        using (workspace)
        {
            var documents = original.DocumentIds.ToArray();
            for (var k = 0; k < settings.VariantsPerProject; k++)
            {
                var variantSeed = unchecked((settings.Seed * 31 + projectIndex) * 1009 + k);
                var random = new Random(variantSeed);
                var documentId = documents[random.Next(documents.Length)];
                var document = original.GetDocument(documentId)!;
                var (text, edits) = EditorMutations.Mutate((await document.GetTextAsync().ConfigureAwait(false)).ToString(), random);
                var variant = workspace.CurrentSolution.WithDocumentText(documentId, SourceText.From(text));
                if (!workspace.TryApplyChanges(variant))
                {
                    throw new InvalidOperationException("The workspace refused a variant.");
                }

                System.Threading.Interlocked.Increment(ref counts[0]);
                var failure = (string stage, string detail) => failures.Enqueue(new FuzzFailure(project.Name, document.Name, variantSeed, edits, stage, detail, Save(project, variantSeed, text)));
                await FuzzVariantAsync(workspace, workspace.CurrentSolution, documentId, concurrent: (variantSeed & 1) == 0, failure, counts).ConfigureAwait(false);

                // Back to the original for the next variant.
                workspace.TryApplyChanges(workspace.CurrentSolution.WithDocumentText(documentId, await document.GetTextAsync().ConfigureAwait(false)));
            }
        }
    }

    private static async Task FuzzVariantAsync(AdhocWorkspace workspace, Solution variant, DocumentId documentId, bool concurrent, Action<string, string> failure, int[] counts)
    {
        var project = variant.GetProject(documentId.ProjectId)!;
        AnalysisResult analysis;
        try
        {
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            analysis = await AnalyzerHost.AnalyzeAsync(compilation, concurrent).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure("analysis host", exception.ToString());
            return;
        }

        foreach (var crash in analysis.Crashes)
        {
            failure("analyzer", crash);
        }

        System.Threading.Interlocked.Add(ref counts[1], analysis.Diagnostics.Length);
        var fixAlls = new Dictionary<(string, string?), (CodeFixProvider Fixer, string? Key, Document Document, string Id)>();
        foreach (var diagnostic in analysis.Diagnostics.Take(FixedDiagnosticsPerVariant))
        {
            var document = diagnostic.Location.SourceTree is { } tree ? variant.GetDocument(tree) : null;
            if (document is null)
            {
                continue;
            }

            ImmutableArray<(CodeFixProvider Fixer, Microsoft.CodeAnalysis.CodeActions.CodeAction Action)> fixes;
            try
            {
                fixes = await AnalyzerHost.FixesAsync(document, diagnostic).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                failure("RegisterCodeFixesAsync for " + diagnostic.Id, exception.ToString());
                continue;
            }

            foreach (var (fixer, action) in fixes)
            {
                fixAlls.TryAdd((fixer.GetType().Name, action.EquivalenceKey), (fixer, action.EquivalenceKey, document, diagnostic.Id));
                try
                {
                    var fixedSolution = await AnalyzerHost.ApplyAsync(workspace, variant, action).ConfigureAwait(false);
                    foreach (var changed in fixedSolution.Projects.SelectMany(project => project.Documents))
                    {
                        await changed.GetSyntaxRootAsync().ConfigureAwait(false);
                    }

                    System.Threading.Interlocked.Increment(ref counts[2]);
                }
                catch (Exception exception)
                {
                    failure($"{fixer.GetType().Name} '{action.Title}' for {diagnostic.Id}", exception.ToString());
                }
                finally
                {
                    Reset(workspace, variant);
                }
            }
        }

        // Fix All over the whole project for each provider and equivalence key offered above.
        foreach (var (fixer, key, document, id) in fixAlls.Values)
        {
            try
            {
                var ids = analysis.Diagnostics.Select(diagnostic => diagnostic.Id).Where(fixer.FixableDiagnosticIds.Contains).Distinct();
                if (await AnalyzerHost.FixAllAsync(fixer, document, FixAllScope.Project, key, ids).ConfigureAwait(false) is { } fixAll)
                {
                    await AnalyzerHost.ApplyAsync(workspace, variant, fixAll).ConfigureAwait(false);
                    System.Threading.Interlocked.Increment(ref counts[3]);
                }
            }
            catch (Exception exception)
            {
                failure($"{fixer.GetType().Name} Fix All '{key}' for {id}", exception.ToString());
            }
            finally
            {
                Reset(workspace, variant);
            }
        }
    }

    /// <summary>Puts the variant's text back after a fix changed the workspace.</summary>
    private static void Reset(AdhocWorkspace workspace, Solution variant)
    {
        var current = workspace.CurrentSolution;
        foreach (var id in variant.Projects.SelectMany(project => project.DocumentIds))
        {
            if (variant.GetDocument(id)!.TryGetText(out var text) && current.GetDocument(id) is { } document && (!document.TryGetText(out var now) || !now.ContentEquals(text)))
            {
                current = current.WithDocumentText(id, text);
            }
        }

        workspace.TryApplyChanges(current);
    }

    private static string Save(CorpusProject project, int seed, string text)
    {
        var directory = Path.Combine(Path.GetTempPath(), "InitAnalyzers.Fuzz");
        Directory.CreateDirectory(directory);
        var name = new string(project.Name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
        var path = Path.Combine(directory, $"{name.Substring(0, Math.Min(name.Length, 80))}.{seed}.cs");
        File.WriteAllText(path, text);
        return path;
    }
}

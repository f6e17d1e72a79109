using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using InitAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InitAnalyzers.Tests.Robustness.Harness;

/// <summary>
/// Every analyzer and every code-fix provider the package ships, found by reflection so that new ones are covered
/// without touching the robustness tests, run the way Roslyn hosts run them.
/// </summary>
public static class AnalyzerHost
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(InitializationAnalyzer).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> Fixers { get; } = typeof(InitCodeFixProvider).Assembly.GetTypes()
        .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static ImmutableHashSet<string> OwnIds { get; } = Analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).ToImmutableHashSet();

    /// <summary>Each diagnostic as file, span, id and message, in ordinal order: for comparing two analyses.</summary>
    public static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(diagnostic => $"{diagnostic.Location.SourceTree?.FilePath}:{diagnostic.Location.SourceSpan} {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Runs every analyzer over <paramref name="compilation"/>. Analyzer exceptions never escape: Roslyn reports them
    /// through <c>onAnalyzerException</c> (and as AD0001), and both land in <see cref="AnalysisResult.Crashes"/>.
    /// </summary>
    public static async Task<AnalysisResult> AnalyzeAsync(Compilation compilation, bool concurrent = false, CancellationToken cancellationToken = default, ImmutableArray<DiagnosticAnalyzer> extraAnalyzers = default)
    {
        var crashes = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => crashes.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var analyzers = extraAnalyzers.IsDefaultOrEmpty ? Analyzers : Analyzers.AddRange(extraAnalyzers);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
        {
            crashes.Enqueue(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new AnalysisResult(
            diagnostics.Where(diagnostic => OwnIds.Contains(diagnostic.Id)).OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start).ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal).ToImmutableArray(),
            crashes.Distinct().ToImmutableArray());
    }

    /// <summary>The code actions every provider offers for <paramref name="diagnostic"/>, nested actions flattened.</summary>
    public static async Task<ImmutableArray<(CodeFixProvider Fixer, CodeAction Action)>> FixesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken = default)
    {
        var fixes = ImmutableArray.CreateBuilder<(CodeFixProvider, CodeAction)>();
        foreach (var fixer in Fixers.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            fixes.AddRange(Flatten(actions).Select(action => (fixer, action)));
        }

        return fixes.ToImmutable();
    }

    /// <summary>
    /// Applies a code action's operations to <paramref name="workspace"/> as the IDE does, and returns the workspace's new
    /// solution. The action may have been computed on an earlier snapshot with the same text (<paramref name="basis"/>):
    /// the documents it changed are carried over onto the workspace's current solution.
    /// </summary>
    public static async Task<Solution> ApplyAsync(AdhocWorkspace workspace, Solution basis, CodeAction action, CancellationToken cancellationToken = default)
    {
        foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation { ChangedSolution: var changed } && !ReferenceEquals(workspace.CurrentSolution, basis))
            {
                var current = workspace.CurrentSolution;
                foreach (var id in changed.GetChanges(basis).GetProjectChanges().SelectMany(project => project.GetChangedDocuments()))
                {
                    current = current.WithDocumentText(id, await changed.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false));
                }

                if (!workspace.TryApplyChanges(current))
                {
                    throw new InvalidOperationException("The workspace refused the changes of '" + action.Title + "'.");
                }
            }
            else
            {
                operation.Apply(workspace, cancellationToken);
            }
        }

        return workspace.CurrentSolution;
    }

    /// <summary>Fix All in <paramref name="scope"/> with <paramref name="fixer"/> for the actions keyed <paramref name="equivalenceKey"/>, or null when it offers nothing.</summary>
    public static async Task<CodeAction?> FixAllAsync(CodeFixProvider fixer, Document document, FixAllScope scope, string? equivalenceKey, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        if (fixer.GetFixAllProvider() is not { } provider)
        {
            return null;
        }

        var context = new FixAllContext(document, fixer, scope, equivalenceKey, ids, new ProjectDiagnostics(), cancellationToken);
        return await provider.GetFixAsync(context).ConfigureAwait(false);
    }

    /// <summary>Roslyn 4.8 keeps a group's nested actions internal (public from 4.10); the light bulb shows them all.</summary>
    private static readonly PropertyInfo? NestedActions = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.NonPublic | BindingFlags.Instance);

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
        actions.SelectMany(action => NestedActions?.GetValue(action) is ImmutableArray<CodeAction> { IsDefaultOrEmpty: false } nested ? Flatten(nested) : new[] { action });

    /// <summary>What Fix All asks for: the analyzers' diagnostics of a document or project, computed on demand.</summary>
    private sealed class ProjectDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var all = await GetProjectDiagnosticsAsync(document.Project, cancellationToken).ConfigureAwait(false);
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return all.Where(diagnostic => diagnostic.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await GetAllDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzeAsync(project).ConfigureAwait(false)).Diagnostics;
    }

    private static readonly ConditionalWeakTable<Project, Task<AnalysisResult>> ProjectAnalyses = new();

    /// <summary>The analysis of one project snapshot, computed once however many fixes and Fix Alls ask for it.</summary>
    public static Task<AnalysisResult> AnalyzeAsync(Project project) =>
        ProjectAnalyses.GetValue(project, snapshot => Task.Run(async () => await AnalyzeAsync((await snapshot.GetCompilationAsync().ConfigureAwait(false))!).ConfigureAwait(false)));
}

/// <summary>The package's own diagnostics, in file and position order, and every analyzer exception seen.</summary>
public sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Crashes);

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace InitAnalyzers.Tests.Robustness.Harness;

/// <summary>
/// Whether a fix is sound: the code it writes has no compiler error the code before did not have, the diagnostic it fixed
/// is gone, and no diagnostic of the package appears that was not there before.
/// </summary>
public static class FixChecker
{
    /// <summary>The package's diagnostics of a project snapshot, and its compiler errors (bound only when a fix needs them).</summary>
    public sealed class State
    {
        private readonly Lazy<ImmutableArray<string>> errors;

        public State(Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
        {
            Diagnostics = diagnostics;
            errors = new Lazy<ImmutableArray<string>>(() => compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(Key).ToImmutableArray());
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public ImmutableArray<string> Errors => errors.Value;

        public ImmutableArray<string> DiagnosticKeys => Diagnostics.Select(Key).ToImmutableArray();
    }

    public static async Task<State> StateAsync(Project project)
    {
        var analysis = await AnalyzerHost.AnalyzeAsync(project).ConfigureAwait(false);
        if (!analysis.Crashes.IsEmpty)
        {
            throw new InvalidOperationException("The analyzer crashed: " + string.Join(Environment.NewLine, analysis.Crashes));
        }

        return new State((await project.GetCompilationAsync().ConfigureAwait(false))!, analysis.Diagnostics);
    }

    /// <summary>A diagnostic by what it says and in which file, not where: a fix moves the code after it.</summary>
    public static string Key(Diagnostic diagnostic) =>
        $"{diagnostic.Location.SourceTree?.FilePath}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";

    /// <summary>What is unsound about going from <paramref name="before"/> to <paramref name="after"/> by fixing <paramref name="fixedDiagnostics"/>; empty when nothing is.</summary>
    public static IEnumerable<string> Problems(State before, State after, IEnumerable<Diagnostic> fixedDiagnostics)
    {
        foreach (var error in Subtract(after.Errors, before.Errors))
        {
            yield return "new compiler error " + error;
        }

        var expected = Subtract(before.DiagnosticKeys, fixedDiagnostics.Select(Key));
        foreach (var remaining in fixedDiagnostics.Select(Key).Distinct().Where(key => Count(after.DiagnosticKeys, key) > Count(expected, key)))
        {
            yield return "still reported: " + remaining;
        }

        foreach (var added in Subtract(after.DiagnosticKeys, before.DiagnosticKeys))
        {
            yield return "newly reported: " + added;
        }
    }

    /// <summary>The solution <paramref name="action"/> leaves behind (every fix of the package is one <see cref="ApplyChangesOperation"/>).</summary>
    public static async Task<Solution> ChangedSolutionAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(default).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>
    /// Fix All over the project with every provider and equivalence key offered for its diagnostics, one after the other,
    /// as a user running <c>dotnet format analyzers</c> would; returns the fixed solution and the diagnostics that had a fix.
    /// </summary>
    public static async Task<(Solution Solution, ImmutableArray<Diagnostic> Fixable)> FixAllAsync(Project project, State state)
    {
        var solution = project.Solution;
        var offered = new List<(CodeFixProvider Fixer, string? Key)>();
        var fixable = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in state.Diagnostics)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            var fixes = document is null ? ImmutableArray<(CodeFixProvider, CodeAction)>.Empty : await AnalyzerHost.FixesAsync(document, diagnostic).ConfigureAwait(false);
            if (!fixes.IsEmpty)
            {
                fixable.Add(diagnostic);
            }

            offered.AddRange(fixes.Select(fix => (fix.Item1, fix.Item2.EquivalenceKey)).Where(fix => !offered.Contains(fix)));
        }

        foreach (var (fixer, key) in offered)
        {
            var current = solution.GetProject(project.Id)!;
            var ids = fixer.FixableDiagnosticIds;
            if (await AnalyzerHost.FixAllAsync(fixer, current.Documents.First(), FixAllScope.Project, key, ids).ConfigureAwait(false) is { } fixAll)
            {
                solution = await ChangedSolutionAsync(fixAll).ConfigureAwait(false);
            }
        }

        return (solution, fixable.ToImmutable());
    }

    /// <summary>The documents whose text differs between two solutions of the same project.</summary>
    public static async Task<ImmutableArray<string>> ChangedDocumentsAsync(Solution before, Solution after)
    {
        var changed = ImmutableArray.CreateBuilder<string>();
        foreach (var document in after.Projects.SelectMany(project => project.Documents))
        {
            var old = before.GetDocument(document.Id);
            if (old is null || !(await old.GetTextAsync().ConfigureAwait(false)).ContentEquals(await document.GetTextAsync().ConfigureAwait(false)))
            {
                changed.Add(document.Name);
            }
        }

        return changed.ToImmutable();
    }

    private static List<string> Subtract(IEnumerable<string> from, IEnumerable<string> remove)
    {
        var left = from.ToList();
        foreach (var item in remove)
        {
            left.Remove(item);
        }

        return left;
    }

    private static int Count(IEnumerable<string> keys, string key) => keys.Count(candidate => candidate == key);
}

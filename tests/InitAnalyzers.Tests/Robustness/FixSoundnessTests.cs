using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Robustness.Harness;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace InitAnalyzers.Tests.Robustness;

/// <summary>
/// Every fix the package offers, on every diagnostic of every test input and sample, writes code that compiles as well as
/// before and no longer has that diagnostic; Fix All likewise, and a second Fix All changes nothing.
/// </summary>
public sealed class FixSoundnessTests
{
    private readonly ITestOutputHelper output;

    public FixSoundnessTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task Every_offered_fix_compiles_and_removes_its_diagnostic()
    {
        var corpus = await CorpusProject.LoadAllAsync();
        var problems = new ConcurrentQueue<string>();
        int diagnostics = 0, fixes = 0;
        await ForEachAsync(corpus, async project =>
        {
            var (workspace, original) = await project.CreateWorkspaceAsync();
            using (workspace)
            {
                var before = await FixChecker.StateAsync(original);
                System.Threading.Interlocked.Add(ref diagnostics, before.Diagnostics.Length);
                foreach (var diagnostic in before.Diagnostics)
                {
                    foreach (var (fixer, action) in await AnalyzerHost.FixesAsync(original.Solution.GetDocument(diagnostic.Location.SourceTree)!, diagnostic))
                    {
                        System.Threading.Interlocked.Increment(ref fixes);
                        var after = await FixChecker.StateAsync((await FixChecker.ChangedSolutionAsync(action)).GetProject(original.Id)!);
                        foreach (var problem in FixChecker.Problems(before, after, new[] { diagnostic }))
                        {
                            problems.Enqueue($"{project.Name}: '{action.Title}' ({fixer.GetType().Name}) for {FixChecker.Key(diagnostic)}: {problem}");
                        }
                    }
                }
            }
        });

        output.WriteLine($"{corpus.Length} projects, {diagnostics} diagnostics, {fixes} fixes checked, {problems.Count} problems");
        Assert.True(fixes > 100, $"only {fixes} fixes were checked");
        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.OrderBy(problem => problem, StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Fix_All_on_each_sample_and_test_input_is_sound_and_a_second_Fix_All_changes_nothing()
    {
        var corpus = await CorpusProject.LoadAllAsync();
        Assert.NotEmpty(CorpusProject.Samples());
        var problems = new ConcurrentQueue<string>();
        var fixedProjects = 0;
        await ForEachAsync(corpus, async project =>
        {
            var (workspace, original) = await project.CreateWorkspaceAsync();
            using (workspace)
            {
                var before = await FixChecker.StateAsync(original);
                if (before.Diagnostics.IsEmpty)
                {
                    return;
                }

                var (once, fixable) = await FixChecker.FixAllAsync(original, before);
                if (fixable.IsEmpty)
                {
                    return;
                }

                System.Threading.Interlocked.Increment(ref fixedProjects);
                var afterOnce = await FixChecker.StateAsync(once.GetProject(original.Id)!);
                foreach (var problem in FixChecker.Problems(before, afterOnce, fixable))
                {
                    problems.Enqueue($"{project.Name}: Fix All: {problem}");
                }

                var (twice, _) = await FixChecker.FixAllAsync(once.GetProject(original.Id)!, afterOnce);
                foreach (var document in await FixChecker.ChangedDocumentsAsync(once, twice))
                {
                    problems.Enqueue($"{project.Name}: a second Fix All changed {document} again");
                }
            }
        });

        output.WriteLine($"{corpus.Length} projects, Fix All applied to {fixedProjects}, {problems.Count} problems");
        Assert.True(fixedProjects > 50, $"Fix All ran on only {fixedProjects} projects");
        Assert.True(problems.IsEmpty, string.Join(Environment.NewLine, problems.OrderBy(problem => problem, StringComparer.Ordinal)));
    }

    /// <summary>Two at a time: the machine's cores, and the corpus is hundreds of small compilations.</summary>
    private static Task ForEachAsync(ImmutableArray<CorpusProject> corpus, Func<CorpusProject, Task> check) =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < corpus.Length; i += 2)
            {
                await check(corpus[i]);
            }
        })));
}

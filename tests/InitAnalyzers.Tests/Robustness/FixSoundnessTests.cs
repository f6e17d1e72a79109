using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// <summary>One pass over the corpus serves both tests: each project is analyzed once.</summary>
    private static readonly Lazy<Task<SoundnessReport>> Report = new(CheckCorpusAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ITestOutputHelper output;

    public FixSoundnessTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task Every_offered_fix_compiles_and_removes_its_diagnostic()
    {
        var report = await Report.Value;
        output.WriteLine(report.Summary);
        Assert.True(report.Fixes > 100, $"only {report.Fixes} fixes were checked");
        Assert.True(report.FixProblems.IsEmpty, string.Join(Environment.NewLine, report.FixProblems));
    }

    [Fact]
    public async Task Fix_All_on_each_sample_and_test_input_is_sound_and_a_second_Fix_All_changes_nothing()
    {
        var report = await Report.Value;
        output.WriteLine(report.Summary);
        Assert.True(report.SamplesFixed > 0, "Fix All changed no sample");
        Assert.True(report.FixAlls > 50, $"Fix All ran on only {report.FixAlls} projects");
        Assert.True(report.FixAllProblems.IsEmpty, string.Join(Environment.NewLine, report.FixAllProblems));
    }

    private sealed record SoundnessReport(int Projects, int Diagnostics, int Fixes, int FixAlls, int SamplesFixed, ImmutableArray<string> FixProblems, ImmutableArray<string> FixAllProblems)
    {
        public string Summary =>
            $"{Projects} projects, {Diagnostics} diagnostics, {Fixes} fixes checked, Fix All on {FixAlls} projects ({SamplesFixed} samples); {FixProblems.Length + FixAllProblems.Length} problems";
    }

    private static async Task<SoundnessReport> CheckCorpusAsync()
    {
        // A test's expected output is fixed code already: fuzzing takes it, soundness needs only what the fixes start from.
        var corpus = (await CorpusProject.LoadAllAsync()).Where(project => !project.IsFixOutput).ToImmutableArray();
        var fixProblems = new ConcurrentQueue<string>();
        var fixAllProblems = new ConcurrentQueue<string>();
        int diagnostics = 0, fixes = 0, fixAlls = 0, samplesFixed = 0;

        // Two at a time: the machine's cores, and the corpus is hundreds of small compilations.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < corpus.Length; i += 2)
            {
                var project = corpus[i];
                var (workspace, original) = await project.CreateWorkspaceAsync();
                using (workspace)
                {
                    // Fix All on a single diagnostic writes what its fix wrote: each distinct text is checked once.
                    var states = new Dictionary<string, FixChecker.State>(StringComparer.Ordinal);
                    async Task<FixChecker.State> StateAsync(Project fixedProject)
                    {
                        var text = string.Join("\0", await Task.WhenAll(fixedProject.Documents.Select(async document => (await document.GetTextAsync()).ToString())));
                        if (!states.TryGetValue(text, out var state))
                        {
                            states[text] = state = await FixChecker.StateAsync(fixedProject);
                        }

                        return state;
                    }

                    var before = await FixChecker.StateAsync(original);
                    if (before.Diagnostics.IsEmpty)
                    {
                        continue;
                    }

                    Interlocked.Add(ref diagnostics, before.Diagnostics.Length);
                    foreach (var diagnostic in before.Diagnostics)
                    {
                        foreach (var (fixer, action) in await AnalyzerHost.FixesAsync(original.Solution.GetDocument(diagnostic.Location.SourceTree)!, diagnostic))
                        {
                            Interlocked.Increment(ref fixes);
                            var after = await StateAsync((await FixChecker.ChangedSolutionAsync(action)).GetProject(original.Id)!);
                            foreach (var problem in FixChecker.Problems(before, after, new[] { diagnostic }))
                            {
                                fixProblems.Enqueue($"{project.Name}: '{action.Title}' ({fixer.GetType().Name}) for {FixChecker.Key(diagnostic)}: {problem}");
                            }
                        }
                    }

                    var isSample = project.Name.StartsWith("samples/", StringComparison.Ordinal);
                    var (once, fixable) = await FixChecker.FixAllAsync(original, before);
                    if (fixable.IsEmpty)
                    {
                        continue;
                    }

                    Interlocked.Increment(ref fixAlls);
                    if (isSample)
                    {
                        Interlocked.Increment(ref samplesFixed);
                    }

                    var afterOnce = await StateAsync(once.GetProject(original.Id)!);
                    foreach (var problem in FixChecker.Problems(before, afterOnce, fixable))
                    {
                        fixAllProblems.Enqueue($"{project.Name}: Fix All: {problem}");
                    }

                    var (twice, _) = await FixChecker.FixAllAsync(once.GetProject(original.Id)!, afterOnce);
                    foreach (var document in await FixChecker.ChangedDocumentsAsync(once, twice))
                    {
                        fixAllProblems.Enqueue($"{project.Name}: a second Fix All changed {document} again");
                    }
                }
            }
        })));

        return new SoundnessReport(
            corpus.Length, diagnostics, fixes, fixAlls, samplesFixed,
            fixProblems.OrderBy(problem => problem, StringComparer.Ordinal).ToImmutableArray(),
            fixAllProblems.OrderBy(problem => problem, StringComparer.Ordinal).ToImmutableArray());
    }
}

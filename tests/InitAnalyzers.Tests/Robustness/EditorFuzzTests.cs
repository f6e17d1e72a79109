using System.Linq;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Robustness.Harness;
using Xunit;
using Xunit.Abstractions;

namespace InitAnalyzers.Tests.Robustness;

/// <summary>
/// Every test input and sample, mutated the way an editor sees code while typing: no analyzer and no code fix may throw.
/// The quick run here is part of every <c>dotnet test</c>; the full run (thousands of variants) is
/// <c>INIT_FUZZ_FULL=1 dotnet test tests/InitAnalyzers.Tests --filter Category=Fuzz</c>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class EditorFuzzTests
{
    private readonly ITestOutputHelper output;

    public EditorFuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task The_test_suite_and_the_samples_yield_a_corpus()
    {
        var corpus = await CorpusProject.LoadAllAsync();
        output.WriteLine($"{corpus.Length} projects, {corpus.Sum(project => project.Sources.Length)} files");

        // Far fewer would mean the harvest lost the verifiers' inputs (a test built outside AnalyzerVerifier/CodeFixVerifier.CreateTest).
        Assert.True(corpus.Length > 300, $"only {corpus.Length} corpus projects");
        Assert.Contains(corpus, project => project.Name.StartsWith("samples/", System.StringComparison.Ordinal));
        Assert.Contains(corpus, project => project.Sources.Any(source => source.Text.Contains("using MathNet.Numerics", System.StringComparison.Ordinal)));
        Assert.Contains(corpus, project => project.Sources.Any(source => source.Text.Contains("using NumSharp", System.StringComparison.Ordinal)));
        Assert.DoesNotContain(corpus, project => project.Sources.Any(source => source.Text.Contains("{|INIT00", System.StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_analyzer_or_code_fix_throws_on_code_being_typed()
    {
        var settings = FuzzSettings.FromEnvironment();
        var report = await EditorFuzzer.RunAsync(await CorpusProject.LoadAllAsync(), settings);
        output.WriteLine($"seed {settings.Seed}: {report.Summary}");
        Assert.True(report.Failures.IsEmpty, report.Describe());
        Assert.True(report.Diagnostics > 0 && report.FixesApplied > 0, "the variants reached no diagnostic or no fix: " + report.Summary);
    }
}

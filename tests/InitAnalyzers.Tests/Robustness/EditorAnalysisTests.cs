using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using InitAnalyzers.Tests.Robustness.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace InitAnalyzers.Tests.Robustness;

/// <summary>
/// The editor analyzes one open file at a time, and for a light bulb only part of it: each file, and each type's span of
/// it, gets exactly the diagnostics a build of the whole project reports in it, a partial type's included. The exception is
/// a finding in the code of another type that writes the weights (Setup.cs): it comes with the analysis of the weights'
/// own file, so an editor shows it under full-solution analysis, and a build always.
/// </summary>
public sealed class EditorAnalysisTests
{
    private const string WrittenElsewhere = "Split/Setup.cs";

    /// <summary>A partial network split over two files, its zero weights written from neither, and the static network whose weights only another type fills (StaticModel).</summary>
    private static readonly (string Path, string Text)[] SplitNetworks =
    {
        ("Split/Forward.cs", """
            using System;

            namespace Split;

            public partial class Net
            {
                public double Forward(double[] x)
                {
                    for (int i = 0; i < 8; i++) { double s = 0; for (int j = 0; j < 4; j++) s += w1[i, j] * x[j]; h[i] = Math.Tanh(s); }
                    double o = 0;
                    for (int j = 0; j < 8; j++) o += w2[0, j] * h[j];
                    return o;
                }
            }
            """),
        ("Split/Storage.cs", """
            namespace Split;

            public partial class Net
            {
                private double[,] w1 = new double[8, 4];
                private double[,] w2 = new double[2, 8];
                private double[] h = new double[8];
            }
            """),
        ("Split/Model.cs", StaticModel.Source),
        (WrittenElsewhere, StaticModel.Unmarked(StaticModel.Setup)),
    };

    [Fact]
    public async Task Each_file_analyzed_alone_gets_what_the_build_reports_in_it()
    {
        var compilation = await CompilationAsync();
        var build = await AnalyzerHost.AnalyzeAsync(compilation);
        Assert.Empty(build.Crashes);
        Assert.Contains(build.Diagnostics, diagnostic => diagnostic.Location.SourceTree!.FilePath == "Split/Storage.cs");
        Assert.Equal(2, build.Diagnostics.Count(diagnostic => diagnostic.Location.SourceTree!.FilePath == WrittenElsewhere));
        Assert.Equal(build.Diagnostics.Length, AnalyzerHost.Describe(build.Diagnostics).Distinct().Count());

        var analysis = compilation.WithAnalyzers(AnalyzerHost.Analyzers);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var alone = (await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, default)).Where(diagnostic => AnalyzerHost.OwnIds.Contains(diagnostic.Id));
            if (tree.FilePath == WrittenElsewhere)
            {
                Assert.Empty(alone);
                continue;
            }

            Assert.Equal(AnalyzerHost.Describe(build.Diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree)), AnalyzerHost.Describe(alone));
        }
    }

    [Fact]
    public async Task A_type_analyzed_alone_gets_what_the_build_reports_in_it()
    {
        var compilation = await CompilationAsync();
        var build = await AnalyzerHost.AnalyzeAsync(compilation);
        var analysis = compilation.WithAnalyzers(AnalyzerHost.Analyzers);
        var checkedTypes = 0;
        foreach (var tree in compilation.SyntaxTrees.Where(tree => tree.FilePath != WrittenElsewhere))
        {
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var expected = build.Diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree && type.Span.Contains(diagnostic.Location.SourceSpan)).ToList();
                if (expected.Count == 0)
                {
                    continue;
                }

                var alone = await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), type.Span, default);
                Assert.Equal(AnalyzerHost.Describe(expected), AnalyzerHost.Describe(alone.Where(diagnostic => AnalyzerHost.OwnIds.Contains(diagnostic.Id) && type.Span.Contains(diagnostic.Location.SourceSpan))));
                checkedTypes++;
            }
        }

        Assert.True(checkedTypes >= 4, $"only {checkedTypes} types with diagnostics");
    }

    /// <summary>The hand-written sample's networks and <see cref="SplitNetworks"/>.</summary>
    private static async Task<Compilation> CompilationAsync()
    {
        var sample = CorpusProject.Samples().Single(project => project.Name == "samples/HandWrittenMlp");
        var trees = sample.Sources.Where(source => !source.Path.EndsWith("Program.cs", StringComparison.Ordinal))
            .Select(source => (Path: Path.GetFileName(source.Path), source.Text))
            .Concat(SplitNetworks)
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, CorpusProject.ParseOptions, source.Path));
        return CSharpCompilation.Create("Editor", trees, await sample.MetadataReferencesAsync(), sample.CompilationOptions());
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Robustness.Harness;

/// <summary>One compilation of the robustness corpus: a test's input or a sample project, with the references it compiles against.</summary>
public sealed record CorpusProject(string Name, ImmutableArray<(string Path, string Text)> Sources, ReferenceAssemblies References, OutputKind Kind, bool IsFixOutput = false)
{
    private static readonly ConcurrentDictionary<ReferenceAssemblies, Lazy<Task<ImmutableArray<MetadataReference>>>> Resolved = new();

    /// <summary>.NET 8 with every framework a recognizer knows, for samples (which may use any of them).</summary>
    public static ReferenceAssemblies AllFrameworks { get; } = TestReferences.Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("MathNet.Numerics", "5.0.0"),
        new PackageIdentity("NumSharp", "0.70.0"),
        new PackageIdentity("TorchSharp", "0.107.0")));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Every distinct input of the test suite, then every sample project.</summary>
    public static async Task<ImmutableArray<CorpusProject>> LoadAllAsync()
    {
        var harvested = await TestInputHarvest.GetAsync().ConfigureAwait(false);
        return harvested.Select(input => new CorpusProject(input.Name, input.Sources, input.References, OutputKind.DynamicallyLinkedLibrary, input.IsFixedState))
            .Concat(Samples())
            .ToImmutableArray();
    }

    /// <summary>Each project folder under <c>samples/</c> (copied beside the tests), all of its C# files together.</summary>
    public static ImmutableArray<CorpusProject> Samples()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "samples");
        if (!Directory.Exists(root))
        {
            return ImmutableArray<CorpusProject>.Empty;
        }

        return Directory.GetDirectories(root).OrderBy(path => path, StringComparer.Ordinal)
            .Select(directory => Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (Path: Path.GetRelativePath(root, path), Text: File.ReadAllText(path))).ToImmutableArray())
            .Where(sources => !sources.IsEmpty)
            .Select(sources => new CorpusProject(
                "samples/" + sources[0].Path.Split(Path.DirectorySeparatorChar)[0],
                sources,
                AllFrameworks,
                sources.Any(source => HasTopLevelStatements(source.Text)) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary))
            .ToImmutableArray();
    }

    /// <summary>The reference assemblies, resolved once per set for the whole test run, and the runtime library the fixes call.</summary>
    public Task<ImmutableArray<MetadataReference>> MetadataReferencesAsync() =>
        Resolved.GetOrAdd(References, references => new Lazy<Task<ImmutableArray<MetadataReference>>>(async () =>
        {
            var resolved = await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            return resolved.Add(MetadataReference.CreateFromFile(typeof(InitAnalyzers.Runtime.WeightInit).Assembly.Location));
        })).Value;

    /// <summary>The compilation options of a test project: unsafe code allowed (some inputs use it), concurrent build off for steady timings.</summary>
    public CSharpCompilationOptions CompilationOptions() => new(Kind, allowUnsafe: true, concurrentBuild: false);

    /// <summary>A solution with this project, so that fixes run the way the IDE runs them.</summary>
    public async Task<(AdhocWorkspace Workspace, Project Project)> CreateWorkspaceAsync()
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId(Name);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            compilationOptions: CompilationOptions(),
            parseOptions: ParseOptions,
            metadataReferences: await MetadataReferencesAsync().ConfigureAwait(false)));
        foreach (var (path, text) in Sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), Path.GetFileName(path), text, filePath: path);
        }

        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("The workspace refused the corpus project " + Name);
        }

        return (workspace, workspace.CurrentSolution.GetProject(projectId)!);
    }

    public override string ToString() => Name;

    private static bool HasTopLevelStatements(string text) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot().ChildNodes().Any(node => node is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);
}

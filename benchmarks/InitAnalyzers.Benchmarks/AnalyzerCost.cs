using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using InitAnalyzers.Analysis;
using InitAnalyzers.Benchmarks.CodeBases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InitAnalyzers.Benchmarks;

/// <summary>
/// The analyzers' cost as a share of the compiler's own: over a generated non-neural code base (target at most 2%, and no
/// diagnostic) and a neural-network-heavy one (at most 5%). Each run times <c>GetDiagnostics()</c> on a fresh compilation
/// (the compiler's binding and checks) and the analyzers' execution time as Roslyn's telemetry records it
/// (<c>logAnalyzerExecutionTime</c>) on another fresh compilation of the same trees; both sequential, so that the times are
/// comparable on a busy machine. The ratio is reported as the median over the runs. The target is judged against
/// <c>GetDiagnostics()</c>, the stricter baseline; the share of <c>Emit</c> (binding, lowering and code generation, what a build's
/// compiler does with the parsed trees) is printed beside it. The garbage collector's pauses during the analysis are printed beside each run: they fall inside the actions they interrupt, whoever allocated, and are most of the spread between runs.
/// <code>dotnet run -c Release --project benchmarks/InitAnalyzers.Benchmarks -- analyzer-cost [--runs 7] [--lines 120000] [--only non-neural|neural] [--dir FOLDER] [--write FOLDER]</code>
/// <c>--dir</c> measures every .cs file under a folder instead, as a non-neural code base (compile errors allowed, as a
/// repository without its packages has). <c>--write</c> writes the generated code bases as files instead, to be built as projects.
/// </summary>
public static class AnalyzerCost
{
    private sealed record CodeBase(string Name, IReadOnlyList<SyntaxTree> Trees, double Target, bool MustBeClean, bool MayHaveErrors = false);

    private sealed record Run(double CompilerMs, double AnalyzerMs, double AnalysisWallMs, double CompilerCpuMs, double AnalysisCpuMs, double AnalysisGcPauseMs, double AnalysisAllocatedMb, double EmitMs)
    {
        public double Ratio => AnalyzerMs / CompilerMs;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 7);
        var lines = Option(args, "--lines", 120_000);
        var references = References();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var dir = Array.IndexOf(args, "--dir") is var dirAt and >= 0 && dirAt + 1 < args.Length ? args[dirAt + 1] : null;
        var codeBases = dir is null
            ? new[]
            {
                new CodeBase("non-neural", Parse(NonNeuralCodeBase.Generate(lines), parse), Target: 0.02, MustBeClean: true),
                new CodeBase("neural", Parse(NeuralCodeBase.Generate(lines), parse), Target: 0.05, MustBeClean: false),
            }
            : new[] { RealCodeBase(dir, parse) };

        var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        codeBases = codeBases.Where(codeBase => only is null || codeBase.Name == only).ToArray();
        if (Array.IndexOf(args, "--write") is var writeAt and >= 0 && writeAt + 1 < args.Length)
        {
            // The code bases as files, to be built as projects (benchmarks/README.md, "A real build").
            foreach (var codeBase in codeBases)
            {
                foreach (var tree in codeBase.Trees)
                {
                    var path = Path.Combine(args[writeAt + 1], codeBase.Name, tree.FilePath);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, tree.GetText().ToString());
                }

                Console.WriteLine($"{codeBase.Name}: {codeBase.Trees.Count} files written under {Path.Combine(args[writeAt + 1], codeBase.Name)}");
            }

            return 0;
        }

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new InitializationAnalyzer());
        Console.WriteLine($"Roslyn {typeof(Compilation).Assembly.GetName().Version}, {references.Length} references, {runs} runs after one warm-up, sequential compiler and analysis");

        var failed = false;
        foreach (var codeBase in codeBases)
        {
            var lineCount = codeBase.Trees.Sum(tree => tree.GetText().Lines.Count);
            var (errors, diagnostics) = await CheckAsync(codeBase, references, analyzers);
            Console.WriteLine();
            Console.WriteLine($"{codeBase.Name}: {codeBase.Trees.Count} files, {lineCount} lines, {errors} compile errors, diagnostics: {(diagnostics.Count == 0 ? "none" : string.Join(", ", diagnostics.Select(pair => $"{pair.Key} x{pair.Value}")))}");
            await MeasureAsync(codeBase, references, analyzers); // warm-up: JIT and metadata
            var measured = new List<Run>();
            for (var i = 0; i < runs; i++)
            {
                var run = await MeasureAsync(codeBase, references, analyzers);
                measured.Add(run);
                Console.WriteLine($"  run {i + 1}: compiler {run.CompilerMs,8:F0} ms, analyzers {run.AnalyzerMs,7:F0} ms ({run.Ratio,6:P2}), analysis wall {run.AnalysisWallMs,8:F0} ms; cpu: compiler {run.CompilerCpuMs,8:F0} ms, analysis {run.AnalysisCpuMs,8:F0} ms; GC pauses in analysis {run.AnalysisGcPauseMs,5:F0} ms, allocated {run.AnalysisAllocatedMb,5:F0} MB; emit {run.EmitMs,6:F0} ms ({run.AnalyzerMs / run.EmitMs,6:P2})");
            }

            var ratio = Median(measured.Select(run => run.Ratio));
            var pass = ratio <= codeBase.Target && (!codeBase.MustBeClean || diagnostics.Count == 0) && (errors == 0 || codeBase.MayHaveErrors);
            failed |= !pass;
            Console.WriteLine($"  median of {runs}: compiler {Median(measured.Select(run => run.CompilerMs)):F0} ms, analyzers {Median(measured.Select(run => run.AnalyzerMs)):F0} ms, ratio {ratio:P2} "
                + $"(min {measured.Min(run => run.Ratio):P2}, max {measured.Max(run => run.Ratio):P2}); of emit {Median(measured.Select(run => run.AnalyzerMs / run.EmitMs)):P2}; target {codeBase.Target:P0}{(codeBase.MustBeClean ? " and no diagnostic" : string.Empty)}: {(pass ? "PASS" : "FAIL")}");
        }

        return failed ? 1 : 0;
    }

    private static async Task<Run> MeasureAsync(CodeBase codeBase, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var compiler = Stopwatch.StartNew();
        Compile(codeBase, references).GetDiagnostics();
        compiler.Stop();
        process.Refresh();
        var compilerCpu = process.TotalProcessorTime - cpu;

        Collect();
        var emit = Stopwatch.StartNew();
        var emitted = Compile(codeBase, references).Emit(Stream.Null);
        emit.Stop();
        if (!emitted.Success && !codeBase.MayHaveErrors)
        {
            throw new InvalidOperationException("the generated code base does not compile");
        }

        Collect();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = Compile(codeBase, references).WithAnalyzers(analyzers, options);
        process.Refresh();
        cpu = process.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var analysis = Stopwatch.StartNew();
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        analysis.Stop();
        paused = GC.GetTotalPauseDuration() - paused;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var analysisCpu = process.TotalProcessorTime - cpu;
        var executionTime = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            executionTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
        }

        return new Run(compiler.Elapsed.TotalMilliseconds, executionTime.TotalMilliseconds, analysis.Elapsed.TotalMilliseconds, compilerCpu.TotalMilliseconds, analysisCpu.TotalMilliseconds, paused.TotalMilliseconds, allocated / 1048576.0, emit.Elapsed.TotalMilliseconds);
    }

    private static async Task<(int Errors, SortedDictionary<string, int> Diagnostics)> CheckAsync(CodeBase codeBase, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = Compile(codeBase, references);
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors.Take(codeBase.MayHaveErrors ? 0 : 5))
        {
            Console.Error.WriteLine("  " + error);
        }

        var diagnostics = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync())
        {
            diagnostics[diagnostic.Id] = diagnostics.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
            if (codeBase.MustBeClean)
            {
                Console.Error.WriteLine("  unexpected: " + diagnostic);
            }
        }

        return (errors.Count, diagnostics);
    }

    private static CSharpCompilation Compile(CodeBase codeBase, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Generated_" + codeBase.Name.Replace('-', '_'),
            codeBase.Trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false, nullableContextOptions: NullableContextOptions.Disable));

    /// <summary>A real code base, judged as a non-neural one: every .cs file under a folder (a repository snapshot, for instance).</summary>
    private static CodeBase RealCodeBase(string dir, CSharpParseOptions parse)
    {
        var folder = Path.GetFullPath(dir);
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(file => file, StringComparer.Ordinal)
            .Select(file => (Path.GetRelativePath(folder, file), File.ReadAllText(file)))
            .ToList();
        return new CodeBase(Path.GetFileName(folder), Parse(files, parse), Target: 0.02, MustBeClean: true, MayHaveErrors: true);
    }

    private static List<SyntaxTree> Parse(IReadOnlyList<(string Path, string Text)> files, CSharpParseOptions options) =>
        files.Select(file => CSharpSyntaxTree.ParseText(file.Text, options, file.Path)).ToList();

    /// <summary>The .NET reference pack of the SDK this runs on, and MathNet.Numerics and NumSharp for the neural code base.</summary>
    private static ImmutableArray<MetadataReference> References()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var version = Environment.Version;
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"), $"{version.Major}.{version.Minor}.*")
            .OrderByDescending(path => path, StringComparer.Ordinal).FirstOrDefault();
        var framework = pack is not null && Directory.Exists(Path.Combine(pack, "ref", $"net{version.Major}.{version.Minor}"))
            ? Directory.GetFiles(Path.Combine(pack, "ref", $"net{version.Major}.{version.Minor}"), "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll").ToArray();
        return framework
            .Concat(new[] { typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly.Location, typeof(NumSharp.NDArray).Assembly.Location })
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(value => value).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}


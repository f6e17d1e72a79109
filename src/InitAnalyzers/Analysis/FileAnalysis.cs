using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using InitAnalyzers.Recognizers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Analysis;

/// <summary>
/// The analysis of one compilation, run once per file (a semantic model action): every recognizer over each type declared
/// in the file, and the findings located in it reported.
/// </summary>
/// <remarks>
/// A type declared in several files (a partial class, up to a hundred files for a library's API surface) is judged once
/// for all of them, and each file reports its share: judging it again from each file took the analysis of TorchSharp's
/// repository from under a second to 9 seconds.
/// </remarks>
internal sealed class FileAnalysis
{
    private readonly Action<TypeContext>[] recognizers;
    private readonly GeneratedCode generated;
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<Findings>> partialTypes = new(SymbolEqualityComparer.Default);
    private Dictionary<SyntaxTree, List<(INamedTypeSymbol Type, TextSpan Span)>>? typesByFile;

    public FileAnalysis(Action<TypeContext>[] recognizers, GeneratedCode generated)
    {
        this.recognizers = recognizers;
        this.generated = generated;
    }

    /// <summary>
    /// A recognizer that throws does not keep the others from the type, nor the file's other types from the recognizers; the
    /// first exception is rethrown at the end, so that it is still reported (AD0001), by one file only.
    /// </summary>
    public void OnFile(SemanticModelAnalysisContext file)
    {
        if (file.IsGeneratedCode)
        {
            return; // a generated file's types are neither judged nor reported; their other, handwritten files are
        }

        var tree = file.SemanticModel.SyntaxTree;
        ExceptionDispatchInfo? failure = null;
        foreach (var type in DeclaredTypes(tree, file.FilterSpan, file.SemanticModel.Compilation, file.CancellationToken))
        {
            if (GeneratedCode.IsMarkedGenerated(type))
            {
                continue;
            }

            var declarations = type.DeclaringSyntaxReferences;
            var home = HomeFile(declarations, file.CancellationToken);
            var findings = declarations.Any(declaration => declaration.SyntaxTree != tree)
                ? partialTypes.GetOrAdd(type, _ => new Lazy<Findings>(() => Judge(type, file), LazyThreadSafetyMode.PublicationOnly)).Value
                : Judge(type, file);
            foreach (var diagnostic in findings.Diagnostics)
            {
                if (ReportingFile(declarations, home, diagnostic.Location) == tree)
                {
                    file.ReportDiagnostic(diagnostic);
                }
            }

            if (home == tree)
            {
                failure ??= findings.Failure;
            }
        }

        failure?.Throw();
    }

    private Findings Judge(INamedTypeSymbol type, SemanticModelAnalysisContext file)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var context = new TypeContext(type, new TypeBlocks(type, file.SemanticModel, file.CancellationToken), file.SemanticModel.Compilation, file.Options, diagnostics.Add, file.CancellationToken);
        ExceptionDispatchInfo? failure = null;
        foreach (var recognizer in recognizers)
        {
            try
            {
                recognizer(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failure ??= ExceptionDispatchInfo.Capture(exception);
            }
        }

        return new Findings(diagnostics.ToImmutable(), failure);
    }

    /// <summary>
    /// The types declared in each file (nested ones too, and the program of top-level statements), in the order of their first
    /// declaration there: read once per compilation from its symbols, which costs less than asking the semantic model of each
    /// file for the symbol of each declaration.
    /// </summary>
    private static Dictionary<SyntaxTree, List<(INamedTypeSymbol Type, TextSpan Span)>> TypesByFile(Compilation compilation, CancellationToken cancellationToken)
    {
        var byFile = new Dictionary<SyntaxTree, List<(INamedTypeSymbol, TextSpan)>>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is not INamespaceOrTypeSymbol container)
                {
                    continue;
                }

                pending.Push(container);
                if (container is not INamedTypeSymbol type)
                {
                    continue;
                }

                foreach (var declaration in type.DeclaringSyntaxReferences)
                {
                    if (!byFile.TryGetValue(declaration.SyntaxTree, out var types))
                    {
                        byFile[declaration.SyntaxTree] = types = new List<(INamedTypeSymbol, TextSpan)>();
                    }

                    types.Add((type, declaration.Span));
                }
            }
        }

        foreach (var types in byFile.Values)
        {
            types.Sort((x, y) => x.Item2.Start.CompareTo(y.Item2.Start));
        }

        return byFile;
    }

    /// <summary>The types declared in the file, each once; only those that meet <paramref name="span"/> when the editor asks about part of the file.</summary>
    private IEnumerable<INamedTypeSymbol> DeclaredTypes(SyntaxTree tree, TextSpan? span, Compilation compilation, CancellationToken cancellationToken)
    {
        var declared = typesByFile ?? Interlocked.CompareExchange(ref typesByFile, TypesByFile(compilation, cancellationToken), null) ?? typesByFile!;
        if (!declared.TryGetValue(tree, out var types))
        {
            yield break;
        }

        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (type, declaration) in types)
        {
            if ((span is not { } part || declaration.IntersectsWith(part)) && seen.Add(type))
            {
                yield return type;
            }
        }
    }

    /// <summary>
    /// The type's first handwritten file, which reports what no other file does: a finding in the code of another type that
    /// writes the weights, and a recognizer's failure. The type is declared in the file being analyzed, so there is one.
    /// </summary>
    private SyntaxTree HomeFile(ImmutableArray<SyntaxReference> declarations, CancellationToken cancellationToken) =>
        declarations.Select(declaration => declaration.SyntaxTree).FirstOrDefault(tree => !generated.IsGeneratedFile(tree, cancellationToken))
        ?? declarations[0].SyntaxTree;

    /// <summary>
    /// The file that reports a finding at <paramref name="location"/> about the type declared at <paramref name="declarations"/>:
    /// the file it is in when the type is declared there, otherwise the type's <paramref name="home"/> file.
    /// </summary>
    private static SyntaxTree? ReportingFile(ImmutableArray<SyntaxReference> declarations, SyntaxTree home, Location location) =>
        declarations.Any(declaration => declaration.SyntaxTree == location.SourceTree) ? location.SourceTree : home;

    private sealed class Findings
    {
        public Findings(ImmutableArray<Diagnostic> diagnostics, ExceptionDispatchInfo? failure)
        {
            Diagnostics = diagnostics;
            Failure = failure;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public ExceptionDispatchInfo? Failure { get; }
    }
}

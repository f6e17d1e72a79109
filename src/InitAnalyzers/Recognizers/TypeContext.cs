using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// What a recognizer is given for one type declared in the file being analyzed: the type, its members' code, the
/// compilation and options, and where its findings are reported.
/// </summary>
internal sealed class TypeContext
{
    private readonly Action<Diagnostic> report;

    public TypeContext(INamedTypeSymbol symbol, TypeBlocks code, Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Symbol = symbol;
        Code = code;
        Compilation = compilation;
        Options = options;
        this.report = report;
        CancellationToken = cancellationToken;
    }

    public INamedTypeSymbol Symbol { get; }

    /// <summary>The code of the type's members, bound on demand.</summary>
    public TypeBlocks Code { get; }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => report(diagnostic);
}

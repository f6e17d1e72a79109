using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using InitAnalyzers.Configuration;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers;
using InitAnalyzers.Recognizers.Arrays;
using InitAnalyzers.Recognizers.LayerLists;
using InitAnalyzers.Recognizers.MathNet;
using InitAnalyzers.Recognizers.NumSharp;
using InitAnalyzers.Recognizers.TorchSharp;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Analysis;

/// <summary>
/// The one analyzer: at the start of each compilation it sets up the recognizers of the API surfaces present,
/// and every <see cref="WeightSite"/> they emit is judged by every rule in <see cref="WeightRules"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InitializationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is neither judged nor reported, but the check is the analyzer's own (GeneratedCode): the driver's, made for
        // each reported diagnostic, walks every token of the diagnostic's file.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var index = new CompilationIndex(context.Compilation);
        var generated = new GeneratedCode(context.Compilation);
        Action<WeightSite, TypeContext> judge = (site, type) => Judge(site, type, generated);
        var recognizers = new List<Action<TypeContext>> { new ArrayWeightRecognizer(index, judge).OnType };
        MathNetWeightRecognizer.Register(context.Compilation, recognizers, index, judge);
        NumSharpWeightRecognizer.Register(context.Compilation, recognizers, index, judge);
        TorchSharpRecognizer.Register(
            context.Compilation,
            recognizers,
            index,
            judge,
            (pitfall, type) => FrameworkPitfallRule.Judge(pitfall, diagnostic => Report(diagnostic, generated, type.ReportDiagnostic, type.CancellationToken)));
        LayerListRecognizer.Register(context.Compilation, recognizers, judge);

        // One semantic model action per file runs every recognizer over each type declared in it, rather than symbol-start
        // actions: why is in TypeBlocks. Most types are left at once by every recognizer.
        var all = recognizers.ToArray();
        context.RegisterSemanticModelAction(file => OnFile(file, all));
    }

    /// <summary>
    /// Runs the recognizers over each type declared in the file. A recognizer that throws does not keep the others from the
    /// type, nor the file's other types from the recognizers; the first exception is rethrown at the end, so that it is still
    /// reported (AD0001).
    /// </summary>
    private static void OnFile(SemanticModelAnalysisContext file, Action<TypeContext>[] recognizers)
    {
        if (file.IsGeneratedCode)
        {
            return; // a generated file's types are neither judged nor reported; their other, handwritten files are
        }

        ExceptionDispatchInfo? failure = null;
        foreach (var type in DeclaredTypes(file.SemanticModel, file.FilterSpan, file.CancellationToken))
        {
            var context = new TypeContext(
                type,
                new TypeBlocks(type, file.SemanticModel, file.CancellationToken),
                file.SemanticModel.Compilation,
                file.Options,
                diagnostic =>
                {
                    if (ReportingFile(type, diagnostic.Location) == file.SemanticModel.SyntaxTree)
                    {
                        file.ReportDiagnostic(diagnostic);
                    }
                },
                file.CancellationToken);
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
        }

        failure?.Throw();
    }

    /// <summary>
    /// The types declared in <paramref name="model"/>'s file (nested ones too, and the program of top-level statements),
    /// each once; only those that meet <paramref name="span"/> when the editor asks about part of the file.
    /// </summary>
    private static IEnumerable<INamedTypeSymbol> DeclaredTypes(SemanticModel model, TextSpan? span, CancellationToken cancellationToken)
    {
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        if (root is CompilationUnitSyntax unit && unit.Members.Any(member => member is GlobalStatementSyntax && Meets(member, span))
            && model.GetDeclaredSymbol(unit, cancellationToken) is IMethodSymbol { ContainingType: { } program } && seen.Add(program))
        {
            yield return program;
        }

        foreach (var node in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is TypeDeclarationSyntax declaration && Meets(declaration, span)
                && model.GetDeclaredSymbol(declaration, cancellationToken) is { } type && seen.Add(type))
            {
                yield return type;
            }
        }
    }

    private static bool Meets(SyntaxNode node, TextSpan? span) => span is not { } part || node.FullSpan.IntersectsWith(part);

    /// <summary>
    /// The file that reports a finding about <paramref name="type"/> at <paramref name="location"/>. A partial type is judged
    /// from each of its files, and each reports the findings in itself; a finding elsewhere (in the code of another type that
    /// writes the weights) is reported by the type's first file.
    /// </summary>
    private static SyntaxTree? ReportingFile(INamedTypeSymbol type, Location location)
    {
        var declarations = type.DeclaringSyntaxReferences;
        return declarations.IsEmpty || declarations.Any(declaration => declaration.SyntaxTree == location.SourceTree)
            ? location.SourceTree
            : declarations[0].SyntaxTree;
    }

    private static void Judge(WeightSite site, TypeContext context, GeneratedCode generated)
    {
        var options = InitOptions.For(context.Options, site.Symbol);
        if (options.IsNonWeightName(site.Name) || options.IsNonWeightName(site.Symbol.Name))
        {
            return; // the user says it is never a weight (init_analyzers.non_weight_names)
        }

        if (site.Activation == ActivationKind.Unknown && options.AssumedActivation is { } assumed)
        {
            site = site.WithAssumedActivation(assumed);
        }

        foreach (var rule in WeightRules.All)
        {
            rule.Judge(site, options, diagnostic => Report(diagnostic, generated, context.ReportDiagnostic, context.CancellationToken));
        }
    }

    private static void Report(Diagnostic diagnostic, GeneratedCode generated, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (!generated.Contains(diagnostic.Location, cancellationToken))
        {
            report(diagnostic);
        }
    }
}

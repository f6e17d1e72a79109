using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
using Microsoft.CodeAnalysis.Diagnostics;

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
        Action<WeightSite, SymbolAnalysisContext> judge = (site, symbol) => Judge(site, symbol, generated);
        var typeStarts = new List<Action<SymbolStartAnalysisContext>> { new ArrayWeightRecognizer(index, judge).OnTypeStart };
        MathNetWeightRecognizer.Register(context.Compilation, typeStarts, index, judge);
        NumSharpWeightRecognizer.Register(context.Compilation, typeStarts, index, judge);
        TorchSharpRecognizer.Register(
            context.Compilation,
            typeStarts,
            index,
            judge,
            (pitfall, operation) => FrameworkPitfallRule.Judge(pitfall, diagnostic => Report(diagnostic, generated, operation.ReportDiagnostic, operation.CancellationToken)));
        LayerListRecognizer.Register(context.Compilation, typeStarts, judge);

        // One symbol-start action for every recognizer: the driver's cost is per action and per type, and most types are
        // left at once by every recognizer. A recognizer that throws does not keep the others from the type; the first
        // exception is rethrown after them, so that it is still reported (AD0001).
        var starts = typeStarts.ToArray();
        context.RegisterSymbolStartAction(
            start =>
            {
                if (start.IsGeneratedCode)
                {
                    return;
                }

                ExceptionDispatchInfo? failure = null;
                foreach (var typeStart in starts)
                {
                    try
                    {
                        typeStart(start);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failure ??= ExceptionDispatchInfo.Capture(exception);
                    }
                }

                failure?.Throw();
            },
            SymbolKind.NamedType);
    }

    private static void Judge(WeightSite site, SymbolAnalysisContext context, GeneratedCode generated)
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

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
        context.RegisterSemanticModelAction(new FileAnalysis(recognizers.ToArray(), generated).OnFile);
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

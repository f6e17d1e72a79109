using System.Collections.Immutable;
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var index = new CompilationIndex(context.Compilation);
        var arrays = new ArrayWeightRecognizer(index, Judge);
        context.RegisterSymbolStartAction(arrays.OnTypeStart, SymbolKind.NamedType);
        MathNetWeightRecognizer.Register(context, index, Judge);
        NumSharpWeightRecognizer.Register(context, index, Judge);
        TorchSharpRecognizer.Register(context, index, Judge, (pitfall, operation) => FrameworkPitfallRule.Judge(pitfall, operation.ReportDiagnostic));
        LayerListRecognizer.Register(context, Judge);
    }

    private static void Judge(WeightSite site, SymbolAnalysisContext context)
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
            rule.Judge(site, options, context.ReportDiagnostic);
        }
    }
}

using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InitAnalyzers.CodeFixes.Writers;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes;

/// <summary>
/// Rewrites a zero-initialized weight array to a fan-scaled <c>InitAnalyzers.Runtime.WeightInit</c> call: He for the
/// ReLU family or an unknown activation, Xavier for tanh, sigmoid and linear layers, LeCun for SELU, as the
/// diagnostic's properties say. Keeps the user's element type and array, and passes the <c>System.Random</c> in scope.
/// NumSharp weights (zero, constant or unscaled random) become a scaled <c>np.random</c> draw instead (<see cref="NumSharpInitWriter"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeightInitCodeFixProvider)), Shared]
public sealed class WeightInitCodeFixProvider : CodeFixProvider
{
    private const string RuntimeTypeName = "InitAnalyzers.Runtime.WeightInit";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ZeroWeights, RuleIdentifiers.ConstantWeights, RuleIdentifiers.UnscaledRandom);

    /// <inheritdoc/>
    /// <remarks>
    /// Fixes are applied per document in one edit, so that the <c>using</c> every fix needs is added once
    /// (a batch merge of separate text changes drops fixes whose import insertions collide).
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (fixAll, document, diagnostics) => await FixDocumentAsync(document, diagnostics, fixAll.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if ((PlanNumSharp(model, diagnostic, context.CancellationToken)?.Title ?? Plan(model, diagnostic, context.CancellationToken)?.Title) is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKeys.RecommendedInitialization),
                    diagnostic);
            }
        }
    }

    private static NumSharpInitPlan? PlanNumSharp(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName(RuntimeTypeName) is null
            || !diagnostic.Properties.TryGetValue(Remedy.SchemeProperty, out var schemeName) || !Enum.TryParse<InitScheme>(schemeName, out var scheme))
        {
            return null;
        }

        int? fanInIndex = diagnostic.Properties.TryGetValue(Remedy.FanInIndexProperty, out var index) && int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return NumSharpInitWriter.Plan(node, diagnostic.Location.SourceSpan, model, scheme, fanInIndex, cancellationToken);
    }

    private static ArrayInitPlan? Plan(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName(RuntimeTypeName) is null || diagnostic.Id == RuleIdentifiers.UnscaledRandom)
        {
            return null; // the package always brings the runtime library; without it the fix would not compile. INIT004 on arrays: not written yet
        }

        if (!diagnostic.Properties.TryGetValue(Remedy.SchemeProperty, out var schemeName) || !Enum.TryParse<InitScheme>(schemeName, out var scheme))
        {
            return null;
        }

        int? fanInIndex = diagnostic.Properties.TryGetValue(Remedy.FanInIndexProperty, out var index) && int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (ArrayInitWriter.Plan(node, model, scheme, fanInIndex, cancellationToken) is not { } plan)
        {
            return null;
        }

        plan.Random = RandomInScope(model, plan.Target, cancellationToken);
        if (plan.PerElement && plan.Random is null && model.Compilation.GetTypeByMetadataName("System.Random")?.GetMembers("Shared").IsEmpty != false)
        {
            return null; // a per-element sample needs a random source: the user's, or Random.Shared (.NET 6+)
        }

        return plan;
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var weightInit = editor.SemanticModel.Compilation.GetTypeByMetadataName(RuntimeTypeName);
        if (weightInit is null)
        {
            return document;
        }

        var numSharp = diagnostics.Select(diagnostic => (Diagnostic: diagnostic, Plan: PlanNumSharp(editor.SemanticModel, diagnostic, cancellationToken))).ToList();
        foreach (var plan in numSharp.Select(pair => pair.Plan).OfType<NumSharpInitPlan>().GroupBy(plan => plan.Target).Select(group => group.First()))
        {
            editor.ReplaceNode(plan.Target, NumSharpInitWriter.Build(plan, editor.Generator, weightInit, editor.SemanticModel));
        }

        var plans = numSharp.Where(pair => pair.Plan is null).Select(pair => Plan(editor.SemanticModel, pair.Diagnostic, cancellationToken)).OfType<ArrayInitPlan>()
            .GroupBy(plan => plan.Target).Select(group => group.First());
        foreach (var plan in plans)
        {
            editor.ReplaceNode(plan.Target, ArrayInitWriter.Build(plan, editor.Generator, weightInit, editor.SemanticModel));
        }

        return await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <c>System.Random</c> the user already draws from here (a parameter or local first, then a field), so that
    /// seeded runs stay seeded. In a field initializer only static members are reachable.
    /// </summary>
    private static ISymbol? RandomInScope(SemanticModel model, SyntaxNode target, CancellationToken cancellationToken)
    {
        var randomType = model.Compilation.GetTypeByMetadataName("System.Random");
        if (randomType is null)
        {
            return null;
        }

        var position = target.SpanStart;
        var staticOnly = target.FirstAncestorOrSelf<VariableDeclaratorSyntax>()?.Parent?.Parent is FieldDeclarationSyntax
            || target.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is not null;
        var candidates = model.LookupSymbols(position)
            .Where(symbol => SymbolEqualityComparer.Default.Equals(TypeOf(symbol), randomType))
            .Where(symbol => !staticOnly || symbol.IsStatic)
            .Where(symbol => symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.All(reference => reference.Span.End <= position))
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();
        return candidates.FirstOrDefault(symbol => symbol is IParameterSymbol or ILocalSymbol) ?? candidates.FirstOrDefault();
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}

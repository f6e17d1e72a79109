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
using InitAnalyzers.Recognizers.MathNet;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes;

/// <summary>
/// Rewrites a zero- or constant-initialized weight array to a fan-scaled <c>InitAnalyzers.Runtime.WeightInit</c> call: He for
/// the ReLU family or an unknown activation, Xavier for tanh, sigmoid and linear layers, LeCun for SELU, as the
/// diagnostic's properties say. Keeps the user's element type and array, and passes the <c>System.Random</c> in scope.
/// An unscaled random value (INIT004) keeps the user's draw and is rescaled with <c>WeightInit.HeBound</c> or <c>HeStd</c>
/// (Xavier, LeCun), so uniform stays uniform and normal stays normal.
/// MathNet weights (zero, constant or unscaled) are redrawn in MathNet's own idiom from a distribution scaled with
/// <c>WeightInit.HeStd</c>/<c>XavierStd</c>/<c>LeCunStd</c> (see <see cref="MathNetInitWriter"/>).
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
            if (Plan(model, diagnostic, context.CancellationToken)?.Title is { } title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKeys.RecommendedInitialization),
                    diagnostic);
            }
        }
    }

    private static FixPlan? Plan(SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (model.Compilation.GetTypeByMetadataName(RuntimeTypeName) is null)
        {
            return null; // the package always brings the runtime library; without it the fix would not compile
        }

        if (diagnostic.Properties.ContainsKey(Remedy.FrameworkProperty))
        {
            return null; // TorchSharp weights are fixed in torch.nn.init's own idiom by TorchInitCodeFixProvider
        }

        if (diagnostic.Properties.ContainsKey(Remedy.ZeroingNumeratorProperty))
        {
            return null; // the author meant a fan-scaled draw: FloatingPointDivisionCodeFixProvider divides in floating point
        }

        if (!diagnostic.Properties.TryGetValue(Remedy.SchemeProperty, out var schemeName) || !Enum.TryParse<InitScheme>(schemeName, out var scheme))
        {
            return null;
        }

        int? fanInIndex = diagnostic.Properties.TryGetValue(Remedy.FanInIndexProperty, out var index) && int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (NumSharpInitWriter.Plan(node, diagnostic.Location.SourceSpan, model, scheme, fanInIndex, cancellationToken) is { } numSharpPlan)
        {
            return new FixPlan(numSharpPlan.Target, numSharpPlan.Title, (generator, weightInit, semanticModel) => NumSharpInitWriter.Build(numSharpPlan, generator, weightInit, semanticModel));
        }

        if (MathNetTypes.Resolve(model.Compilation) is { } mathNet && MathNetInitWriter.Plan(node, model, mathNet, scheme, fanInIndex, cancellationToken) is { } matrixPlan)
        {
            return new FixPlan(matrixPlan.Target, matrixPlan.Title, (generator, weightInit, _) => MathNetInitWriter.Build(matrixPlan, generator, weightInit, mathNet));
        }

        if (ArrayInitWriter.Plan(node, model, scheme, fanInIndex, cancellationToken) is not { } plan)
        {
            return null;
        }

        if (diagnostic.Id == RuleIdentifiers.UnscaledRandom)
        {
            // The user's own draw is kept and rescaled, so its random source and distribution family stay; without one, no fix.
            plan.Draw = plan.PerElement && plan.Target is ExpressionSyntax value ? RandomDrawWriter.Find(value, model, cancellationToken) : null;
            return plan.Draw is null ? null : new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
        }

        plan.Random = RandomInScope(model, plan.Target, cancellationToken);
        if (plan.PerElement && plan.Random is null && model.Compilation.GetTypeByMetadataName("System.Random")?.GetMembers("Shared").IsEmpty != false)
        {
            return null; // a per-element sample needs a random source: the user's, or Random.Shared (.NET 6+)
        }

        return new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var weightInit = editor.SemanticModel.Compilation.GetTypeByMetadataName(RuntimeTypeName);
        if (weightInit is null)
        {
            return document;
        }

        var plans = diagnostics.Select(diagnostic => Plan(editor.SemanticModel, diagnostic, cancellationToken)).OfType<FixPlan>()
            .GroupBy(plan => plan.Target).Select(group => group.First());
        foreach (var plan in plans)
        {
            editor.ReplaceNode(plan.Target, plan.Build(editor.Generator, weightInit, editor.SemanticModel));
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

    /// <summary>One fix: the node it replaces, its title, and how to build the replacement from the runtime's <c>WeightInit</c>.</summary>
    private sealed class FixPlan
    {
        public FixPlan(SyntaxNode target, string title, Func<SyntaxGenerator, INamedTypeSymbol, SemanticModel, SyntaxNode> build)
        {
            Target = target;
            Title = title;
            Build = build;
        }

        public SyntaxNode Target { get; }

        public string Title { get; }

        public Func<SyntaxGenerator, INamedTypeSymbol, SemanticModel, SyntaxNode> Build { get; }
    }
}

using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using InitAnalyzers.CodeFixes.Writers;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.MathNet;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace InitAnalyzers.CodeFixes.Fixers;

/// <summary>
/// Rewrites a zero- or constant-initialized weight array to a fan-scaled <c>InitAnalyzers.Runtime.WeightInit</c> call: He for
/// the ReLU family or an unknown activation, Xavier for tanh, sigmoid and linear layers, LeCun for SELU, as the
/// diagnostic's properties say. Keeps the user's element type and array, and passes the <c>System.Random</c> in scope.
/// An unscaled random value (INIT004), or a hand-written scheme that does not suit the activation (INIT003), keeps the user's
/// draw and is rescaled with <c>WeightInit.HeBound</c> or <c>HeStd</c> (Xavier, LeCun), so uniform stays uniform and normal stays normal.
/// MathNet weights (zero, constant or unscaled) are redrawn in MathNet's own idiom from a distribution scaled with
/// <c>WeightInit.HeStd</c>/<c>XavierStd</c>/<c>LeCunStd</c> (see <see cref="MathNetInitWriter"/>).
/// NumSharp weights (zero, constant or unscaled random) become a scaled <c>np.random</c> draw instead (<see cref="NumSharpInitWriter"/>).
/// </summary>
internal sealed class WeightInitFixer : InitFixer
{
    private const string RuntimeTypeName = "InitAnalyzers.Runtime.WeightInit";

    /// <inheritdoc/>
    public override bool Owns(Diagnostic diagnostic) =>
        diagnostic.Id is RuleIdentifiers.ZeroWeights or RuleIdentifiers.ConstantWeights or RuleIdentifiers.UnscaledRandom or RuleIdentifiers.ActivationMismatch
        && !diagnostic.Properties.ContainsKey(Remedy.FrameworkProperty)
        && !diagnostic.Properties.ContainsKey(Remedy.ZeroingNumeratorProperty);

    /// <inheritdoc/>
    public override string EquivalenceKey(Diagnostic diagnostic) => EquivalenceKeys.RecommendedInitialization;

    /// <inheritdoc/>
    public override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Plan(model, diagnostic, cancellationToken)?.Title;

    /// <inheritdoc/>
    public override void Plan(FixBatch batch, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (batch.Model.Compilation.GetTypeByMetadataName(RuntimeTypeName) is { } weightInit && Plan(batch.Model, diagnostic, cancellationToken) is { } plan)
        {
            batch.Replace(plan.Target, () => plan.Build(batch.Editor.Generator, weightInit, batch.Model));
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
            return null; // TorchSharp weights are fixed in torch.nn.init's own idiom by TorchInitFixer
        }

        if (diagnostic.Properties.ContainsKey(Remedy.ZeroingNumeratorProperty))
        {
            return null; // the author meant a fan-scaled draw: FloatingPointDivisionFixer divides in floating point
        }

        if (!diagnostic.Properties.TryGetValue(Remedy.SchemeProperty, out var schemeName) || !Enum.TryParse<InitScheme>(schemeName, out var scheme))
        {
            return null;
        }

        var preferred = Remedy.FixFamily(diagnostic.Properties);
        int? fanInIndex = diagnostic.Properties.TryGetValue(Remedy.FanInIndexProperty, out var index) && int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (NumSharpInitWriter.Plan(node, diagnostic.Location.SourceSpan, model, scheme, preferred, fanInIndex, cancellationToken) is { } numSharpPlan)
        {
            return new FixPlan(numSharpPlan.Target, numSharpPlan.Title, (generator, weightInit, semanticModel) => NumSharpInitWriter.Build(numSharpPlan, generator, weightInit, semanticModel));
        }

        if (MathNetTypes.Resolve(model.Compilation) is { } mathNet && MathNetInitWriter.Plan(node, model, mathNet, scheme.InFamily(preferred ?? InitKind.Normal), preferred, fanInIndex, cancellationToken) is { } matrixPlan)
        {
            return new FixPlan(matrixPlan.Target, matrixPlan.Title, (generator, weightInit, _) => MathNetInitWriter.Build(matrixPlan, generator, weightInit, mathNet));
        }

        // Where no family is configured, a whole array the fix draws anew (a helper that drew it, INIT004) keeps the drawn family.
        if (ArrayInitWriter.Plan(node, model, scheme, preferred ?? Remedy.DrawnFamily(diagnostic.Properties), fanInIndex, cancellationToken) is not { } plan)
        {
            return null;
        }

        if (diagnostic.Id is RuleIdentifiers.UnscaledRandom or RuleIdentifiers.ActivationMismatch)
        {
            if (plan.ReplacesFactory)
            {
                // A helper that builds and draws the whole array (w = RandomMatrix(n, m)): its allocation, drawn by the runtime in the
                // family the helper drew from.
                plan.Random = RandomInScope(model, plan.Target, cancellationToken);
                return new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
            }

            // The user's own draw is kept and rescaled (to the scheme of the activation, for a mismatch), so its random source and distribution family stay; without one, no fix.
            plan.Draw = plan.PerElement && plan.Target is ExpressionSyntax value ? RandomDrawWriter.Find(value, model, cancellationToken) : null;
            if (plan.Draw is null)
            {
                // An integer draw over a grid (rnd.Next(-200, 200) / 100f) has no unit draw to keep: a fresh sample from the same Random.
                if (plan.PerElement && DrawsIntegers(plan.Target, model, cancellationToken) && SourceOf(plan.Target, model, cancellationToken) is { } integerSource)
                {
                    plan.Random = integerSource;
                    return new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
                }

                return null;
            }

            // A preferred family other than the user's: a fresh sample from the user's System.Random; without one, the draw is kept.
            if (preferred is { } family && family != plan.Draw.Family && (SourceOf(plan.Draw.Syntax, model, cancellationToken) ?? RandomInScope(model, plan.Target, cancellationToken)) is { } source)
            {
                plan.Draw = null;
                plan.Random = source;
            }

            return new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
        }

        // A draw made zero by an integer division (Math.Sqrt(2 / n)) whose intended scheme does not suit the activation: the
        // draw is kept and rescaled, as for INIT003.
        if (plan.PerElement && plan.Target is ExpressionSyntax drawn && RandomDrawWriter.Find(drawn, model, cancellationToken) is { } zeroedDraw)
        {
            plan.Draw = zeroedDraw;
            return new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
        }

        plan.Random = RandomInScope(model, plan.Target, cancellationToken);
        if (plan.PerElement && plan.Random is null && model.Compilation.GetTypeByMetadataName("System.Random")?.GetMembers("Shared").IsEmpty != false)
        {
            return null; // a per-element sample needs a random source: the user's, or Random.Shared (.NET 6+)
        }

        return new FixPlan(plan.Target, plan.Title, (generator, weightInit, semanticModel) => ArrayInitWriter.Build(plan, generator, weightInit, semanticModel));
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

    /// <summary>Whether <paramref name="value"/> draws with <c>Random.Next</c>, an integer draw over a grid.</summary>
    private static bool DrawsIntegers(SyntaxNode value, SemanticModel model, CancellationToken cancellationToken) =>
        value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Any(call => model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { Name: "Next", ContainingType.Name: "Random" });

    /// <summary>
    /// The <c>System.Random</c> the user's draw calls: <c>rnd</c> in <c>rnd.NextDouble() * 2 - 1</c>, or in the initializers of the
    /// locals a Box-Muller transform combines (<c>u1 = 1.0 - rnd.NextDouble()</c>); null when it calls none there.
    /// </summary>
    private static ISymbol? SourceOf(SyntaxNode draw, SemanticModel model, CancellationToken cancellationToken)
    {
        var randomType = model.Compilation.GetTypeByMetadataName("System.Random");
        var pending = new System.Collections.Generic.Queue<SyntaxNode>();
        var seen = new System.Collections.Generic.HashSet<ISymbol>(SymbolEqualityComparer.Default);
        pending.Enqueue(draw);
        while (pending.Count > 0)
        {
            foreach (var name in pending.Dequeue().DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                switch (model.GetSymbolInfo(name, cancellationToken).Symbol)
                {
                    case { } symbol when name.Parent is MemberAccessExpressionSyntax access && access.Expression == name && SymbolEqualityComparer.Default.Equals(TypeOf(symbol), randomType):
                        return symbol;
                    case ILocalSymbol local when seen.Add(local):
                        foreach (var reference in local.DeclaringSyntaxReferences)
                        {
                            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
                            {
                                pending.Enqueue(value);
                            }
                        }

                        break;
                }
            }
        }

        return null;
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

using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers;
using InitAnalyzers.Recognizers.Activations;
using InitAnalyzers.Recognizers.Arrays;
using InitAnalyzers.Recognizers.MathNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>
/// Writes fixes for hand-written arrays in their own idiom: the allocation is wrapped
/// (<c>WeightInit.HeNormal(new double[n, m], fanIn: m)</c>) and a zero fill call is replaced
/// (<c>WeightInit.HeNormal(w, fanIn: w.GetLength(1))</c>). Fan-in comes from the subscript that runs with the
/// input; where that is not known, Xavier is written, which needs only fan_in + fan_out.
/// </summary>
internal static class ArrayInitWriter
{
    /// <summary>
    /// What to write for <paramref name="node"/>: a whole-array fill draws from <paramref name="preferred"/>'s family, else normal;
    /// a per-element sample from <paramref name="preferred"/>'s, else uniform (one <c>NextDouble()</c> per weight).
    /// </summary>
    public static ArrayInitPlan? Plan(SyntaxNode node, SemanticModel model, InitScheme scheme, InitKind? preferred, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            return PlanElement(assignment, element, model, scheme.InFamily(preferred ?? InitKind.Uniform), fanInIndex, cancellationToken);
        }

        scheme = scheme.InFamily(preferred ?? InitKind.Normal);

        if (node.FirstAncestorOrSelf<ArrayCreationExpressionSyntax>() is { Initializer: null } creation)
        {
            return PlanAllocation(creation, model, scheme, fanInIndex, cancellationToken);
        }

        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation)
        {
            return PlanFactory(invocation, model, scheme, fanInIndex, cancellationToken) ?? PlanFill(invocation, model, scheme, fanInIndex, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// <c>w = RandomMatrix(units, inputs)</c>, a helper that builds and fills the array: the call becomes the allocation the helper
    /// makes, with the call's own arguments as its sizes, initialized by the runtime
    /// (<c>WeightInit.HeUniform(new double[units, inputs], fanIn: inputs)</c>). Only for a helper that allocates one rectangular
    /// array from its parameters or constants.
    /// </summary>
    private static ArrayInitPlan? PlanFactory(InvocationExpressionSyntax invocation, SemanticModel model, InitScheme scheme, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call || ArrayFactory.Of(call) is not { } factory
            || factory.Allocation is not { Initializer: null, Type: IArrayTypeSymbol { ElementType: var element } } allocation || !IsSupported(element))
        {
            return null;
        }

        var sizes = new System.Collections.Generic.List<ExpressionSyntax>();
        foreach (var size in allocation.DimensionSizes)
        {
            var value = size.WalkDownConversions();
            ExpressionSyntax? written = value switch
            {
                IParameterReferenceOperation { Parameter: var parameter } when !BodyIndex.Of(size).Writes(parameter) => call.Arguments.FirstOrDefault(argument => argument.ArgumentKind == ArgumentKind.Explicit
                    && SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition))?.Value.Syntax as ExpressionSyntax,
                ILiteralOperation { Syntax: ExpressionSyntax literal } => literal,
                _ => null,
            };
            if (written is null || !IsSimple(written))
            {
                return null;
            }

            sizes.Add(written.WithoutTrivia());
        }

        var creation = SyntaxFactory.ArrayCreationExpression(SyntaxFactory.ArrayType(
            SyntaxFactory.PredefinedType(SyntaxFactory.Token(element.SpecialType == SpecialType.System_Single ? SyntaxKind.FloatKeyword : SyntaxKind.DoubleKeyword)),
            SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SeparatedList(sizes)))));
        var plan = sizes.Count switch
        {
            2 => Choose(invocation, creation, scheme, fanInIndex, 0, sizes[0], sizes[1]),
            1 => PlanVector(invocation, creation, scheme, fanInIndex, sizes[0]),
            _ => null,
        };
        if (plan is not null)
        {
            plan.ReplacesFactory = true;
        }

        return plan;
    }

    private static ArrayInitPlan? PlanAllocation(ArrayCreationExpressionSyntax creation, SemanticModel model, InitScheme scheme, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(creation, cancellationToken).Type is not IArrayTypeSymbol { ElementType: var element } || !IsSupported(element))
        {
            return null;
        }

        var sizes = creation.Type.RankSpecifiers.Count == 1 ? creation.Type.RankSpecifiers[0].Sizes : default;
        if (sizes.Count == 2 && sizes.All(IsSimple))
        {
            return Choose(creation, creation, scheme, fanInIndex, 0, sizes[0], sizes[1]);
        }

        if (sizes.Count != 1 || !IsSimple(sizes[0]))
        {
            return null;
        }

        // A row of a jagged array: weights[l][i] = new double[n]; its siblings are counted by weights[l].Length.
        if (creation.Parent is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax row } assignment && assignment.Right == creation && IsSimple(row.Expression))
        {
            var rowPosition = SubscriptCount(row);
            var rowCount = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)row.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("Length"));
            return Choose(creation, creation, scheme, fanInIndex, rowPosition - 1, rowCount, sizes[0]);
        }

        // A flat vector: one unit's weights (fan_in = n), or a matrix flattened as new double[a * b].
        return PlanVector(creation, creation, scheme, fanInIndex, sizes[0]);
    }

    private static ArrayInitPlan? PlanFill(InvocationExpressionSyntax invocation, SemanticModel model, InitScheme scheme, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        ExpressionSyntax? weights = method switch
        {
            { Name: "Clear" or "Fill", ContainingType.SpecialType: SpecialType.System_Array } when invocation.ArgumentList.Arguments.Count == (method.Name == "Clear" ? 1 : 2)
                => invocation.ArgumentList.Arguments[0].Expression,
            { Name: "Clear" or "Fill" } when invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsSpan" } asSpan } spanCall }
                && spanCall.ArgumentList.Arguments.Count == 0
                => asSpan.Expression,
            { Name: "Clear" or "Fill", ContainingType.Name: "Span" } when invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax view } => view, // Span<float> all = w; all.Clear();
            _ => null,
        };
        var type = weights is null ? null : model.GetTypeInfo(weights, cancellationToken).Type;
        if (weights is null || !IsSimple(weights) || ElementAccess.ElementType(type) is not { } element || !IsSupported(element))
        {
            return null;
        }

        var written = weights.WithoutTrivia();
        if (type is IArrayTypeSymbol { Rank: 2 })
        {
            return Choose(invocation, written, scheme, fanInIndex, 0, GetLength(written, 0), GetLength(written, 1));
        }

        if (type is IArrayTypeSymbol { Rank: not 1 })
        {
            return null;
        }

        // A row of a jagged array: Array.Fill(w[i], c) fills one unit; its siblings are counted by w.Length.
        if (written is ElementAccessExpressionSyntax row)
        {
            return Choose(invocation, written, scheme, fanInIndex, SubscriptCount(row) - 1, Length(row.Expression.WithoutTrivia()), Length(written));
        }

        return fanInIndex == 0
            ? new ArrayInitPlan(invocation, written, scheme.IsXavier() ? scheme.AsLeCun() : scheme, Length(written), null, orientationKnown: true)
            : Flattened(invocation, weights, scheme, model, cancellationToken);
    }

    /// <summary>
    /// <c>w[i, j] = 0</c> inside a loop: the value becomes a scaled uniform sample,
    /// <c>(random.NextDouble() * 2 - 1) * WeightInit.HeBound(w.GetLength(1))</c>, with fans read off the array itself.
    /// </summary>
    private static ArrayInitPlan? PlanElement(AssignmentExpressionSyntax assignment, ElementAccessExpressionSyntax element, SemanticModel model, InitScheme scheme, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(element, cancellationToken).Type is not { } elementType || !IsSupported(elementType))
        {
            return null;
        }

        // Walk the element access outwards to the array: w[l][i][j] gives the levels w, w[l], w[l][i].
        var levels = new System.Collections.Generic.List<ElementAccessExpressionSyntax>();
        ExpressionSyntax current = element;
        while (current is ElementAccessExpressionSyntax level)
        {
            levels.Insert(0, level);
            current = level.Expression;
        }

        if (!IsSimple(current) || levels.Any(level => !IsSimple(level)))
        {
            return null;
        }

        var leaf = levels[levels.Count - 1];
        var leafArray = leaf.Expression.WithoutTrivia();
        var leafPosition = levels.Take(levels.Count - 1).Sum(level => level.ArgumentList.Arguments.Count);
        if (leaf.ArgumentList.Arguments.Count == 2)
        {
            return Extent(leaf.Expression, 0, model, cancellationToken) is { } first && Extent(leaf.Expression, 1, model, cancellationToken) is { } second
                ? PerElement(Choose(assignment.Right, leafArray, scheme, fanInIndex, leafPosition, first, second))
                : null;
        }

        if (leaf.ArgumentList.Arguments.Count != 1 || Extent(leaf.Expression, 0, model, cancellationToken) is not { } length)
        {
            return null;
        }

        if (levels.Count > 1)
        {
            return Extent(levels[levels.Count - 2].Expression, 0, model, cancellationToken) is { } rows
                ? PerElement(Choose(assignment.Right, leafArray, scheme, fanInIndex, leafPosition - 1, rows, length))
                : null;
        }

        return fanInIndex == 0
            ? PerElement(new ArrayInitPlan(assignment.Right, leafArray, scheme.IsXavier() ? scheme.AsLeCun() : scheme, length, null, orientationKnown: true))
            : Flattened(assignment.Right, leaf.Expression, scheme, model, cancellationToken) is { } flattened ? PerElement(flattened) : null;
    }

    /// <summary>
    /// A layer flattened into one dimension (<c>w = new float[units * inputs]</c>, indexed <c>w[j * inputs + i]</c>), filled or
    /// drawn where the allocation is out of sight: its two factors, where they name the same sizes at <paramref name="target"/>,
    /// give fan_in + fan_out for Xavier, as <see cref="PlanVector"/> writes for the allocation itself.
    /// </summary>
    private static ArrayInitPlan? Flattened(SyntaxNode target, ExpressionSyntax weights, InitScheme scheme, SemanticModel model, CancellationToken cancellationToken)
    {
        var array = model.GetOperation(weights, cancellationToken)?.ArrayStorage();
        if (array is not IFieldSymbol and not IPropertySymbol || array.ContainingType is not { } type)
        {
            return null;
        }

        BinaryExpressionSyntax? found = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var declarationModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var creation in declaration.DescendantNodes().OfType<ArrayCreationExpressionSyntax>())
            {
                if (creation.Type.RankSpecifiers.Count != 1 || creation.Type.RankSpecifiers[0].Sizes.Count != 1
                    || creation.Type.RankSpecifiers[0].Sizes[0] is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } product
                    || !Allocates(creation, array, declarationModel, cancellationToken))
                {
                    continue;
                }

                if (found is not null && !found.IsEquivalentTo(product) || !NamesTheSame(product.Left, declarationModel, target, model, cancellationToken) || !NamesTheSame(product.Right, declarationModel, target, model, cancellationToken))
                {
                    return null; // allocated with other sizes elsewhere, or sizes that mean something else here
                }

                found = product;
            }
        }

        return found is null ? null : new ArrayInitPlan(target, weights.WithoutTrivia(), scheme.AsXavier(), found.Right.WithoutTrivia(), found.Left.WithoutTrivia(), orientationKnown: false);
    }

    /// <summary>The allocation is the value of <paramref name="array"/>: <c>w = new float[a * b]</c>, or its initializer.</summary>
    private static bool Allocates(ArrayCreationExpressionSyntax creation, ISymbol array, SemanticModel model, CancellationToken cancellationToken) => creation.Parent switch
    {
        AssignmentExpressionSyntax assignment when assignment.Right == creation && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) =>
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol?.OriginalDefinition, array),
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken)?.OriginalDefinition, array),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(property, cancellationToken)?.OriginalDefinition, array),
        _ => false,
    };

    /// <summary>A size written at the allocation means the same at <paramref name="target"/>: a constant, or a name bound to the same symbol there.</summary>
    private static bool NamesTheSame(ExpressionSyntax size, SemanticModel sizeModel, SyntaxNode target, SemanticModel model, CancellationToken cancellationToken)
    {
        if (size is LiteralExpressionSyntax)
        {
            return true;
        }

        if (size is not IdentifierNameSyntax and not MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } || sizeModel.GetSymbolInfo(size, cancellationToken).Symbol is not { } symbol)
        {
            return false;
        }

        var there = model.GetSpeculativeSymbolInfo(target.SpanStart, size, SpeculativeBindingOption.BindAsExpression).Symbol;
        return SymbolEqualityComparer.Default.Equals(symbol, there)
            || there is IFieldSymbol or IPropertySymbol && model.GetOperation(target, cancellationToken) is { } context && HoldsOnly(there, symbol, context);
    }

    /// <summary>
    /// The member holds nothing but a constructor's parameter (<c>this.hidden = hidden;</c> and no other value stored in it): the
    /// size the constructor allocates with is the member's value in the methods that draw later.
    /// </summary>
    private static bool HoldsOnly(ISymbol member, ISymbol symbol, IOperation context) =>
        symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } }
        && StoredValues.Of(member, context) is { Count: > 0 } values
        && values.All(value => SymbolEqualityComparer.Default.Equals(value.WalkDownConversions().StorageSymbol(), symbol));

    /// <summary>
    /// The size of <paramref name="container"/> along <paramref name="dimension"/>, in its type's own words: <c>w.GetLength(1)</c>
    /// or <c>w.Length</c> for an array, <c>w.ColumnCount</c> or <c>v.Count</c> for a MathNet matrix or vector; null for any
    /// other indexer, whose size the fix cannot name.
    /// </summary>
    private static ExpressionSyntax? Extent(ExpressionSyntax container, int dimension, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(container, cancellationToken).Type;
        var written = container.WithoutTrivia();
        if (type is IArrayTypeSymbol array)
        {
            return array.Rank > 1 ? GetLength(written, dimension) : dimension == 0 ? Length(written) : null;
        }

        if (ElementAccess.IsSpan(type))
        {
            return dimension == 0 ? Length(written) : null;
        }

        return MathNetTypes.Resolve(model.Compilation)?.ShapeOf(type) switch
        {
            { IsVector: true } when dimension == 0 => Member(written, "Count"),
            { IsVector: false } => Member(written, dimension == 0 ? "RowCount" : "ColumnCount"),
            _ => null,
        };
    }

    private static ArrayInitPlan PerElement(ArrayInitPlan plan) =>
        new(plan.Target, plan.Weights, plan.Scheme, plan.FanIn, plan.FanOut, plan.OrientationKnown, perElement: true);

    /// <summary>A one-dimensional allocation: its length is fan_in when the input runs with its only subscript.</summary>
    private static ArrayInitPlan? PlanVector(SyntaxNode target, ExpressionSyntax weights, InitScheme scheme, int? fanInIndex, ExpressionSyntax size)
    {
        var isXavier = scheme.IsXavier();
        if (size is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } product && IsSimple(product.Left) && IsSimple(product.Right) && (isXavier || fanInIndex != 0))
        {
            // new double[a * b] indexed as w[i * b + j]: which factor is fan_in is unknown, their sum is not.
            return new ArrayInitPlan(target, weights, scheme.AsXavier(), product.Right.WithoutTrivia(), product.Left.WithoutTrivia(), orientationKnown: false);
        }

        if (fanInIndex != 0)
        {
            return null;
        }

        // Xavier needs fan_out, which a single unit's vector does not show: LeCun is its fan_in-only counterpart.
        return new ArrayInitPlan(target, weights, isXavier ? scheme.AsLeCun() : scheme, size.WithoutTrivia(), null, orientationKnown: true);
    }

    /// <summary>Picks fan_in between two dimensions: the one at <paramref name="fanInIndex"/>, or Xavier over both when unknown.</summary>
    private static ArrayInitPlan Choose(SyntaxNode target, ExpressionSyntax weights, InitScheme scheme, int? fanInIndex, int firstPosition, ExpressionSyntax first, ExpressionSyntax second)
    {
        if (fanInIndex == firstPosition || fanInIndex == firstPosition + 1)
        {
            var (fanIn, fanOut) = fanInIndex == firstPosition ? (first, second) : (second, first);
            return new ArrayInitPlan(target, weights, scheme, fanIn.WithoutTrivia(), fanOut.WithoutTrivia(), orientationKnown: true);
        }

        return new ArrayInitPlan(target, weights, scheme.AsXavier(), second.WithoutTrivia(), first.WithoutTrivia(), orientationKnown: false);
    }

    /// <summary>Builds <c>WeightInit.Scheme(weights, fanIn: .., fanOut: .., random: ..)</c>.</summary>
    public static SyntaxNode Build(ArrayInitPlan plan, SyntaxGenerator generator, INamedTypeSymbol weightInit, SemanticModel model)
    {
        var random = plan.Random;
        if (plan.PerElement)
        {
            return plan.Draw is { } draw ? RandomDrawWriter.Build(plan, draw, generator, weightInit, model) : BuildSample(plan, generator, weightInit, model);
        }

        var arguments = new System.Collections.Generic.List<SyntaxNode>
        {
            generator.Argument(plan.Weights.WithoutTrivia()),
            generator.Argument("fanIn", RefKind.None, plan.FanIn),
        };
        if (plan.Scheme.IsXavier())
        {
            arguments.Add(generator.Argument("fanOut", RefKind.None, plan.FanOut!));
        }

        if (random is not null)
        {
            arguments.Add(generator.Argument("random", RefKind.None, generator.IdentifierName(random.Name)));
        }

        var type = generator.TypeExpression(weightInit).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        return generator.InvocationExpression(generator.MemberAccessExpression(type, plan.Scheme.ToString()), arguments)
            .WithTriviaFrom(plan.Target);
    }

    /// <summary>
    /// <c>(T)((random.NextDouble() * 2 - 1) * WeightInit.HeBound(fanIn))</c>: a zero-centred uniform sample at the scheme's bound,
    /// or <c>(T)(WeightInit.StandardNormal(random) * WeightInit.HeStd(fanIn))</c> for a normal scheme.
    /// </summary>
    private static SyntaxNode BuildSample(ArrayInitPlan plan, SyntaxGenerator generator, INamedTypeSymbol weightInit, SemanticModel model)
    {
        var type = generator.TypeExpression(weightInit).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var uniform = plan.Scheme.IsUniform();
        var (scaleMethod, fans) = plan.Scheme switch
        {
            InitScheme.HeNormal or InitScheme.HeUniform => ("He", new[] { plan.FanIn }),
            InitScheme.XavierNormal or InitScheme.XavierUniform => ("Xavier", new[] { plan.FanIn, plan.FanOut! }),
            _ => ("LeCun", new[] { plan.FanIn }),
        };
        var scale = generator.InvocationExpression(generator.MemberAccessExpression(type, scaleMethod + (uniform ? "Bound" : "Std")), fans.Select(fan => generator.Argument(fan)));
        var randomSource = plan.Random is { } random
            ? generator.IdentifierName(random.Name)
            : generator.MemberAccessExpression(generator.TypeExpression(model.Compilation.GetTypeByMetadataName("System.Random")!), "Shared");
        var unit = uniform
            ? generator.SubtractExpression(generator.MultiplyExpression(generator.InvocationExpression(generator.MemberAccessExpression(randomSource, "NextDouble")), generator.LiteralExpression(2)), generator.LiteralExpression(1))
            : generator.InvocationExpression(generator.MemberAccessExpression(type, "StandardNormal"), generator.Argument(randomSource));
        SyntaxNode sample = generator.MultiplyExpression(unit, scale);
        if (model.GetTypeInfo(plan.Target).ConvertedType?.SpecialType == SpecialType.System_Single)
        {
            sample = generator.CastExpression(generator.TypeExpression(SpecialType.System_Single), sample);
        }

        return sample.WithTriviaFrom(plan.Target);
    }

    private static bool IsSupported(ITypeSymbol element) => element.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    /// <summary>Expressions that can be repeated in a fan argument without running anything twice.</summary>
    private static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsSimple(access.Expression),
        ElementAccessExpressionSyntax element => IsSimple(element.Expression) && element.ArgumentList.Arguments.All(a => IsSimple(a.Expression)),
        BinaryExpressionSyntax binary => IsSimple(binary.Left) && IsSimple(binary.Right),
        ParenthesizedExpressionSyntax parenthesized => IsSimple(parenthesized.Expression),
        CastExpressionSyntax cast => IsSimple(cast.Expression),
        _ => false,
    };

    private static int SubscriptCount(ElementAccessExpressionSyntax access)
    {
        var count = 0;
        ExpressionSyntax current = access;
        while (current is ElementAccessExpressionSyntax element)
        {
            count += element.ArgumentList.Arguments.Count;
            current = element.Expression;
        }

        return count;
    }

    private static ExpressionSyntax GetLength(ExpressionSyntax array, int dimension) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, array, SyntaxFactory.IdentifierName("GetLength")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(dimension))))));

    private static ExpressionSyntax Length(ExpressionSyntax array) => Member(array, "Length");

    private static ExpressionSyntax Member(ExpressionSyntax instance, string name) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance, SyntaxFactory.IdentifierName(name));
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers;
using InitAnalyzers.Recognizers.NumSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>
/// Writes fixes for NumSharp weights in NumSharp's idiom: the array expression becomes a draw scaled by the runtime
/// library, <c>np.random.normal(0, WeightInit.HeStd(fanIn), shape)</c> (Xavier, LeCun alike), or
/// <c>np.random.uniform(-WeightInit.HeBound(fanIn), WeightInit.HeBound(fanIn), shape)</c> where the user drew uniform values.
/// Fans come from the shape the user wrote and the side of the product the weights stand on; the user's
/// <c>NumPyRandom</c> and a non-float64 element type (<c>.astype(np.float32)</c>) are kept.
/// </summary>
internal static class NumSharpInitWriter
{
    /// <summary>A plan for the NumSharp array expression at <paramref name="span"/> (the diagnostic's), or null when it is not one.</summary>
    public static NumSharpInitPlan? Plan(SyntaxNode node, TextSpan span, SemanticModel model, InitScheme scheme, InitKind? preferred, int? fanInIndex, CancellationToken cancellationToken)
    {
        if (NumSharpTypes.Resolve(model.Compilation) is not { } types || node.AncestorsAndSelf().OfType<ExpressionSyntax>().LastOrDefault(expression => expression.Span == span) is not { } target
            || model.GetOperation(target, cancellationToken) is not { } operation || !types.IsNDArray(operation.Type ?? operation.WalkDownConversions().Type))
        {
            return null;
        }

        var value = NDArrayValueReader.Read(operation, types);
        if (!value.IsKnown || value.Factory is not { } factory || !target.Span.Contains(factory.Syntax.Span))
        {
            return null; // made by a helper method elsewhere: the fix belongs there
        }

        var dimensionOperations = NDArrayValueReader.Dimensions(factory);
        if (dimensionOperations.IsDefault || dimensionOperations.Length is not (1 or 2)
            || dimensionOperations.Any(dimension => dimension.Syntax is not ExpressionSyntax expression || !IsSimple(expression)))
        {
            return null;
        }

        var dimensions = dimensionOperations.Select(dimension => ((ExpressionSyntax)dimension.Syntax).WithoutTrivia()).ToImmutableArray();
        var fans = dimensionOperations.Select(dimension => AsInt((ExpressionSyntax)dimension.Syntax, model, cancellationToken)).ToImmutableArray();
        var family = preferred ?? value.Draw?.Family ?? InitKind.Normal;
        var random = types.IsRandom(factory.TargetMethod) && factory.Instance?.Syntax is ExpressionSyntax source ? source.WithoutTrivia() : null;
        var shapeArgument = NDArrayValueReader.ShapeArgument(factory)!;
        var shape = shapeArgument.ArgumentKind == ArgumentKind.ParamArray ? null : (shapeArgument.Value.Syntax as ExpressionSyntax)?.WithoutTrivia();
        var (asType, asTypeArgument) = ElementType(value, factory, types, model, cancellationToken);

        if (dimensions.Length == 1)
        {
            // A vector reduces over its only dimension; Xavier would need a fan-out it does not show, so LeCun is its fan-in-only counterpart.
            var vectorScheme = scheme.IsXavier() ? scheme.AsLeCun() : scheme;
            return new NumSharpInitPlan(target, vectorScheme.InFamily(family), fans[0], null, orientationKnown: true, random, shape, dimensions, asType, asTypeArgument);
        }

        if (fanInIndex is 0 or 1)
        {
            return new NumSharpInitPlan(target, scheme.InFamily(family), fans[fanInIndex.Value], fans[1 - fanInIndex.Value], orientationKnown: true, random, shape, dimensions, asType, asTypeArgument);
        }

        return new NumSharpInitPlan(target, InitScheme.XavierNormal.InFamily(family), fans[0], fans[1], orientationKnown: false, random, shape, dimensions, asType, asTypeArgument);
    }

    /// <summary>
    /// <c>random.normal(0, WeightInit.HeStd(fanIn), shape)</c> or <c>random.uniform(-bound, bound, shape)</c>, then <c>.astype(...)</c>
    /// when the user's element type is not float64 (NumSharp draws float64).
    /// </summary>
    public static SyntaxNode Build(NumSharpInitPlan plan, SyntaxGenerator generator, INamedTypeSymbol weightInit, SemanticModel model)
    {
        var types = NumSharpTypes.Resolve(model.Compilation)!;
        var np = generator.TypeExpression(types.Np).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var runtime = generator.TypeExpression(weightInit).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        var (method, fans) = plan.Scheme switch
        {
            InitScheme.HeNormal => ("HeStd", new[] { plan.FanIn }),
            InitScheme.HeUniform => ("HeBound", new[] { plan.FanIn }),
            InitScheme.XavierNormal => ("XavierStd", new[] { plan.FanIn, plan.FanOut! }),
            InitScheme.XavierUniform => ("XavierBound", new[] { plan.FanIn, plan.FanOut! }),
            InitScheme.LeCunNormal => ("LeCunStd", new[] { plan.FanIn }),
            _ => ("LeCunBound", new[] { plan.FanIn }),
        };
        SyntaxNode Scale() => generator.InvocationExpression(generator.MemberAccessExpression(runtime, method), fans.Select(fan => generator.Argument(fan.WithoutTrivia())));

        var random = plan.Random ?? generator.MemberAccessExpression(np, "random");
        var shape = plan.Shape ?? generator.ObjectCreationExpression(
            generator.TypeExpression(types.Shape).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation),
            plan.Dimensions.Select(dimension => generator.Argument(dimension.WithoutTrivia())));
        var draw = plan.IsUniform
            ? generator.InvocationExpression(generator.MemberAccessExpression(random, "uniform"), generator.NegateExpression(Scale()), Scale(), shape)
            : generator.InvocationExpression(generator.MemberAccessExpression(random, "normal"), generator.LiteralExpression(0), Scale(), shape);

        if (plan.AsType is { } arguments)
        {
            draw = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)draw, SyntaxFactory.IdentifierName("astype")),
                arguments.WithoutTrivia());
        }
        else if (plan.AsTypeArgument is { } element)
        {
            var dtype = element.SpecialType == SpecialType.System_Single
                ? generator.MemberAccessExpression(np, "float32")
                : generator.TypeOfExpression(generator.TypeExpression(element));
            draw = generator.InvocationExpression(generator.MemberAccessExpression(draw, "astype"), dtype);
        }

        return draw.WithTriviaFrom(plan.Target);
    }

    /// <summary>
    /// The element type to keep: the user's own <c>.astype(...)</c>, or the factory's dtype (<c>np.zeros(shape, np.float32)</c>,
    /// <c>np.zeros&lt;float&gt;(...)</c>, <c>np.full(shape, 0.5f)</c>), unless it is float64 (what NumSharp draws) or an integer
    /// type (random weights must not be truncated).
    /// </summary>
    private static (ArgumentListSyntax? Arguments, ITypeSymbol? TypeArgument) ElementType(NDArrayValue value, IInvocationOperation factory, NumSharpTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        if (value.AsType is { Syntax: InvocationExpressionSyntax asType } conversion)
        {
            return conversion.Arguments.Length > 0 && Classify(conversion.Arguments[0].Value) is not ElementKind.Integer ? (asType.ArgumentList, null) : (null, null);
        }

        if (!types.IsNp(factory.TargetMethod))
        {
            return (null, null);
        }

        if (factory.TargetMethod.TypeArguments.Length == 1)
        {
            var element = factory.TargetMethod.TypeArguments[0];
            return Classify(element) is ElementKind.Single or ElementKind.OtherFloating ? (null, element) : (null, null);
        }

        var dtype = factory.Arguments.FirstOrDefault(argument => argument.Parameter?.Name is "dtype" or "typeCode" && argument.ArgumentKind != ArgumentKind.DefaultValue);
        if (dtype is not null)
        {
            return Classify(dtype.Value) is ElementKind.Single or ElementKind.OtherFloating or ElementKind.Unrecognized && dtype.Value.Syntax is ExpressionSyntax written
                ? (SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(written.WithoutTrivia()))), null)
                : (null, null);
        }

        // np.full infers the element type from the fill value: 0.5f makes float32.
        if (factory.TargetMethod.Name == "full" && NDArrayValueReader.Argument(factory, "fill_value") is { } fill
            && model.GetTypeInfo(fill.Syntax, cancellationToken).Type is { } fillType && Classify(fillType) is ElementKind.Single or ElementKind.OtherFloating)
        {
            return (null, fillType);
        }

        return (null, null);
    }

    private enum ElementKind
    {
        Double,
        Single,
        OtherFloating,
        Integer,
        Unrecognized,
    }

    /// <summary>A dtype as NumSharp takes it: <c>np.float32</c>, <c>typeof(float)</c>, <c>NPTypeCode.Single</c>.</summary>
    private static ElementKind Classify(IOperation dtype)
    {
        dtype = dtype.WalkDownConversions();
        switch (dtype)
        {
            case ITypeOfOperation typeOf:
                return Classify(typeOf.TypeOperand);
            case IFieldReferenceOperation { Field: { ContainingType.Name: "np" } field }:
                return field.Name switch
                {
                    "float64" or "double" or "float_" => ElementKind.Double,
                    "float32" or "single" => ElementKind.Single,
                    "float16" or "half" or "decimal" => ElementKind.OtherFloating,
                    var name when name.StartsWith("int", System.StringComparison.Ordinal) || name.StartsWith("uint", System.StringComparison.Ordinal)
                        || name is "bool" or "bool_" or "byte" or "char" or "long" or "short" => ElementKind.Integer,
                    _ => ElementKind.Unrecognized,
                };
            case IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum, ContainingType.Name: "NPTypeCode" } code }:
                return code.Name switch
                {
                    "Double" => ElementKind.Double,
                    "Single" or "Float" => ElementKind.Single,
                    "Half" or "Decimal" => ElementKind.OtherFloating,
                    "Complex" => ElementKind.Unrecognized,
                    _ => ElementKind.Integer,
                };
            default:
                return ElementKind.Unrecognized;
        }
    }

    private static ElementKind Classify(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Double => ElementKind.Double,
        SpecialType.System_Single => ElementKind.Single,
        SpecialType.System_Decimal => ElementKind.OtherFloating,
        _ when type.Name == "Half" && type.ContainingNamespace?.Name == "System" => ElementKind.OtherFloating,
        _ => ElementKind.Integer,
    };

    /// <summary>The runtime's scales take <c>int</c> fans; a <c>long</c> dimension is cast.</summary>
    private static ExpressionSyntax AsInt(ExpressionSyntax dimension, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(dimension, cancellationToken).Type;
        return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte
            ? dimension.WithoutTrivia()
            : SyntaxFactory.CastExpression(
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)),
                dimension is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax ? dimension.WithoutTrivia() : SyntaxFactory.ParenthesizedExpression(dimension.WithoutTrivia()));
    }

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
}

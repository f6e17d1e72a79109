using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>One factor of a matrix product: the product, the other factor, and which dimension of this factor runs over the inputs.</summary>
internal readonly struct ProductMatch
{
    public ProductMatch(IOperation product, IOperation partner, int fanInIndex)
    {
        Product = product;
        Partner = partner;
        FanInIndex = fanInIndex;
    }

    public IOperation Product { get; }

    public IOperation Partner { get; }

    public int FanInIndex { get; }
}

/// <summary>
/// Finds the product a matrix takes part in, by operator or MathNet method, and its orientation:
/// <c>W * x</c> and <c>W.Multiply(x)</c> read x by columns (fan_in = ColumnCount, index 1); <c>x * W</c>,
/// <c>W.LeftMultiply(x)</c>, <c>W.Transpose() * x</c> and <c>W.TransposeThisAndMultiply(x)</c> by rows (index 0);
/// <c>X.TransposeAndMultiply(W)</c> is X * Wᵀ (index 1). A vector's weights always run over the inputs (index 0).
/// Element-wise products (<c>PointwiseMultiply</c>) and scalings are not layers.
/// </summary>
internal static class MatrixProducts
{
    public static ProductMatch? Match(IOperation reference, TensorShape shape, MathNetTypes types)
    {
        var factor = reference.WalkUpConversions();
        var transposed = false;
        if (factor.Parent is IInvocationOperation { TargetMethod.Name: "Transpose", Arguments.Length: 0 } transpose && transpose.Instance == factor)
        {
            factor = transpose.WalkUpConversions();
            transposed = true;
        }

        switch (factor.Parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply, OperatorMethod: not null } binary:
                var other = binary.LeftOperand == factor ? binary.RightOperand : binary.LeftOperand;
                return types.IsMatrixOrVector(other.WalkDownConversions().Type)
                    ? new ProductMatch(binary, other, Index(binary.LeftOperand == factor, transposed, shape))
                    : null;
            case IInvocationOperation call when call.Instance == factor && ProductArgument(call, types) is { } argument:
                var (left, flip) = call.TargetMethod.Name switch
                {
                    "TransposeThisAndMultiply" => (true, true),
                    "LeftMultiply" => (false, false),
                    _ => (true, false),
                };
                return new ProductMatch(call, argument.Value, Index(left, transposed ^ flip, shape));
            case IArgumentOperation argument when argument.Parent is IInvocationOperation { Instance: { } instance } call && ProductArgument(call, types) == argument:
                var (onLeft, flipped) = call.TargetMethod.Name switch
                {
                    "TransposeAndMultiply" => (false, true),
                    "LeftMultiply" => (true, false),
                    _ => (false, false),
                };
                return new ProductMatch(call, instance, Index(onLeft, transposed ^ flipped, shape));
            default:
                return null;
        }
    }

    /// <summary>
    /// The factor argument of a MathNet product method (<c>Multiply</c>, <c>TransposeThisAndMultiply</c>, <c>TransposeAndMultiply</c>,
    /// <c>LeftMultiply</c>, <c>DotProduct</c>), when it is a matrix or vector rather than a scalar.
    /// </summary>
    public static IArgumentOperation? ProductArgument(IInvocationOperation call, MathNetTypes types)
    {
        if (call.TargetMethod.Name is not ("Multiply" or "TransposeThisAndMultiply" or "TransposeAndMultiply" or "LeftMultiply" or "DotProduct")
            || !MathNetTypes.IsMathNetMethod(call.TargetMethod) || call.Arguments.Length == 0 || call.Instance is null)
        {
            return null;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } && types.IsMatrixOrVector(argument.Parameter.Type))
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The argument a <c>void</c> product writes its result into: <c>W.Multiply(x, result)</c>.</summary>
    public static IArgumentOperation? ResultArgument(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == "result")
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>What a product's other factor reads: its storage, and the method of this type whose result it holds.</summary>
    public static ImmutableArray<ISymbol> InputsOf(IOperation partner)
    {
        var value = partner.WalkDownConversions();
        if (value is IInvocationOperation { TargetMethod.Name: "Transpose", Arguments.Length: 0, Instance: { } instance })
        {
            value = instance.WalkDownConversions();
        }

        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        if (Storage(value) is { } storage)
        {
            builder.Add(storage);
        }

        var produced = value is ILocalReferenceOperation local ? BodyIndex.Of(local).SingleValue(local.Local)?.WalkDownConversions() : value;
        if (produced is IInvocationOperation { TargetMethod: { } method } && !MathNetTypes.IsMathNetMethod(method))
        {
            builder.Add(method.OriginalDefinition);
        }

        return builder.ToImmutable();
    }

    /// <summary>The variable a value is read from: a local, parameter, field or property, or the array or list an element comes from.</summary>
    public static ISymbol? Storage(IOperation value) => value.WalkDownConversions() switch
    {
        IArrayElementReferenceOperation element => element.ArrayStorage(),
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list } => list.StorageSymbol(),
        var other => other.StorageSymbol(),
    };

    private static int Index(bool onLeft, bool transposed, TensorShape shape) => shape.IsVector ? 0 : onLeft != transposed ? 1 : 0;
}

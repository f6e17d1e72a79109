using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>What an <c>NDArray</c> expression holds, as far as its factory call and constant arithmetic show.</summary>
internal sealed class NDArrayValue
{
    private NDArrayValue(NDArrayWriteKind kind, IInvocationOperation? factory, double constant = 0, RandomDraw? draw = null, IInvocationOperation? asType = null, bool isNothing = false)
    {
        IsNothing = isNothing;
        Kind = kind;
        Factory = factory;
        Constant = constant;
        Draw = draw;
        AsType = asType;
    }

    /// <summary>Null or default: the array does not exist yet.</summary>
    public static NDArrayValue Nothing { get; } = new(NDArrayWriteKind.Values, null, isNothing: true);

    public static NDArrayValue Unknown { get; } = new(NDArrayWriteKind.Values, null);

    /// <summary>Null or default, which holds no values.</summary>
    public bool IsNothing { get; }

    /// <summary><see cref="NDArrayWriteKind.Zero"/>, <see cref="NDArrayWriteKind.Constant"/>, <see cref="NDArrayWriteKind.Draw"/>, or <see cref="NDArrayWriteKind.Values"/> when not understood.</summary>
    public NDArrayWriteKind Kind { get; }

    /// <summary>The NumSharp call that makes the array (<c>np.zeros</c>, <c>np.random.randn</c>, ...).</summary>
    public IInvocationOperation? Factory { get; }

    public double Constant { get; }

    public RandomDraw? Draw { get; }

    /// <summary>The outermost <c>.astype(dtype)</c> applied to the values, if any.</summary>
    public IInvocationOperation? AsType { get; }

    public bool IsKnown => Kind is NDArrayWriteKind.Zero or NDArrayWriteKind.Constant or NDArrayWriteKind.Draw;

    public static NDArrayValue Zero(IInvocationOperation factory) => new(NDArrayWriteKind.Zero, factory);

    public static NDArrayValue Filled(IInvocationOperation factory, double constant) => constant == 0 ? Zero(factory) : new(NDArrayWriteKind.Constant, factory, constant);

    public static NDArrayValue Drawn(IInvocationOperation factory, RandomDraw draw) => new(NDArrayWriteKind.Draw, factory, draw: draw);

    /// <summary>Read from the outside in, so the last call to this is the outermost <c>.astype</c>, whose element type the array ends with.</summary>
    public NDArrayValue WithAsType(IInvocationOperation asType) => new(Kind, Factory, Constant, Draw, asType);

    public NDArrayValue WithConstant(double constant) => new(constant == 0 ? NDArrayWriteKind.Zero : NDArrayWriteKind.Constant, Factory, constant, asType: AsType);

    public NDArrayValue WithDraw(RandomDraw draw) => new(NDArrayWriteKind.Draw, Factory, draw: draw, asType: AsType);
}

/// <summary>
/// Reads what an <c>NDArray</c> expression holds: <c>np.zeros(shape)</c> is zero, <c>np.ones</c> and <c>np.full(shape, c)</c>
/// are one constant, <c>np.random.randn</c> is N(0, 1), <c>rand</c> U[0, 1), <c>normal(loc, scale, shape)</c> and
/// <c>uniform(low, high, shape)</c> their parameters; constants scale and shift them, a variable factor
/// (<c>* Math.Sqrt(2.0 / n)</c>, <c>/ np.sqrt(n)</c>) marks a draw as scaled by size, and <c>.astype(dtype)</c> keeps the values.
/// A one-expression helper method is read through. Anything else is <see cref="NDArrayValue.Unknown"/>.
/// </summary>
internal static class NDArrayValueReader
{
    private const int MaxHelperDepth = 2;

    public static NDArrayValue Read(IOperation value, NumSharpTypes types) => Read(value, types, MaxHelperDepth);

    private static NDArrayValue Read(IOperation value, NumSharpTypes types, int depth)
    {
        value = value.WalkDownConversions();
        return value switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation => NDArrayValue.Nothing,
            IInvocationOperation invocation => ReadCall(invocation, types, depth),
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus => Combine(Read(minus.Operand, types, depth), BinaryOperatorKind.Multiply, -1, valueOnLeft: true),
            IBinaryOperation binary => ReadArithmetic(binary, types, depth),
            _ => NDArrayValue.Unknown,
        };
    }

    private static NDArrayValue ReadCall(IInvocationOperation invocation, NumSharpTypes types, int depth)
    {
        var method = invocation.TargetMethod;
        if (types.IsNDArrayMethod(method) && method.Name == "astype" && invocation.Instance is { } converted)
        {
            var inner = Read(converted, types, depth);
            return inner.IsKnown ? inner.WithAsType(invocation) : inner;
        }

        if (types.IsNp(method))
        {
            return method.Name switch
            {
                "zeros" when ShapeArgument(invocation) is not null => NDArrayValue.Zero(invocation),
                "ones" when ShapeArgument(invocation) is not null => NDArrayValue.Filled(invocation, 1),
                "full" when ShapeArgument(invocation) is not null && Argument(invocation, "fill_value")?.NumericConstant() is { } fill => NDArrayValue.Filled(invocation, fill),
                _ => NDArrayValue.Unknown,
            };
        }

        if (types.IsRandom(method))
        {
            return ReadDraw(invocation);
        }

        // A helper that returns a made array (InitWeights(a, b) => np.random.randn(a, b) * 0.01): read its returned expression.
        if (depth > 0 && types.IsNDArray(method.ReturnType) && !method.IsAbstract && method.SingleReturnedExpression(invocation) is { } returned)
        {
            return Read(returned, types, depth - 1);
        }

        return NDArrayValue.Unknown;
    }

    /// <summary><c>np.random.*</c> (or a <c>NumPyRandom</c> of the user's) with a shape: the scalar overloads draw one number, not weights.</summary>
    private static NDArrayValue ReadDraw(IInvocationOperation invocation)
    {
        if (ShapeArgument(invocation) is null)
        {
            return NDArrayValue.Unknown;
        }

        switch (invocation.TargetMethod.Name)
        {
            case "randn" or "standard_normal":
                return NDArrayValue.Drawn(invocation, RandomDraw.Normal(0, 1));
            case "rand" or "random" or "random_sample":
                return NDArrayValue.Drawn(invocation, RandomDraw.Uniform(0, 1));
            case "normal" when Argument(invocation, "loc") is { } loc && Argument(invocation, "scale") is { } scale:
                return loc.NumericConstant() is { } mean && scale.NumericConstant() is { } std
                    ? NDArrayValue.Drawn(invocation, RandomDraw.Normal(mean, std))
                    : NDArrayValue.Drawn(invocation, loc.NumericConstant() == 0 ? SchemeFormula.Scale(RandomDraw.Normal(0, 1), scale, divides: false) : RandomDraw.Normal(0, 1).WithSizeScale());
            case "uniform" when Argument(invocation, "low") is { Type.SpecialType: SpecialType.System_Double } low && Argument(invocation, "high") is { } high:
                return low.NumericConstant() is { } lo && high.NumericConstant() is { } hi
                    ? NDArrayValue.Drawn(invocation, RandomDraw.Uniform(lo, hi))
                    : NDArrayValue.Drawn(invocation, low.IsNegationOf(high) ? SchemeFormula.Scale(RandomDraw.Uniform(-1, 1), high, divides: false) : RandomDraw.Uniform(-1, 1).WithSizeScale());
            default:
                return NDArrayValue.Unknown;
        }
    }

    private static NDArrayValue ReadArithmetic(IBinaryOperation binary, NumSharpTypes types, int depth)
    {
        if (binary.OperatorKind is not (BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract))
        {
            return NDArrayValue.Unknown;
        }

        var left = Read(binary.LeftOperand, types, depth);
        var valueOnLeft = left.IsKnown;
        var known = valueOnLeft ? left : Read(binary.RightOperand, types, depth);
        if (!known.IsKnown)
        {
            return NDArrayValue.Unknown;
        }

        var other = valueOnLeft ? binary.RightOperand : binary.LeftOperand;
        if (other.NumericConstant() is { } constant)
        {
            return Combine(known, binary.OperatorKind, constant, valueOnLeft);
        }

        // A factor computed from variables (Math.Sqrt(2.0 / n), 1 / np.sqrt(fanIn), a gain field): the scale is the user's choice.
        var scales = binary.OperatorKind == BinaryOperatorKind.Multiply || binary.OperatorKind == BinaryOperatorKind.Divide && valueOnLeft;
        return known.Kind == NDArrayWriteKind.Draw && scales && !ContainsDraw(other, types)
            ? known.WithDraw(SchemeFormula.Scale(known.Draw!, other, divides: binary.OperatorKind == BinaryOperatorKind.Divide))
            : NDArrayValue.Unknown;
    }

    private static NDArrayValue Combine(NDArrayValue known, BinaryOperatorKind operation, double c, bool valueOnLeft)
    {
        if (!known.IsKnown)
        {
            return NDArrayValue.Unknown;
        }

        if (known.Kind == NDArrayWriteKind.Draw)
        {
            var draw = known.Draw!;
            RandomDraw? result = operation switch
            {
                BinaryOperatorKind.Multiply => draw.ScaledBy(c),
                BinaryOperatorKind.Divide when valueOnLeft && c != 0 => draw.ScaledBy(1 / c),
                BinaryOperatorKind.Add => draw.ShiftedBy(c),
                BinaryOperatorKind.Subtract => valueOnLeft ? draw.ShiftedBy(-c) : draw.ScaledBy(-1).ShiftedBy(c),
                _ => null,
            };
            return result is null ? NDArrayValue.Unknown : known.WithDraw(result);
        }

        var value = known.Kind == NDArrayWriteKind.Zero ? 0 : known.Constant;
        double? combined = operation switch
        {
            BinaryOperatorKind.Multiply => value * c,
            BinaryOperatorKind.Divide when valueOnLeft && c != 0 => value / c,
            BinaryOperatorKind.Divide when !valueOnLeft && value != 0 => c / value,
            BinaryOperatorKind.Add => value + c,
            BinaryOperatorKind.Subtract => valueOnLeft ? value - c : c - value,
            _ => null,
        };
        return combined is { } number ? known.WithConstant(number) : NDArrayValue.Unknown;
    }

    private static bool ContainsDraw(IOperation operation, NumSharpTypes types) =>
        operation.DescendantsAndSelf().Any(descendant => descendant is IInvocationOperation invocation && (types.IsRandom(invocation.TargetMethod) || RandomSources.IsRandomDraw(invocation.TargetMethod)));

    /// <summary>The value passed for the parameter of this name, when the call passes one explicitly.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The shape argument of a factory (<c>shape</c> or <c>size</c>), when the call passes one.</summary>
    public static IArgumentOperation? ShapeArgument(IInvocationOperation factory)
    {
        foreach (var argument in factory.Arguments)
        {
            if (argument.Parameter?.Name is "shape" or "size" && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: 0 } ? null : argument;
            }
        }

        return null;
    }

    /// <summary>
    /// The dimensions of a factory's shape as written: the arguments of <c>randn(a, b)</c>, the elements of <c>(a, b)</c>,
    /// <c>new Shape(a, b)</c> or <c>new[] { a, b }</c>, or a single length <c>n</c>. Default when they are not written out.
    /// </summary>
    public static ImmutableArray<IOperation> Dimensions(IInvocationOperation factory)
    {
        if (ShapeArgument(factory) is not { } argument)
        {
            return default;
        }

        return argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements }
            ? elements.ElementValues
            : DimensionsOf(argument.Value);
    }

    private static ImmutableArray<IOperation> DimensionsOf(IOperation shape)
    {
        var value = shape.WalkDownConversions();
        switch (value)
        {
            case ITupleOperation tuple:
                return tuple.Elements;
            case IArrayCreationOperation { Initializer: { } initializer } when initializer.ElementValues.All(element => element is not IArrayInitializerOperation):
                return initializer.ElementValues;
            case IObjectCreationOperation { Constructor: { ContainingType.Name: "Shape" } constructor } creation when creation.Arguments.Length == 1:
                var only = creation.Arguments[0];
                return only.ArgumentKind == ArgumentKind.ParamArray && only.Value is IArrayCreationOperation { Initializer: { } dims }
                    ? dims.ElementValues
                    : constructor.Parameters[0].Type is IArrayTypeSymbol ? DimensionsOf(only.Value) : default;
            default:
                return value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 ? ImmutableArray.Create(shape) : default;
        }
    }
}

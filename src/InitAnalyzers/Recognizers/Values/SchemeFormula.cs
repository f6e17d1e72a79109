using System;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Values;

/// <summary>
/// Reads which fan-scaled scheme a hand-written scale implements (DOMAIN.md section 2), by what it computes: the draw's
/// variance times the square of the scale must be k / fan or k / (fan_in + fan_out) for a constant k, read through
/// <c>Math.Sqrt</c>, constant factors, locals and one-expression helper methods.
/// With a unit normal, <c>Math.Sqrt(2.0 / fanIn)</c> is He, <c>1 / Math.Sqrt(fanIn)</c> LeCun, <c>Math.Sqrt(2.0 / (fanIn + fanOut))</c>
/// Xavier; with U(-1, 1) (variance 1/3), <c>Math.Sqrt(6.0 / fanIn)</c> is He uniform and <c>Math.Sqrt(6.0 / (fanIn + fanOut))</c>
/// Xavier uniform (He et al. 2015; Glorot and Bengio 2010; LeCun et al. 1998). Any other k, or a scale whose shape is not one
/// of these, is no scheme: it is left alone.
/// </summary>
internal static class SchemeFormula
{
    private const int MaxDepth = 2;

    /// <summary>How close k must be to a scheme's, relatively: well inside the factor 2 that separates He from LeCun.</summary>
    private const double Tolerance = 0.1;

    /// <summary>
    /// <paramref name="draw"/> multiplied by a scale computed from sizes (or divided by it, when <paramref name="divides"/>):
    /// marked with the scheme that scale implements, or only as scaled by size when it is none of them.
    /// </summary>
    public static RandomDraw Scale(RandomDraw draw, IOperation scale, bool divides) =>
        Read(draw, scale, divides) is { } scheme ? draw.WithScheme(scheme) : draw.WithSizeScale();

    /// <summary>
    /// The scheme of <paramref name="draw"/> scaled by sqrt(<paramref name="coefficient"/> / <paramref name="fan"/>): what an
    /// integer division (<c>Math.Sqrt(2 / n)</c>) was meant to compute in floating point; null when it is none of the schemes.
    /// </summary>
    public static SchemeDraw? Meant(RandomDraw draw, double coefficient, IOperation fan) =>
        IsUnitCentred(draw) ? Classify(draw, coefficient, fan.WalkDownConversions()) : null;

    private static SchemeDraw? Read(RandomDraw draw, IOperation scale, bool divides)
    {
        if (!IsUnitCentred(draw) || Squared(scale, MaxDepth) is not { Fan: { } fan, Power: var power } term)
        {
            return null;
        }

        var (coefficient, fanPower) = divides ? (1 / term.Coefficient, -power) : (term.Coefficient, power);
        if (fanPower != -1 || coefficient <= 0 || double.IsInfinity(coefficient))
        {
            return null;
        }

        return Classify(draw, coefficient, fan);
    }

    /// <summary>A zero-centred draw whose own numbers are known: the distribution a scheme's scale multiplies.</summary>
    private static bool IsUnitCentred(RandomDraw draw) => !draw.ScaledBySize && Math.Abs(draw.Mean) <= 1e-9;

    /// <summary>
    /// A scheme's formula that operator precedence breaks: <c>Math.Sqrt(2.0 / fanIn + fanOut)</c> is sqrt(2 / fan_in + fan_out),
    /// about sqrt(fan_out), where sqrt(2 / (fan_in + fan_out)) was meant. The scale as written and what it evaluates to; null otherwise.
    /// </summary>
    public static (string Written, string Meaning)? Malformed(IOperation scale)
    {
        var depth = MaxDepth;
        if (Through(scale, ref depth).SquareRootArgument() is not { } underRoot
            || Through(underRoot, ref depth) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum || !sum.Type.IsFloating())
        {
            return null;
        }

        var (quotient, added) = sum.LeftOperand.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } left
            ? (left, sum.RightOperand.WalkDownConversions())
            : (sum.RightOperand.WalkDownConversions() as IBinaryOperation, sum.LeftOperand.WalkDownConversions());
        if (quotient is not { OperatorKind: BinaryOperatorKind.Divide } || quotient.LeftOperand.NumericConstant() is not { } numerator || numerator <= 0
            || !IsSize(quotient.RightOperand) || quotient.RightOperand.NumericConstant() is not null || !IsSize(added) || added.NumericConstant() is not null
            || quotient.Syntax is not { Parent: not Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax })
        {
            return null;
        }

        return (scale.Syntax.ToString(), string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "adds {0} to {1} (operator precedence), so it is about sqrt({0}), not a fan-scaled std, and the signal grows with the layer's width",
            added.Syntax.ToString(),
            quotient.Syntax.ToString()));
    }

    /// <summary>
    /// A gain written as a square root of a number (<c>Math.Sqrt(2.0)</c>): its value; null for anything else. A quotient under
    /// the root (<c>Math.Sqrt(6.0 / 17)</c>) is a size formula with the sizes written out, not a fixed scale.
    /// </summary>
    public static double? ConstantFactor(IOperation factor) =>
        factor.SquareRootArgument() is { } radicand && radicand is not IBinaryOperation && radicand.NumericConstant() is { } value && value > 0
            ? Math.Sqrt(value)
            : null;

    private static SchemeDraw? Classify(RandomDraw draw, double coefficient, IOperation fan)
    {
        var k = draw.StandardDeviation * draw.StandardDeviation * coefficient;

        // Only the three textbook schemes: a gain in between (5/3 for tanh, 3 / fan_in) is a deliberate choice, not judged.
        return FanCount(fan) switch
        {
            1 when Near(k, 2) => new SchemeDraw(SchemeFamily.He, draw.Family, ActivationKind.ReLU),
            1 when Near(k, 1) => new SchemeDraw(SchemeFamily.LeCun, draw.Family, ActivationKind.Linear),
            2 when Near(k, 2) => new SchemeDraw(SchemeFamily.Xavier, draw.Family, ActivationKind.Linear),
            _ => null,
        };
    }

    private static bool Near(double value, double target) => Math.Abs(value - target) <= Tolerance * target;

    /// <summary>fan_in + fan_out counts two fans (Xavier's average); any other size expression, a product included (conv fan-in), one.</summary>
    private static int FanCount(IOperation fan) =>
        fan is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum && sum.LeftOperand.NumericConstant() is null && sum.RightOperand.NumericConstant() is null ? 2 : 1;

    /// <summary>The square of <paramref name="operation"/> as coefficient * fan^power.</summary>
    private static Term? Squared(IOperation operation, int depth)
    {
        operation = Through(operation, ref depth);
        if (operation.NumericConstant() is { } constant)
        {
            return new Term(constant * constant, null, 0);
        }

        if (operation.SquareRootArgument() is { } radicand)
        {
            return Linear(radicand, depth);
        }

        // A size that is not under a square root (draw * n) is no scheme.
        return operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } binary && binary.Type.IsFloating()
            ? Combine(Squared(binary.LeftOperand, depth), Squared(binary.RightOperand, depth), binary.OperatorKind == BinaryOperatorKind.Divide)
            : null;
    }

    /// <summary><paramref name="operation"/> itself as coefficient * fan^power: <c>2.0 / fanIn</c> is 2 * fanIn^-1.</summary>
    private static Term? Linear(IOperation operation, int depth)
    {
        operation = Through(operation, ref depth);
        if (operation.NumericConstant() is { } constant)
        {
            return new Term(constant, null, 0);
        }

        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } binary && !IsSize(binary))
        {
            // 2 / n on integers is zero or truncated: that is ZeroingDivision's, not a scheme.
            return binary.Type.IsFloating() ? Combine(Linear(binary.LeftOperand, depth), Linear(binary.RightOperand, depth), binary.OperatorKind == BinaryOperatorKind.Divide) : null;
        }

        return IsSize(operation) ? new Term(1, operation, 1) : null;
    }

    private static Term? Combine(Term? left, Term? right, bool divide)
    {
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        if (l.Fan is not null && r.Fan is not null && !SameFan(l.Fan, r.Fan))
        {
            return null; // two different sizes: not one of the schemes
        }

        if (divide && r.Coefficient == 0)
        {
            return null;
        }

        return new Term(divide ? l.Coefficient / r.Coefficient : l.Coefficient * r.Coefficient, l.Fan ?? r.Fan, divide ? l.Power - r.Power : l.Power + r.Power);
    }

    /// <summary>
    /// A layer size: an integer variable, member or length, or a sum or product of them (fan_in + fan_out, channels * k * k), with
    /// no division. A floating-point term (an epsilon) is no size.
    /// </summary>
    private static bool IsSize(IOperation operation)
    {
        operation = operation.WalkDownConversions();
        return operation switch
        {
            ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation => operation.Type.IsIntegral(),
            IInvocationOperation { TargetMethod.Name: "GetLength" or "Count" } => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Multiply } binary => (IsSize(binary.LeftOperand) || binary.LeftOperand.NumericConstant() is not null) && (IsSize(binary.RightOperand) || binary.RightOperand.NumericConstant() is not null),
            _ => false,
        };
    }

    private static bool SameFan(IOperation first, IOperation second) => first.Syntax.ToString() == second.Syntax.ToString();

    /// <summary>Conversions and, up to a depth, locals assigned once (<c>double std = Math.Sqrt(2.0 / n);</c>).</summary>
    private static IOperation Through(IOperation operation, ref int depth)
    {
        operation = operation.WalkDownConversions();
        while (operation is IParenthesizedOperation parenthesized)
        {
            operation = parenthesized.Operand.WalkDownConversions();
        }

        if (operation is ILocalReferenceOperation local && depth > 0 && BodyIndex.Of(local).SingleValue(local.Local) is { } value && local.Local.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            depth--;
            return Through(value, ref depth);
        }

        // A helper of the user's that computes the scale (double HeStd(int fanIn) => Math.Sqrt(2.0 / fanIn)): its parameters
        // are the sizes, whatever the caller passes.
        if (operation is IInvocationOperation { TargetMethod: { ContainingType.Name: not ("Math" or "MathF"), Parameters.Length: <= 2 } helper } call
            && depth > 0 && helper.ReturnType.IsFloating() && helper.SingleReturnedExpression(call) is { } returned)
        {
            depth--;
            return Through(returned, ref depth);
        }

        return operation;
    }

    /// <summary>coefficient * fan^power; no fan for a constant.</summary>
    private readonly struct Term
    {
        public Term(double coefficient, IOperation? fan, int power)
        {
            Coefficient = coefficient;
            Fan = fan;
            Power = power;
        }

        public double Coefficient { get; }

        public IOperation? Fan { get; }

        public int Power { get; }
    }
}

using System;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Values;

/// <summary>
/// Reads what distribution an expression draws from, by what it computes: <c>random.NextDouble()</c> is U(0, 1),
/// <c>NextDouble() * 2 - 1</c> is U(-1, 1), a Box-Muller transform is N(0, 1), Unity's <c>Random.Range(a, b)</c> is U(a, b),
/// a one-expression helper method is read through; constants scale and shift it, a variable factor
/// (<c>/ Math.Sqrt(fanIn)</c>) marks it as scaled by size. Null when the expression is not understood.
/// </summary>
internal static class RandomDrawRecognizer
{
    private const int MaxDepth = 3;

    /// <summary>
    /// How many integers <c>Random.Next</c> must choose from to be read as a continuous uniform between the first and the last:
    /// for n choices the standard deviations differ by sqrt((n + 1) / (n - 1)), under 7% from 16 on, far inside the factor of 2
    /// the rules judge; fewer (<c>Next(-1, 2)</c>) is a choice among a few values, not judged.
    /// </summary>
    private const int MinIntegerChoices = 16;

    public static RandomDraw? Recognize(IOperation value) => Recognize(value, null, MaxDepth);

    /// <summary>The draw <paramref name="value"/> makes in a helper where a call gives some parameters numbers (<c>RandomValue(-1, 1)</c>).</summary>
    public static RandomDraw? Recognize(IOperation value, ParameterValues? parameters) => Recognize(value, parameters, MaxDepth);

    private static RandomDraw? Recognize(IOperation value, ParameterValues? parameters, int depth)
    {
        value = value.WalkDownConversions();
        switch (value)
        {
            case IInvocationOperation invocation:
                return RecognizeCall(invocation, parameters, depth);
            case IPropertyReferenceOperation { Property: { Name: "value", ContainingType.Name: "Random" } }:
                return RandomDraw.Uniform(0, 1); // UnityEngine.Random.value
            case ILocalReferenceOperation local when depth > 0 && SingleValue(local) is { } assigned:
                return Recognize(assigned, parameters, depth - 1);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus:
                return Recognize(minus.Operand, parameters, depth)?.ScaledBy(-1);
            case IBinaryOperation binary:
                return RecognizeArithmetic(binary, parameters, depth);
            case IInvalidOperation { Syntax: InvocationExpressionSyntax call } invalid:
                return RecognizeUnbound(call, invalid.SemanticModel);
            default:
                return null;
        }
    }

    private static RandomDraw? RecognizeArithmetic(IBinaryOperation binary, ParameterValues? parameters, int depth)
    {
        if (binary.OperatorKind == BinaryOperatorKind.Divide && binary.Type.IsIntegral())
        {
            return null; // rnd.Next(-200, 200) / 100 truncates to a handful of integers
        }

        var left = Recognize(binary.LeftOperand, parameters, depth);
        var right = left is null ? Recognize(binary.RightOperand, parameters, depth) : null;
        var (draw, other, drawOnLeft) = left is not null ? (left, binary.RightOperand, true) : (right, binary.LeftOperand, false);
        if (draw is null)
        {
            return BoxMuller(binary, depth);
        }

        var constant = Number(other, parameters) ?? (binary.OperatorKind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide ? SchemeFormula.ConstantFactor(other) : null);
        if (constant is null && binary.OperatorKind == BinaryOperatorKind.Multiply && ZeroingDivisionIn(other, draw) is { } zeroing)
        {
            return draw.ZeroedBy(zeroing);
        }

        if (constant is null)
        {
            // A factor computed from variables (1 / Math.Sqrt(n), a gain field): the scale is the user's choice.
            if (binary.OperatorKind is not (BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide) || ContainsDraw(other) || (binary.OperatorKind == BinaryOperatorKind.Divide && !drawOnLeft))
            {
                return binary.OperatorKind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide && !ContainsDraw(other) ? draw.WithSizeScale() : null;
            }

            // Math.Sqrt(2.0 / fanIn + fanOut): meant as a scheme, broken by precedence.
            if (binary.OperatorKind == BinaryOperatorKind.Multiply && !draw.ScaledBySize && SchemeFormula.Malformed(other) is { } malformed)
            {
                return draw.WithMalformedScale(malformed.Written, malformed.Meaning);
            }

            // Math.Sqrt(2.0 / fanIn) and the like: which scheme the scale implements, if any.
            return SchemeFormula.Scale(draw, other, divides: binary.OperatorKind == BinaryOperatorKind.Divide);
        }

        var c = constant.Value;
        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Multiply => draw.ScaledBy(c),
            BinaryOperatorKind.Divide when drawOnLeft && c != 0 => draw.ScaledBy(1 / c),
            BinaryOperatorKind.Add => draw.ShiftedBy(c),
            BinaryOperatorKind.Subtract => drawOnLeft ? draw.ShiftedBy(-c) : draw.ScaledBy(-1).ShiftedBy(c),
            _ => null,
        };
    }

    private static RandomDraw? RecognizeCall(IInvocationOperation invocation, ParameterValues? parameters, int depth)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments.Select(argument => argument.Value).ToArray();
        if (method.ContainingType is { Name: "Random" })
        {
            if (method.Name is "NextDouble" or "NextSingle" or "NextFloat" && arguments.Length == 0)
            {
                return RandomDraw.Uniform(0, 1);
            }

            // Next(a, b) draws the integers a to b - 1; over a fine enough grid (rnd.Next(-200, 200) / 100f) that is U(a, b - 1).
            if (method.Name == "Next" && method.ReturnType.SpecialType == SpecialType.System_Int32 && arguments.Length is 1 or 2
                && Number(arguments[0], parameters) is { } first && (arguments.Length == 1 ? 0 : Number(arguments[1], parameters)) is { } second)
            {
                var (from, to) = arguments.Length == 1 ? (0, first) : (first, second);
                return to - from >= MinIntegerChoices ? RandomDraw.Uniform(from, to - 1) : null;
            }

            if (method.Name is "Range" or "NextDouble" or "NextSingle" && arguments.Length == 2 && Number(arguments[0], parameters) is { } low && Number(arguments[1], parameters) is { } high && method.ReturnType.SpecialType is SpecialType.System_Single or SpecialType.System_Double)
            {
                return RandomDraw.Uniform(low, high);
            }
        }

        if (method.ContainingType is { Name: "Math" or "MathF" })
        {
            return null;
        }

        // A helper that returns a draw (NextGaussian(), RandomWeight(), RandomValue(-1, 1)): read its single returned expression,
        // with the numbers this call gives its parameters.
        if (depth > 0 && method.SingleReturnedExpression(invocation) is { } returned)
        {
            return Recognize(returned, ParameterValues.Of(invocation, parameters), depth - 1);
        }

        return null;
    }

    /// <summary>
    /// <c>Math.Sqrt(2 / n)</c>, <c>1 / fanIn</c>: a small integer constant divided by an integer variable, which C# truncates
    /// to 0 for every n above the constant. Constants up to 6 cover He (2), LeCun (1) and Xavier uniform (6) numerators.
    /// </summary>
    private static ZeroingDivision? ZeroingDivisionIn(IOperation factor, RandomDraw draw)
    {
        var underRoot = factor.SquareRootArgument();
        factor = underRoot ?? factor.WalkDownConversions();
        if (factor is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide, LeftOperand: var numerator, RightOperand: var divisor } division
            || !division.Type.IsIntegral() || !numerator.Type.IsIntegral() || !divisor.Type.IsIntegral() || divisor.ConstantValue.HasValue
            || numerator.NumericConstant() is not { } value || value is < 0 or > 6 || (long)value != value)
        {
            return null;
        }

        // What a root of the quotient means in floating point (Math.Sqrt(2.0 / n): He), so that fixing the division does not
        // trade one finding for another.
        return new ZeroingDivision(numerator.Syntax.GetLocation(), (long)value, divisor.Syntax.ToString(), underRoot is null ? null : SchemeFormula.Meant(draw, value, divisor));
    }

    /// <summary>
    /// A draw whose <c>Random</c> type does not bind, as while a project restores or without Unity's assemblies:
    /// <c>random.NextDouble()</c> on a variable of an unresolved type named <c>Random</c>, or <c>Random.Range(a, b)</c> /
    /// <c>UnityEngine.Random.Range(a, b)</c> with constant bounds.
    /// </summary>
    private static RandomDraw? RecognizeUnbound(InvocationExpressionSyntax call, SemanticModel? model)
    {
        if (model is null || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: var receiver })
        {
            return null;
        }

        var arguments = call.ArgumentList.Arguments;
        if (name is "NextDouble" or "NextSingle" && arguments.Count == 0
            && model.GetTypeInfo(receiver).Type is IErrorTypeSymbol { Name: "Random" })
        {
            return RandomDraw.Uniform(0, 1);
        }

        if (name == "Range" && arguments.Count == 2 && receiver.ToString() is "Random" or "UnityEngine.Random"
            && model.GetSymbolInfo(receiver).Symbol is null
            && model.GetConstantValue(arguments[0].Expression) is { HasValue: true, Value: var low } && model.GetConstantValue(arguments[1].Expression) is { HasValue: true, Value: var high }
            && low is float or double && high is float or double)
        {
            return RandomDraw.Uniform(Convert.ToDouble(low, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(high, System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>sqrt(-2 ln u1) * cos(2 pi u2) or sin: a standard normal (Box and Muller 1958).</summary>
    private static RandomDraw? BoxMuller(IBinaryOperation product, int depth)
    {
        if (product.OperatorKind != BinaryOperatorKind.Multiply)
        {
            return null;
        }

        var (radius, angle) = IsCall(product.LeftOperand, "Sqrt") ? (product.LeftOperand, product.RightOperand) : (product.RightOperand, product.LeftOperand);
        return IsCall(radius, "Sqrt") && (IsCall(angle, "Cos") || IsCall(angle, "Sin"))
            && Resolve(radius, depth).DescendantsAndSelf().Any(operation => IsCall(operation, "Log"))
            && ContainsDraw(Resolve(radius, depth)) && ContainsDraw(Resolve(angle, depth))
            ? RandomDraw.Normal(0, 1)
            : null;
    }

    private static IOperation Resolve(IOperation operation, int depth) =>
        operation.WalkDownConversions() is IInvocationOperation { Arguments.Length: 1 } call
            ? call.Arguments[0].Value.WalkDownConversions() is ILocalReferenceOperation local && depth > 0 && SingleValue(local) is { } assigned ? assigned : call
            : operation;

    private static bool IsCall(IOperation operation, string name) =>
        operation.WalkDownConversions() is IInvocationOperation { TargetMethod: { ContainingType.Name: "Math" or "MathF" } method } && method.Name == name;

    private static bool ContainsDraw(IOperation operation) =>
        operation.DescendantsAndSelf().Any(descendant =>
            descendant is IInvocationOperation invocation && RandomSources.IsRandomDraw(invocation.TargetMethod)
            || descendant is ILocalReferenceOperation local && SingleValue(local) is { } assigned && assigned.DescendantsAndSelf().Any(d => d is IInvocationOperation i && RandomSources.IsRandomDraw(i.TargetMethod)));

    /// <summary>The value of a local that is assigned exactly once (at its declaration or once after it), in the same body.</summary>
    private static IOperation? SingleValue(ILocalReferenceOperation reference) => BodyIndex.Of(reference).SingleValue(reference.Local);

    private static double? Number(IOperation operation, ParameterValues? parameters) => ParameterValues.Linear(operation, parameters);

}

using System;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Activations;

/// <summary>
/// Recognizes an activation function by what it computes on its argument, not by its name:
/// <c>Math.Tanh(x)</c>, <c>1 / (1 + Math.Exp(-x))</c>, <c>Math.Max(0, x)</c>, <c>x &gt; 0 ? x : 0.01 * x</c>,
/// also through a one-expression method of the same file (<c>Sigmoid(sum)</c>).
/// </summary>
internal static class HandWrittenActivations
{
    private const int MaxMethodDepth = 2;

    /// <summary>What <paramref name="value"/> applies to <paramref name="argument"/> (a local <c>sum</c>, or an array element's storage).</summary>
    public static ActivationKind Recognize(IOperation value, ISymbol argument) => Recognize(value, argument, MaxMethodDepth);

    private static ActivationKind Recognize(IOperation value, ISymbol argument, int depth)
    {
        value = value.WalkDownConversions();
        if (IsArgument(value, argument))
        {
            return ActivationKind.Linear;
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                return RecognizeCall(invocation, argument, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsOne(division.LeftOperand) && IsOnePlusExpOfMinus(division.RightOperand, argument):
                return ActivationKind.Sigmoid;
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return RecognizeRectifierBranch(conditional, argument);
            default:
                return ActivationKind.Unknown;
        }
    }

    private static ActivationKind RecognizeCall(IInvocationOperation invocation, ISymbol argument, int depth)
    {
        var method = invocation.TargetMethod;
        var onMath = method.ContainingType is { Name: "Math" or "MathF", ContainingNamespace.Name: "System" };
        var arguments = invocation.Arguments.Select(a => a.Value.WalkDownConversions()).ToArray();
        if (onMath && method.Name == "Tanh" && arguments.Length == 1 && IsArgument(arguments[0], argument))
        {
            return ActivationKind.Tanh;
        }

        if (onMath && method.Name == "Max" && arguments.Length == 2)
        {
            if (IsZero(arguments[0]) && IsArgument(arguments[1], argument) || IsZero(arguments[1]) && IsArgument(arguments[0], argument))
            {
                return ActivationKind.ReLU;
            }

            if (IsScaledArgument(arguments[0], argument) && IsArgument(arguments[1], argument) || IsScaledArgument(arguments[1], argument) && IsArgument(arguments[0], argument))
            {
                return ActivationKind.LeakyReLU;
            }
        }

        if (depth > 0 && invocation.Arguments.Length == 1 && IsArgument(arguments[0], argument) && !method.IsAbstract
            && method.Parameters.Length == 1 && method.SingleReturnedExpression(invocation) is { } body)
        {
            return Recognize(body, method.Parameters[0], depth - 1);
        }

        return ActivationKind.Unknown;
    }

    /// <summary><c>x &gt; 0 ? x : 0</c> (ReLU) or <c>x &gt; 0 ? x : a * x</c> (leaky ReLU).</summary>
    private static ActivationKind RecognizeRectifierBranch(IConditionalOperation conditional, ISymbol argument)
    {
        if (conditional.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } test
            || !IsArgument(test.LeftOperand.WalkDownConversions(), argument) || !IsZero(test.RightOperand.WalkDownConversions()))
        {
            return ActivationKind.Unknown;
        }

        var whenTrue = conditional.WhenTrue.WalkDownConversions();
        var whenFalse = conditional.WhenFalse!.WalkDownConversions();
        if (!IsArgument(whenTrue, argument))
        {
            return ActivationKind.Unknown;
        }

        if (IsZero(whenFalse))
        {
            return ActivationKind.ReLU;
        }

        return IsScaledArgument(whenFalse, argument) ? ActivationKind.LeakyReLU : ActivationKind.Unknown;
    }

    private static bool IsOnePlusExpOfMinus(IOperation operation, ISymbol argument)
    {
        if (operation.WalkDownConversions() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum)
        {
            return false;
        }

        var (one, exp) = IsOne(sum.LeftOperand) ? (sum.LeftOperand, sum.RightOperand) : (sum.RightOperand, sum.LeftOperand);
        return IsOne(one)
            && exp.WalkDownConversions() is IInvocationOperation { TargetMethod: { Name: "Exp", ContainingType.Name: "Math" or "MathF" } } call
            && call.Arguments.Length == 1
            && call.Arguments[0].Value.WalkDownConversions() is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus
            && IsArgument(minus.Operand.WalkDownConversions(), argument);
    }

    private static bool IsScaledArgument(IOperation operation, ISymbol argument) =>
        operation.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
        && (IsSmallConstant(product.LeftOperand) && IsArgument(product.RightOperand.WalkDownConversions(), argument)
            || IsSmallConstant(product.RightOperand) && IsArgument(product.LeftOperand.WalkDownConversions(), argument));

    private static bool IsArgument(IOperation operation, ISymbol argument) =>
        operation is IArrayElementReferenceOperation element
            ? SymbolEqualityComparer.Default.Equals(element.ArrayStorage(), argument)
            : SymbolEqualityComparer.Default.Equals(operation.StorageSymbol(), argument);

    private static bool IsZero(IOperation operation) => Number(operation) == 0;

    private static bool IsOne(IOperation operation) => Number(operation) == 1;

    private static bool IsSmallConstant(IOperation operation) => Number(operation) is > 0 and < 1;

    private static double? Number(IOperation operation) => operation.NumericConstant();

}

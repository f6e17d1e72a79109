using System;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>
/// Recognizes an activation applied to an <c>NDArray</c> by what it computes: <c>np.tanh(z)</c>, <c>np.maximum(z, 0)</c>,
/// <c>np.maximum(z, 0.01 * z)</c>, <c>np.where(z &gt; 0, z, 0)</c>, <c>1 / (1 + np.exp(-z))</c>, <c>np.exp(z) / np.sum(np.exp(z))</c>,
/// also through a one-expression method (<c>static NDArray Relu(NDArray z) =&gt; np.maximum(z, 0)</c>).
/// </summary>
internal static class NDArrayActivations
{
    private const int MaxMethodDepth = 2;

    /// <summary>What <paramref name="value"/> applies to the pre-activation that <paramref name="isArgument"/> recognizes.</summary>
    public static ActivationKind Recognize(IOperation value, Func<IOperation, bool> isArgument, NumSharpTypes types) => Recognize(value, isArgument, types, MaxMethodDepth);

    private static ActivationKind Recognize(IOperation value, Func<IOperation, bool> isArgument, NumSharpTypes types, int depth)
    {
        value = value.WalkDownConversions();
        if (isArgument(value))
        {
            return ActivationKind.Linear;
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                return RecognizeCall(invocation, isArgument, types, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsOne(division.LeftOperand) && IsOnePlusExpOfMinus(division.RightOperand, isArgument, types):
                return ActivationKind.Sigmoid;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsExpOf(division.LeftOperand, isArgument, types) && IsSumOfExp(division.RightOperand, types):
                return ActivationKind.Softmax;
            default:
                return ActivationKind.Unknown;
        }
    }

    private static ActivationKind RecognizeCall(IInvocationOperation invocation, Func<IOperation, bool> isArgument, NumSharpTypes types, int depth)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments.Where(argument => argument.ArgumentKind != ArgumentKind.DefaultValue).Select(argument => argument.Value.WalkDownConversions()).ToArray();
        if (types.IsNp(method))
        {
            switch (method.Name)
            {
                case "tanh" when arguments.Length == 1 && isArgument(arguments[0]):
                    return ActivationKind.Tanh;
                case "maximum" when arguments.Length == 2:
                    return Rectifier(arguments[0], arguments[1], isArgument) is var first && first != ActivationKind.Unknown ? first : Rectifier(arguments[1], arguments[0], isArgument);
                case "where" when arguments.Length == 3 && IsPositiveTest(arguments[0], isArgument) && isArgument(arguments[1]):
                    return IsZero(arguments[2]) ? ActivationKind.ReLU : IsScaledArgument(arguments[2], isArgument) ? ActivationKind.LeakyReLU : ActivationKind.Unknown;
                default:
                    return ActivationKind.Unknown;
            }
        }

        if (depth > 0 && arguments.Length == 1 && invocation.Arguments.Length == 1 && isArgument(arguments[0]) && method.Parameters.Length == 1
            && !method.IsAbstract && method.SingleReturnedExpression(invocation) is { } body)
        {
            var parameter = method.Parameters[0];
            return Recognize(body, operation => SymbolEqualityComparer.Default.Equals(operation.StorageSymbol(), parameter), types, depth - 1);
        }

        return ActivationKind.Unknown;
    }

    /// <summary><c>np.maximum(z, 0)</c> is ReLU, <c>np.maximum(z, 0.01 * z)</c> leaky ReLU.</summary>
    private static ActivationKind Rectifier(IOperation argument, IOperation other, Func<IOperation, bool> isArgument) =>
        !isArgument(argument) ? ActivationKind.Unknown
        : IsZero(other) ? ActivationKind.ReLU
        : IsScaledArgument(other, isArgument) ? ActivationKind.LeakyReLU
        : ActivationKind.Unknown;

    private static bool IsPositiveTest(IOperation condition, Func<IOperation, bool> isArgument) =>
        condition.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } test
        && isArgument(test.LeftOperand.WalkDownConversions()) && IsZero(test.RightOperand);

    private static bool IsOnePlusExpOfMinus(IOperation operation, Func<IOperation, bool> isArgument, NumSharpTypes types)
    {
        if (operation.WalkDownConversions() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum)
        {
            return false;
        }

        var (one, exp) = IsOne(sum.LeftOperand) ? (sum.LeftOperand, sum.RightOperand) : (sum.RightOperand, sum.LeftOperand);
        return IsOne(one)
            && exp.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "exp" } call && types.IsNp(call.TargetMethod)
            && call.Arguments.Length > 0
            && call.Arguments[0].Value.WalkDownConversions() is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus
            && isArgument(minus.Operand.WalkDownConversions());
    }

    /// <summary><c>np.exp(z)</c> or the stabilized <c>np.exp(z - np.max(z))</c>.</summary>
    private static bool IsExpOf(IOperation operation, Func<IOperation, bool> isArgument, NumSharpTypes types)
    {
        if (operation.WalkDownConversions() is not IInvocationOperation { TargetMethod.Name: "exp" } call || !types.IsNp(call.TargetMethod) || call.Arguments.Length == 0)
        {
            return false;
        }

        var argument = call.Arguments[0].Value.WalkDownConversions();
        return isArgument(argument) || argument is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } shifted && isArgument(shifted.LeftOperand.WalkDownConversions());
    }

    private static bool IsSumOfExp(IOperation operation, NumSharpTypes types) =>
        operation.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "sum" } sum && types.IsNp(sum.TargetMethod)
        && sum.Arguments.Length > 0 && sum.Arguments[0].Value.WalkDownConversions() is IInvocationOperation { TargetMethod.Name: "exp" } exp && types.IsNp(exp.TargetMethod);

    private static bool IsScaledArgument(IOperation operation, Func<IOperation, bool> isArgument) =>
        operation.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
        && (IsSmallConstant(product.LeftOperand) && isArgument(product.RightOperand.WalkDownConversions())
            || IsSmallConstant(product.RightOperand) && isArgument(product.LeftOperand.WalkDownConversions()));

    private static bool IsZero(IOperation operation) => operation.NumericConstant() == 0;

    private static bool IsOne(IOperation operation) => operation.NumericConstant() == 1;

    private static bool IsSmallConstant(IOperation operation) => operation.NumericConstant() is > 0 and < 1;
}

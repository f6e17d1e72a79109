using System;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Activations;

/// <summary>
/// Recognizes an activation function by what it computes on its argument, not by its name: <c>Math.Tanh(x)</c>, the logistic
/// <c>1 / (1 + Math.Exp(-x))</c> or <c>Math.Exp(x) / (1 + Math.Exp(x))</c>, <c>Math.Max(0, x)</c>, <c>x &gt; 0 ? x : 0.01 * x</c>,
/// ELU, SELU, softplus <c>Math.Log(1 + Math.Exp(x))</c>; through a one-expression method (<c>Sigmoid(sum)</c>), a lambda or method
/// group stored in a <c>Func&lt;double, double&gt;</c> field, the implementation of an <c>IActivation.Activate</c> stored in a field,
/// or the arm of a <c>switch</c> (expression or statement) over an enum or string field the type sets to one constant.
/// </summary>
internal static class HandWrittenActivations
{
    private const int MaxMethodDepth = 2;

    /// <summary>What <paramref name="value"/> applies to <paramref name="argument"/> (a local <c>sum</c>, or an array element's storage).</summary>
    public static ActivationKind Recognize(IOperation value, ISymbol argument) => Recognize(value, argument, MaxMethodDepth, null);

    /// <summary>
    /// What <paramref name="value"/> applies to <paramref name="argument"/> in the instance that <paramref name="construction"/>
    /// makes: a choice the constructor stores from its parameter (<c>this.activation = activation;</c>) takes that construction's argument.
    /// </summary>
    public static ActivationKind Recognize(IOperation value, ISymbol argument, ConstructionArguments construction) => Recognize(value, argument, MaxMethodDepth, construction);

    private static ActivationKind Recognize(IOperation value, ISymbol argument, int depth, ConstructionArguments? construction)
    {
        value = value.WalkDownConversions();
        if (IsArgument(value, argument))
        {
            return ActivationKind.Linear;
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                return RecognizeCall(invocation, argument, depth, construction);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsOne(division.LeftOperand) && IsOnePlusExp(division.RightOperand, argument, negated: true):
                return ActivationKind.Sigmoid;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division when IsExp(division.LeftOperand, argument, negated: false) && IsOnePlusExp(division.RightOperand, argument, negated: false):
                return ActivationKind.Sigmoid; // e^x / (1 + e^x)
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product when IsSeluScaledElu(product, argument):
                return ActivationKind.SELU;
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return RecognizeRectifierBranch(conditional, argument);
            case ISwitchExpressionOperation choice:
                return RecognizeChoice(choice.Value, stored => ChosenArm(choice, stored) is { } arm ? Recognize(arm, argument, depth, construction) : ActivationKind.Unknown, construction);
            default:
                return ActivationKind.Unknown;
        }
    }

    private static ActivationKind RecognizeCall(IInvocationOperation invocation, ISymbol argument, int depth, ConstructionArguments? construction)
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

        if (onMath && method.Name == "Log" && arguments.Length == 1 && IsOnePlusExp(arguments[0], argument, negated: false))
        {
            return ActivationKind.Softplus; // log(1 + e^x)
        }

        if (depth == 0 || invocation.Arguments.Length != 1 || !IsArgument(arguments[0], argument))
        {
            return ActivationKind.Unknown;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke || method.IsAbstract || method.IsVirtual || method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            // activation(sum) on a Func<double, double> field, activation.Activate(sum) on an IActivation field: what the type stores there
            return invocation.Instance?.WalkDownConversions().StorageSymbol() is { } holder && holder is IFieldSymbol or IPropertySymbol
                ? Agreed(Stored(holder, invocation, construction), stored => RecognizeStored(stored, method, invocation, depth - 1, construction))
                : ActivationKind.Unknown;
        }

        if (method.Parameters.Length != 1)
        {
            return ActivationKind.Unknown;
        }

        if (method.SingleReturnedExpression(invocation) is { } body)
        {
            return Recognize(body, method.Parameters[0], depth - 1, construction);
        }

        // switch (activation) { case Act.ReLU: return Math.Max(0, x); ... } over a field the type sets to one constant.
        return Body(method, invocation)?.Operations.FirstOrDefault() is ISwitchOperation statement && statement.Parent is IBlockOperation { Operations.Length: 1 }
            ? RecognizeChoice(statement.Value, stored => ChosenCase(statement, stored) is { } returned ? Recognize(returned, method.Parameters[0], depth - 1, construction) : ActivationKind.Unknown, construction)
            : ActivationKind.Unknown;
    }

    /// <summary>
    /// A choice over a field or property that the type sets only to constants (<c>private readonly Act activation = Act.ReLU;</c>,
    /// <c>this.kind = "tanh";</c>): the activation every stored constant selects. One set from a constructor's parameter is chosen
    /// at each construction site (<paramref name="construction"/>), and stays unknown without one.
    /// </summary>
    private static ActivationKind RecognizeChoice(IOperation governing, Func<object, ActivationKind> recognizeChosen, ConstructionArguments? construction) =>
        governing.WalkDownConversions().StorageSymbol() is { } holder && holder is IFieldSymbol or IPropertySymbol && StoredValues.NeverDefault(holder, governing)
            ? Agreed(Stored(holder, governing, construction), stored => stored.ConstantValue is { HasValue: true, Value: { } chosen } ? recognizeChosen(chosen) : ActivationKind.Unknown)
            : ActivationKind.Unknown;

    /// <summary>The values the type stores in <paramref name="holder"/>, as one construction sees them where it is known.</summary>
    private static System.Collections.Generic.IReadOnlyList<IOperation> Stored(ISymbol holder, IOperation context, ConstructionArguments? construction) =>
        construction is null ? StoredValues.Of(holder, context) : construction.Bind(StoredValues.Of(holder, context));

    /// <summary>The value of the arm that <paramref name="chosen"/> selects, read through constant patterns and a final discard; null past a guard or any other pattern.</summary>
    private static IOperation? ChosenArm(ISwitchExpressionOperation choice, object chosen)
    {
        foreach (var arm in choice.Arms)
        {
            switch (arm.Pattern)
            {
                case var _ when arm.Guard is not null:
                    return null;
                case IConstantPatternOperation constant when constant.Value.ConstantValue is { HasValue: true, Value: var value }:
                    if (Equals(value, chosen))
                    {
                        return arm.Value;
                    }

                    continue;
                case IDiscardPatternOperation:
                    return arm.Value;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The value the case that <paramref name="chosen"/> selects returns, when that case's only statement is a return.</summary>
    private static IOperation? ChosenCase(ISwitchOperation statement, object chosen)
    {
        ISwitchCaseOperation? fallback = null;
        foreach (var section in statement.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true, Value: var value } } when Equals(value, chosen):
                        return Returned(section);
                    case IDefaultCaseClauseOperation:
                        fallback = section;
                        break;
                    case ISingleValueCaseClauseOperation { Value.ConstantValue.HasValue: true }:
                        break;
                    default:
                        return null; // patterns and relational cases: not followed
                }
            }
        }

        return fallback is null ? null : Returned(fallback);
    }

    private static IOperation? Returned(ISwitchCaseOperation section) =>
        section.Body.Length == 1 && section.Body[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    private static IBlockOperation? Body(IMethodSymbol method, IOperation call)
    {
        var model = call.SemanticModel;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (model is not null && reference.SyntaxTree == model.SyntaxTree && model.GetOperation(reference.GetSyntax()) is IMethodBodyOperation { BlockBody: { } block })
            {
                return block;
            }
        }

        return null;
    }

    /// <summary>The activation a stored lambda, method group or activation object computes.</summary>
    private static ActivationKind RecognizeStored(IOperation stored, IMethodSymbol called, IOperation call, int depth, ConstructionArguments? construction)
    {
        stored = stored.WalkDownConversions();
        if (stored is IDelegateCreationOperation creation)
        {
            stored = creation.Target;
        }

        switch (stored)
        {
            case IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda when SingleReturned(lambda.Body) is { } returned:
                return Recognize(returned, lambda.Symbol.Parameters[0], depth, construction);
            case IMethodReferenceOperation { Method: { Name: "Tanh", ContainingType: { Name: "Math" or "MathF", ContainingNamespace.Name: "System" } } }:
                return ActivationKind.Tanh; // Func<double, double> activation = Math.Tanh;
            // Read in the tree of the stored value, which a construction elsewhere passes from its own file.
            case IMethodReferenceOperation { Method: { Parameters.Length: 1 } target } when (target.SingleReturnedExpression(call) ?? target.SingleReturnedExpression(stored)) is { } body:
                return Recognize(body, target.Parameters[0], depth, construction);
            case IObjectCreationOperation { Type: INamedTypeSymbol created } when Implementation(created, called) is { Parameters.Length: 1 } implementation
                && (implementation.SingleReturnedExpression(call) ?? implementation.SingleReturnedExpression(stored)) is { } implemented:
                return Recognize(implemented, implementation.Parameters[0], depth, construction);
            default:
                return ActivationKind.Unknown;
        }
    }

    /// <summary>The method of <paramref name="type"/> that a call of <paramref name="called"/> (an interface or virtual member) runs.</summary>
    private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol called)
    {
        if (called.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return type.FindImplementationForInterfaceMember(called) as IMethodSymbol;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(called.Name))
            {
                if (member is IMethodSymbol candidate && (SymbolEqualityComparer.Default.Equals(candidate, called) || IsOverrideOf(candidate, called)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsOverrideOf(IMethodSymbol candidate, IMethodSymbol called)
    {
        for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, called.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? SingleReturned(IBlockOperation body)
    {
        IOperation? returned = null;
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                if (returned is not null)
                {
                    return null;
                }

                returned = value;
            }
        }

        return returned;
    }

    /// <summary>One kind that every value agrees on; unknown when any is unknown or two disagree.</summary>
    private static ActivationKind Agreed(System.Collections.Generic.IReadOnlyList<IOperation> values, Func<IOperation, ActivationKind> recognize) =>
        Unanimous(values.Select(recognize));

    /// <summary>The one kind all of <paramref name="kinds"/> are; unknown when any is unknown or two differ (read lazily, so it stops at the first).</summary>
    public static ActivationKind Unanimous(System.Collections.Generic.IEnumerable<ActivationKind> kinds)
    {
        var found = ActivationKind.Unknown;
        foreach (var kind in kinds)
        {
            if (kind == ActivationKind.Unknown || found != ActivationKind.Unknown && found != kind)
            {
                return ActivationKind.Unknown;
            }

            found = kind;
        }

        return found;
    }

    /// <summary>
    /// <c>x &gt; 0 ? x : 0</c> (ReLU), <c>x &gt; 0 ? x : a * x</c> (leaky ReLU), <c>x &gt; 0 ? x : a * (Math.Exp(x) - 1)</c> (ELU),
    /// the same with the test reversed (<c>x &lt;= 0 ? 0 : x</c>), and SELU's <c>x &gt; 0 ? s * x : s * a * (Math.Exp(x) - 1)</c>.
    /// </summary>
    private static ActivationKind RecognizeRectifierBranch(IConditionalOperation conditional, ISymbol argument)
    {
        if (conditional.Condition is not IBinaryOperation test)
        {
            return ActivationKind.Unknown;
        }

        var left = test.LeftOperand.WalkDownConversions();
        var right = test.RightOperand.WalkDownConversions();
        bool positiveWhenTrue;
        if (IsArgument(left, argument) && IsZero(right))
        {
            positiveWhenTrue = test.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;
            if (!positiveWhenTrue && test.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual))
            {
                return ActivationKind.Unknown;
            }
        }
        else if (IsZero(left) && IsArgument(right, argument))
        {
            positiveWhenTrue = test.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;
            if (!positiveWhenTrue && test.OperatorKind is not (BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
            {
                return ActivationKind.Unknown;
            }
        }
        else
        {
            return ActivationKind.Unknown;
        }

        var positive = (positiveWhenTrue ? conditional.WhenTrue : conditional.WhenFalse!).WalkDownConversions();
        var negative = (positiveWhenTrue ? conditional.WhenFalse! : conditional.WhenTrue).WalkDownConversions();
        if (IsArgument(positive, argument))
        {
            if (IsZero(negative))
            {
                return ActivationKind.ReLU;
            }

            if (IsScaledArgument(negative, argument))
            {
                return ActivationKind.LeakyReLU;
            }

            return ExponentialBranchScale(negative, argument) is not null ? ActivationKind.ELU : ActivationKind.Unknown;
        }

        // SELU written out: s * x above zero, s * a * (e^x - 1) below (Klambauer et al. 2017: s = 1.0507, a = 1.6733).
        return positive is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } scaled && ScaleOf(scaled, argument) is { } scale
            && ExponentialBranchScale(negative, argument) is { } alphaTimesScale && IsSelu(scale, alphaTimesScale / scale)
            ? ActivationKind.SELU
            : ActivationKind.Unknown;
    }

    /// <summary><c>s * (x &gt; 0 ? x : a * (Math.Exp(x) - 1))</c> with SELU's constants.</summary>
    private static bool IsSeluScaledElu(IBinaryOperation product, ISymbol argument)
    {
        var (constant, other) = Number(product.LeftOperand) is { } l ? (l, product.RightOperand) : Number(product.RightOperand) is { } r ? (r, product.LeftOperand) : (double.NaN, product.LeftOperand);
        if (double.IsNaN(constant) || other.WalkDownConversions() is not IConditionalOperation { WhenFalse: not null } conditional || RecognizeRectifierBranch(conditional, argument) != ActivationKind.ELU)
        {
            return false;
        }

        var negative = new[] { conditional.WhenTrue, conditional.WhenFalse }.Select(branch => ExponentialBranchScale(branch.WalkDownConversions(), argument)).FirstOrDefault(alpha => alpha is not null);
        return negative is { } alpha && IsSelu(constant, alpha);
    }

    // Klambauer et al. 2017, "Self-Normalizing Neural Networks": lambda = 1.0507009873554805, alpha = 1.6732632423543772.
    private static bool IsSelu(double scale, double alpha) => Math.Abs(scale - 1.0507) < 1e-3 && Math.Abs(alpha - 1.6733) < 1e-3;

    /// <summary>The constant <c>c</c> of <c>c * x</c> or <c>x * c</c>.</summary>
    private static double? ScaleOf(IBinaryOperation product, ISymbol argument) =>
        IsArgument(product.RightOperand.WalkDownConversions(), argument) ? Number(product.LeftOperand)
        : IsArgument(product.LeftOperand.WalkDownConversions(), argument) ? Number(product.RightOperand)
        : null;

    /// <summary>The constant <c>a</c> of <c>a * (Math.Exp(x) - 1)</c> (products of constants multiplied out); 1 for a bare <c>Math.Exp(x) - 1</c>.</summary>
    private static double? ExponentialBranchScale(IOperation operation, ISymbol argument)
    {
        operation = operation.WalkDownConversions();
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference && IsExp(difference.LeftOperand, argument, negated: false) && IsOne(difference.RightOperand))
        {
            return 1;
        }

        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product)
        {
            if (Number(product.LeftOperand) is { } left && ExponentialBranchScale(product.RightOperand, argument) is { } rightScale)
            {
                return left * rightScale;
            }

            if (Number(product.RightOperand) is { } right && ExponentialBranchScale(product.LeftOperand, argument) is { } leftScale)
            {
                return right * leftScale;
            }
        }

        return null;
    }

    /// <summary><c>1 + Math.Exp(-x)</c> (negated) or <c>1 + Math.Exp(x)</c>, in either order.</summary>
    private static bool IsOnePlusExp(IOperation operation, ISymbol argument, bool negated)
    {
        if (operation.WalkDownConversions() is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum)
        {
            return false;
        }

        var (one, exp) = IsOne(sum.LeftOperand) ? (sum.LeftOperand, sum.RightOperand) : (sum.RightOperand, sum.LeftOperand);
        return IsOne(one) && IsExp(exp, argument, negated);
    }

    /// <summary>
    /// <c>Math.Exp(x)</c>, or <c>Math.Exp(-x)</c> when <paramref name="negated"/>; also Unity's <c>Mathf.Exp</c> and e raised by
    /// <c>Pow</c> (<c>Mathf.Pow(2.71828f, -x)</c>, <c>Math.Pow(Math.E, -x)</c>).
    /// </summary>
    private static bool IsExp(IOperation operation, ISymbol argument, bool negated)
    {
        if (operation.WalkDownConversions() is not IInvocationOperation { TargetMethod.ContainingType.Name: "Math" or "MathF" or "Mathf" } call
            || !(call.TargetMethod.Name == "Exp" && call.Arguments.Length == 1 || call.TargetMethod.Name == "Pow" && call.Arguments.Length == 2 && IsEulersNumber(call.Arguments[0].Value)))
        {
            return false;
        }

        var exponent = call.Arguments[call.Arguments.Length - 1].Value.WalkDownConversions();
        return negated
            ? exponent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus && IsArgument(minus.Operand.WalkDownConversions(), argument)
            : IsArgument(exponent, argument);
    }

    /// <summary>e, as <c>Math.E</c> or written out to at least three decimals (2.718).</summary>
    private static bool IsEulersNumber(IOperation operation) => Number(operation) is { } value && Math.Abs(value - Math.E) < 1e-3;

    private static bool IsScaledArgument(IOperation operation, ISymbol argument) =>
        operation.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
        && (IsSmallConstant(product.LeftOperand) && IsArgument(product.RightOperand.WalkDownConversions(), argument)
            || IsSmallConstant(product.RightOperand) && IsArgument(product.LeftOperand.WalkDownConversions(), argument));

    private static bool IsArgument(IOperation operation, ISymbol argument) =>
        operation.IsElement()
            ? SymbolEqualityComparer.Default.Equals(operation.ArrayStorage(), argument)
            : SymbolEqualityComparer.Default.Equals(operation.StorageSymbol(), argument);

    private static bool IsZero(IOperation operation) => Number(operation) == 0;

    private static bool IsOne(IOperation operation) => Number(operation) == 1;

    private static bool IsSmallConstant(IOperation operation) => Number(operation) is > 0 and < 1;

    private static double? Number(IOperation operation) => operation.NumericConstant();

}

using System.Linq;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Arrays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>
/// Finds the matrix product of a layer: <c>np.dot(x, W)</c>, <c>np.dot(W, x)</c>, <c>np.matmul(x, W)</c>, <c>x.dot(W)</c>,
/// <c>W.dot(x)</c>, also with <c>W.T</c> or <c>W.transpose()</c>. Decides which dimension of the weights meets the input
/// from the side they stand on: on the right they are shaped (in, out), on the left (out, in); a transpose swaps them.
/// </summary>
internal static class NDArrayProducts
{
    /// <summary>The product that <paramref name="reference"/> (a read of <paramref name="weights"/>) is a factor of, or null.</summary>
    public static NDArrayProductUse? Match(IOperation reference, NDArrayEvidence weights, ISymbol containingMember, NumSharpTypes types)
    {
        var operand = reference.WalkUpConversions();
        var transposed = false;
        while (true)
        {
            if (operand.Parent is IPropertyReferenceOperation { Property.Name: "T" } transpose && transpose.Instance == operand && types.IsNDArray(transpose.Property.ContainingType))
            {
                operand = transpose.WalkUpConversions();
            }
            else if (operand.Parent is IInvocationOperation { TargetMethod.Name: "transpose" } call && call.Instance == operand && types.IsNDArrayMethod(call.TargetMethod)
                && call.Arguments.All(argument => argument.ArgumentKind == ArgumentKind.DefaultValue))
            {
                operand = call.WalkUpConversions();
            }
            else
            {
                break;
            }

            transposed = !transposed;
        }

        if (Factors(operand, types) is not var (product, input, onRight) || input.NumericConstant() is not null || References(input, weights))
        {
            return null;
        }

        var layer = LayerValue(product, types, out var merged);
        return new NDArrayProductUse(
            product,
            input,
            inBackwardPass: WeightedSumMatcher.NameSaysTraining(containingMember.Name),
            mergedIntoAnotherPath: merged,
            fanInIndex: onRight != transposed ? 0 : 1,
            activation: merged ? ActivationKind.Unknown : ActivationOf(layer, types),
            method: containingMember.Name);
    }

    /// <summary>The product <paramref name="operand"/> is a factor of, the other factor, and whether the weights are the right-hand one.</summary>
    private static (IInvocationOperation Product, IOperation Input, bool OnRight)? Factors(IOperation operand, NumSharpTypes types)
    {
        if (operand.Parent is IArgumentOperation { Parameter: { Ordinal: 0 or 1 } parameter } argument && argument.Parent is IInvocationOperation invocation)
        {
            if (types.IsNp(invocation.TargetMethod) && invocation.TargetMethod.Name is "dot" or "matmul"
                && invocation.Arguments.FirstOrDefault(other => other.Parameter?.Ordinal == 1 - parameter.Ordinal) is { } partner)
            {
                return (invocation, partner.Value, parameter.Ordinal == 1);
            }

            if (IsInstanceDot(invocation, types) && parameter.Ordinal == 0 && invocation.Instance is { } left)
            {
                return (invocation, left, true);
            }

            return null;
        }

        if (operand.Parent is IInvocationOperation call && call.Instance == operand && IsInstanceDot(call, types) && call.Arguments.Length == 1)
        {
            return (call, call.Arguments[0].Value, false);
        }

        return null;
    }

    private static bool IsInstanceDot(IInvocationOperation invocation, NumSharpTypes types) => invocation.TargetMethod.Name == "dot" && types.IsNDArrayMethod(invocation.TargetMethod);

    /// <summary>
    /// The layer's pre-activation: the product plus its bias (<c>np.dot(x, W) + b</c>, <c>np.add(np.dot(x, W), b)</c>), or plus
    /// another product of the same layer (a recurrent cell). Added to anything else (<c>x + np.dot(h, W)</c>), it is a residual
    /// branch, whose zero start is legitimate (ReZero, Fixup): <paramref name="merged"/> is then true.
    /// </summary>
    private static IOperation LayerValue(IOperation product, NumSharpTypes types, out bool merged)
    {
        merged = false;
        var layer = product.WalkUpConversions();
        while (true)
        {
            IOperation? other;
            IOperation sum;
            if (layer.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary)
            {
                other = binary.LeftOperand == layer ? binary.RightOperand : binary.LeftOperand;
                sum = binary;
            }
            else if (layer.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "add" } add } && types.IsNp(add.TargetMethod) && add.Arguments.Length >= 2)
            {
                other = add.Arguments.Take(2).Select(argument => argument.Value).FirstOrDefault(value => value != layer);
                sum = add;
            }
            else
            {
                return layer;
            }

            if (other is null || !(IsBias(other) || other.NumericConstant() is not null || IsProduct(other, types)))
            {
                merged = true;
                return layer;
            }

            layer = sum.WalkUpConversions();
        }
    }

    /// <summary>A member of the type (<c>b</c>, <c>this.b1</c>, <c>b.T</c>): the layer's bias, not a value from another path.</summary>
    private static bool IsBias(IOperation operation) =>
        operation.WalkDownConversions() is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false } or IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IFieldReferenceOperation or IPropertyReferenceOperation };

    private static bool IsProduct(IOperation operation, NumSharpTypes types) =>
        operation.WalkDownConversions() is IInvocationOperation invocation && (IsInstanceDot(invocation, types) || types.IsNp(invocation.TargetMethod) && invocation.TargetMethod.Name is "dot" or "matmul");

    private static bool References(IOperation input, NDArrayEvidence weights) =>
        input.References(weights.Field) || weights.Field.AssociatedSymbol is { } property && input.References(property);

    /// <summary>
    /// The activation applied to the layer's pre-activation: around it (<c>np.tanh(np.dot(x, W) + b)</c>), or to the local or
    /// member it is stored in (<c>var z = ...; var a = np.maximum(z, 0);</c>). Returned as it is, or fed straight into the next
    /// product, the layer is linear. Unknown when none is found or uses disagree.
    /// </summary>
    private static ActivationKind ActivationOf(IOperation layer, NumSharpTypes types)
    {
        var syntax = layer.Syntax;
        if (Consumer(layer, types) is var (consumer, intoProduct) && (consumer != layer || intoProduct))
        {
            return intoProduct && consumer == layer ? ActivationKind.Linear : NDArrayActivations.Recognize(consumer, operation => operation.Syntax == syntax, types);
        }

        switch (layer.Parent)
        {
            case IReturnOperation:
                return ActivationKind.Linear;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return ActivationOfStored(declarator.Symbol, layer, types);
            case IAssignmentOperation assignment when assignment.Value == layer && NDArrayBodyFlows.TargetOf(assignment.Target) is { } target:
                return ActivationOfStored(target, layer, types);
            default:
                return ActivationKind.Unknown;
        }
    }

    /// <summary>
    /// The expression that applies something to <paramref name="value"/>: up through calls, operators and conversions, and not
    /// into a product (<c>np.dot(np.tanh(z), W2)</c> gives <c>np.tanh(z)</c>). Also says whether it ends as a factor of a product.
    /// </summary>
    private static (IOperation Consumer, bool IntoProduct) Consumer(IOperation value, NumSharpTypes types)
    {
        var consumer = value;
        while (true)
        {
            var parent = consumer.Parent is IArgumentOperation argument ? argument.Parent : consumer.Parent;
            if (parent is IInvocationOperation call && IsProduct(call, types))
            {
                return (consumer, true);
            }

            if (parent is IInvocationOperation or IBinaryOperation or IUnaryOperation or IConversionOperation
                || parent is IPropertyReferenceOperation { Property.Name: "T" } transpose && transpose.Instance == consumer)
            {
                consumer = parent;
                continue;
            }

            return (consumer, false);
        }
    }

    /// <summary>What the body applies to <paramref name="stored"/> after the layer's value is stored in it.</summary>
    private static ActivationKind ActivationOfStored(ISymbol stored, IOperation layer, NumSharpTypes types)
    {
        bool IsStored(IOperation operation) => SymbolEqualityComparer.Default.Equals(NDArrayBodyFlows.ReadOf(operation), stored);

        var found = ActivationKind.Unknown;
        foreach (var flow in NDArrayBodyFlows.Of(layer))
        {
            var value = flow.Value.WalkDownConversions();
            if (flow.Position <= layer.Syntax.SpanStart || value.Syntax == layer.Syntax)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(flow.Target, stored)
                && (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } || value is IInvocationOperation { TargetMethod.Name: "add" } add && types.IsNp(add.TargetMethod)))
            {
                continue; // the bias added in place (z = z + b)
            }

            foreach (var read in value.DescendantsAndSelf().Where(IsStored).ToList())
            {
                var (consumer, intoProduct) = Consumer(read, types);
                ActivationKind kind;
                if (consumer == read)
                {
                    if (!intoProduct && flow.Target is not null)
                    {
                        continue; // a copy kept for the backward pass (this.z1 = z1)
                    }

                    kind = ActivationKind.Linear; // returned, or the next layer's input as it is
                }
                else
                {
                    kind = NDArrayActivations.Recognize(consumer, IsStored, types);
                }

                if (kind == ActivationKind.Unknown || found != ActivationKind.Unknown && found != kind)
                {
                    return ActivationKind.Unknown;
                }

                found = kind;
            }
        }

        return found;
    }
}

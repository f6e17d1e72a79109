using System;
using System.Collections.Immutable;
using System.Linq;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Activations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Finds the weighted sum of a layer: an element of the weight array multiplied by an element of the input
/// and accumulated (<c>sum += w[i, j] * x[j]</c>, <c>y[i] = y[i] + x[j] * w[j][i]</c>). Decides by use which factor
/// is the weight: the one indexed by more subscripts (a matrix against a vector); names only break a tie.
/// </summary>
internal static class WeightedSumMatcher
{
    /// <summary>
    /// The weighted sum <paramref name="element"/>, an element of <paramref name="weights"/> (a field, or a helper's parameter),
    /// is the weight of; null when it is none. <paramref name="leadingIndices"/> counts the subscripts already taken where the
    /// element indexes a local row of the field (<c>var row = w[l]; row[i, j]</c>).
    /// </summary>
    public static WeightedSumUse? Match(IOperation element, ISymbol weights, ISymbol containingMember, int leadingIndices = 0)
    {
        var factor = element.WalkUpConversions();
        if (factor.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product)
        {
            return null;
        }

        var partner = (product.LeftOperand == factor ? product.RightOperand : product.LeftOperand).WalkDownConversions();
        if (partner.ConstantValue.HasValue || !IsWeightFactor(element, weights, partner))
        {
            return null;
        }

        var sum = (IOperation)product;
        while (sum.Parent is IConversionOperation || sum.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract })
        {
            sum = sum.Parent;
        }

        IOperation? target = sum.Parent switch
        {
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound when compound.Value == sum => compound.Target,
            ISimpleAssignmentOperation simple when simple.Value == sum && sum != product && TargetSymbolOf(simple.Target) is { } accumulated && sum.References(accumulated) => simple.Target,
            _ => null,
        };
        if (target is null || !ReducesOverInput(target, partner))
        {
            return null;
        }

        var outputs = OutputsOf(target);
        if (outputs.Contains(weights, SymbolEqualityComparer.Default) || weights is IFieldSymbol { AssociatedSymbol: { } property } && outputs.Contains(property, SymbolEqualityComparer.Default))
        {
            return null; // w[i] -= w[i] * decay[i]: an update of the weights themselves
        }

        var inputElement = partner;
        var activation = ActivationOf(target, null);
        return new WeightedSumUse(
            input: inputElement.ArrayStorage(),
            outputs: outputs,
            inBackwardPass: IsBackwardPass(containingMember),
            activation: activation,
            inputIndexPosition: InputIndexPosition(element, inputElement) + leadingIndices,
            method: containingMember is IMethodSymbol { ExplicitInterfaceImplementations: { IsEmpty: false } implemented } ? implemented[0].Name : containingMember.Name) // ILayer.Forward is called as Forward
        {
            ActivationAt = activation == ActivationKind.Unknown ? construction => ActivationOf(target, construction) : null,
            Where = MemberScope.Place(element.Syntax, containingMember.Name),
        };
    }

    private static bool IsWeightFactor(IOperation weight, ISymbol weights, IOperation partner)
    {
        // The input of a layer is a vector too; a weight times a scalar is a scaling (decay, a learning rate), not a weighted sum.
        if (!partner.IsElement())
        {
            return false;
        }

        var input = partner;
        var weightIndices = IndexCount(weight);
        var inputIndices = IndexCount(input);
        if (weightIndices != inputIndices)
        {
            return weightIndices > inputIndices;
        }

        return NameSaysWeight((weights as IFieldSymbol)?.AssociatedSymbol?.Name ?? weights.Name) && !(input.ArrayStorage() is { } inputSymbol && NameSaysWeight(inputSymbol.Name));
    }

    private static int IndexCount(IOperation element)
    {
        var count = 0;
        var current = element;
        while (current.Indexed() is { } indexed)
        {
            count += current.Subscripts().Length;
            current = indexed.WalkDownConversions();
        }

        return count;
    }

    private static ISymbol? TargetSymbolOf(IOperation target) =>
        target.IsElement() ? target.ArrayStorage() : target.StorageSymbol();

    /// <summary>
    /// A weighted sum reduces over the input: <c>y[i] += w[i, j] * x[j]</c> sums over j, which does not index y.
    /// <c>h[i] = scale[i] * h[i] + shift[i]</c> is element-wise (a normalization scale), not a layer.
    /// </summary>
    private static bool ReducesOverInput(IOperation target, IOperation input)
    {
        if (!target.IsElement())
        {
            return true;
        }

        var inputIndex = LastSubscript(input);
        return inputIndex is null || !FlattenedIndices(target).Any(index => index.References(inputIndex));
    }

    /// <summary>
    /// Where the sum goes: the array it accumulates into, or, for a local <c>sum</c>, the arrays that
    /// later receive a value computed from it (<c>outputs[j] = Activate(sum)</c>).
    /// </summary>
    private static ImmutableArray<ISymbol> OutputsOf(IOperation target)
    {
        if (target.IsElement())
        {
            return target.ArrayStorage() is { } array ? ImmutableArray.Create(array) : ImmutableArray<ISymbol>.Empty;
        }

        if (target.WalkDownConversions() is not ILocalReferenceOperation { Local: var local })
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        var scope = Scope(target);
        foreach (var assignment in BodyIndex.Of(target).Assignments.Where(assignment => scope.Syntax.Span.Contains(assignment.Syntax.Span)))
        {
            if (assignment.Target.IsElement() && assignment.Value.References(local) && assignment.Target.ArrayStorage() is { } array
                && !builder.Contains(array, SymbolEqualityComparer.Default))
            {
                if (IsMergedIntoAnotherPath(assignment.Value, local))
                {
                    return ImmutableArray<ISymbol>.Empty; // y[i] = x[i] + s: a residual branch, whose zero start is legitimate
                }

                builder.Add(array);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Where a local sum is read for this unit: the body of the loop over units (the loop around the loop over inputs),
    /// so that one <c>sum</c> shared by two layers is not mistaken for a link between them.
    /// </summary>
    private static IOperation Scope(IOperation accumulation)
    {
        var loops = 0;
        for (var current = accumulation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation && ++loops == 2)
            {
                return current;
            }
        }

        return accumulation.Root();
    }

    /// <summary>The sum is added to a term that does not come from it: <c>x[i] + s</c>, <c>base + scale * s</c>.</summary>
    private static bool IsMergedIntoAnotherPath(IOperation value, ILocalSymbol sum)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add)
            {
                var (left, right) = (add.LeftOperand.References(sum), add.RightOperand.References(sum));
                var other = left ? add.RightOperand : add.LeftOperand;
                if (left != right && !other.ConstantValue.HasValue && !IsBias(other))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>b[i]</c> added to the sum is a bias, not another path.</summary>
    private static bool IsBias(IOperation operation) =>
        operation.WalkDownConversions() is var element && element.IsElement() && element.ArrayStorage() is { } array && NameSaysBias(array.Name);

    private static bool NameSaysBias(string name) => Contains(name, "bias") || name.TrimStart('_') is "b" or "B" || name.TrimStart('_').Length <= 3 && name.TrimStart('_').StartsWith("b", StringComparison.OrdinalIgnoreCase) && name.TrimStart('_').Skip(1).All(char.IsDigit);

    /// <summary>
    /// The activation applied to the sum: <c>hidden[i] = Math.Tanh(sum)</c> or <c>neuron.Output = Sigmoid(sum)</c> for a local sum, or
    /// <c>output[i] = Sigmoid(output[i])</c> for a sum accumulated in place, in the instance <paramref name="construction"/> makes
    /// where it is given. Unknown when none or several are found.
    /// </summary>
    private static ActivationKind ActivationOf(IOperation target, ConstructionArguments? construction)
    {
        ISymbol? argument = target.IsElement() ? target.ArrayStorage() : target.WalkDownConversions() is ILocalReferenceOperation local ? local.Local : null;
        if (argument is null)
        {
            return ActivationKind.Unknown;
        }

        var found = ActivationKind.Unknown;
        var body = BodyIndex.Of(target);
        foreach (var operation in body.Assignments.Cast<IOperation>().Concat(body.Returns))
        {
            var value = operation switch
            {
                ISimpleAssignmentOperation assignment when assignment.Target.IsElement() && (argument is ILocalSymbol || SymbolEqualityComparer.Default.Equals(TargetSymbolOf(assignment.Target), argument)) => assignment.Value,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation } assignment when argument is ILocalSymbol => assignment.Value, // neuron.Output = Sigmoid(sum)
                IReturnOperation { ReturnedValue: { } returned } when argument is ILocalSymbol && returned.WalkDownConversions() is not ISimpleAssignmentOperation => returned,
                _ => null,
            };
            if (value is null || value.ConstantValue.HasValue || !ReadsStorage(value, argument) || value.WalkDownConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract })
            {
                continue; // not the activation: a reset to zero or the accumulation itself
            }

            var kind = construction is null ? HandWrittenActivations.Recognize(value, argument) : HandWrittenActivations.Recognize(value, argument, construction);
            if (kind == ActivationKind.Linear && argument is not ILocalSymbol)
            {
                continue; // output[i] = output[i] says nothing
            }

            if (kind == ActivationKind.Unknown || found != ActivationKind.Unknown && found != kind)
            {
                return ActivationKind.Unknown;
            }

            found = kind;
        }

        return found;
    }

    /// <summary>The value reads <paramref name="storage"/>, by its own name or, for an array, an element of a local alias of it.</summary>
    private static bool ReadsStorage(IOperation value, ISymbol storage) =>
        value.References(storage) || storage is not ILocalSymbol && value.ReadsThroughAlias(storage);

    private static int? InputIndexPosition(IOperation weight, IOperation input)
    {
        var inputIndex = LastSubscript(input);
        if (inputIndex is null)
        {
            return null;
        }

        var indices = FlattenedIndices(weight);
        int? position = null;
        for (var i = 0; i < indices.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(indices[i].WalkDownConversions().StorageSymbol(), inputIndex))
            {
                if (position is not null)
                {
                    return null;
                }

                position = i;
            }
            else if (indices[i].References(inputIndex))
            {
                return null; // w[i * n + j]: the input's subscript is folded into a flat index
            }
        }

        return position;
    }

    /// <summary>The subscripts of a (jagged) element access from the array outwards: <c>w[l][i][j]</c> gives l, i, j.</summary>
    private static System.Collections.Generic.List<IOperation> FlattenedIndices(IOperation element)
    {
        var levels = new System.Collections.Generic.List<IOperation>();
        var current = element;
        while (current.Indexed() is { } indexed)
        {
            levels.Add(current);
            current = indexed.WalkDownConversions();
        }

        levels.Reverse();
        return levels.SelectMany(level => level.Subscripts()).ToList();
    }

    /// <summary>The variable of the last subscript of an element: <c>j</c> in <c>x[j]</c>; null for an expression or none.</summary>
    private static ISymbol? LastSubscript(IOperation element) =>
        element.Subscripts() is { IsEmpty: false } subscripts ? subscripts[subscripts.Length - 1].WalkDownConversions().StorageSymbol() : null;

    /// <summary>Names are secondary evidence: they only break a tie between two equally indexed factors.</summary>
    internal static bool NameSaysWeight(string name) =>
        !NameSaysBuffer(name)
        && (name.TrimStart('_') is "w" or "W" || name.TrimStart('_').Length <= 3 && name.TrimStart('_').StartsWith("w", StringComparison.OrdinalIgnoreCase) && name.TrimStart('_').Skip(1).All(char.IsDigit)
            || Contains(name, "weight") || Contains(name, "synap") || Contains(name, "kernel") || Contains(name, "filter"));

    /// <summary>Names that say "trainable weights" on their own; kernel and filter also name fixed image and signal filters.</summary>
    internal static bool NameSaysTrainableWeight(string name) => NameSaysWeight(name) && !Contains(name, "kernel") && !Contains(name, "filter");

    /// <summary>A name that says "trainable weights" on its own, or one the user listed in <c>init_analyzers.weight_names</c>.</summary>
    internal static bool NameSaysTrainableWeight(string name, InitOptions options) => NameSaysTrainableWeight(name) || options.IsWeightName(name);

    private static bool NameSaysBuffer(string name) =>
        Contains(name, "grad") || Contains(name, "delta") || Contains(name, "moment") || Contains(name, "velocit") || Contains(name, "error")
        || Contains(name, "cache") || Contains(name, "update") || Contains(name, "change");

    private static bool IsBackwardPass(ISymbol containingMember) => NameSaysTraining(containingMember.Name);

    /// <summary>Backpropagation and optimizer steps, by the method's name.</summary>
    internal static bool NameSaysEvolution(string name) =>
        Contains(name, "mutat") || Contains(name, "crossover") || Contains(name, "evolv") || Contains(name, "breed");

    internal static bool NameSaysTraining(string name) =>
        Contains(name, "back") || Contains(name, "grad") || Contains(name, "train") || Contains(name, "learn") || Contains(name, "delta") || Contains(name, "error")
        || Contains(name, "update") || Contains(name, "optimi") || Contains(name, "step") || Contains(name, "fit") || Contains(name, "adjust") || Contains(name, "descent");

    private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Activations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// A helper method the weights are handed to that only reads them, to compute the weighted sums of a layer from the array it
/// is given: <c>hidden = MultiplyArray(wih, input)</c> with
/// <c>float[] MultiplyArray(float[,] a, float[] b) { ... sum += a[i, j] * b[j]; ... result[i] = sum; ... return result; }</c>.
/// Each call is then a weighted sum of the array passed, with the call's own input and the local its result goes to
/// (and through an element-wise helper, <c>Sigmoid(hidden)</c>, to the next layer).
/// </summary>
internal sealed class WeightedSumHelper
{
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<(IMethodSymbol Method, int Ordinal), WeightedSumHelper?>> Known = new();

    private readonly IMethodSymbol method;
    private readonly ImmutableArray<WeightedSumUse> sums;
    private readonly ILocalSymbol? returned;

    private WeightedSumHelper(IMethodSymbol method, ImmutableArray<WeightedSumUse> sums, ILocalSymbol? returned)
    {
        this.method = method;
        this.sums = sums;
        this.returned = returned;
    }

    /// <summary>
    /// The helper <paramref name="argument"/> is given to, when it is declared in the same syntax tree (binding a body in another
    /// tree would cost a semantic model of its own), cannot be overridden, only reads the parameter (its elements, its lengths)
    /// and multiplies its elements in a weighted sum. Null for anything else, which may write the array.
    /// </summary>
    public static WeightedSumHelper? Of(IArgumentOperation argument)
    {
        // As the syntax gate finds it (ElementProducts): the array by its name, this.name or a row, written as an argument.
        if (argument.Syntax is not ArgumentSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax }
            || argument.Parent is not IInvocationOperation call || argument.Parameter is not { RefKind: RefKind.None or RefKind.In, Type: IArrayTypeSymbol } parameter
            || argument.Value.WalkDownConversions().Type is not IArrayTypeSymbol passed || ArrayShape.JaggedDepth(passed) != ArrayShape.JaggedDepth(parameter.Type)
            || call.SemanticModel is not { } model)
        {
            return null;
        }

        var method = call.TargetMethod;
        if (!HelperBodies.MayRead(method))
        {
            return null;
        }

        return Known.GetValue(model, _ => new ConcurrentDictionary<(IMethodSymbol, int), WeightedSumHelper?>())
            .GetOrAdd((method.OriginalDefinition, parameter.Ordinal), key => Read(key.Method, key.Method.Parameters[key.Ordinal], model));
    }

    private static WeightedSumHelper? Read(IMethodSymbol method, IParameterSymbol parameter, SemanticModel model)
    {
        if (HelperBodies.Bind(method, model) is not { } body)
        {
            return null;
        }

        var index = BodyIndex.Of(body);
        if (index.Writes(parameter))
        {
            return null; // a = Normalize(a): what follows reads another array
        }

        var depth = ArrayShape.JaggedDepth(parameter.Type);
        var sums = ImmutableArray.CreateBuilder<WeightedSumUse>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is not IParameterReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Parameter, parameter))
            {
                continue;
            }

            IOperation current = use;
            var indexed = 0;
            while (current.ElementOf() is { } element)
            {
                current = element;
                indexed++;
            }

            if (indexed == depth)
            {
                var read = current.WalkUpConversions();
                if (!ArrayUseClassifier.IsPlainRead(read))
                {
                    return null; // written, or handed on by reference
                }

                if (WeightedSumMatcher.Match(current, parameter, method) is { } sum)
                {
                    sums.Add(sum);
                }
            }
            else if (!IsLengthRead(current))
            {
                return null; // the array or a row handed on, aliased or returned: it may be written out of sight
            }
        }

        // A helper that only reads, but computes no weighted sum of the array (a stub, a printer), says nothing a hand-off does not.
        return sums.Count == 0 ? null : new WeightedSumHelper(method, sums.ToImmutable(), index.ReturnedLocal());
    }

    /// <summary><c>a.Length</c>, <c>a.GetLength(0)</c>, <c>a[i].Length</c>: the sizes, which cannot change the values.</summary>
    private static bool IsLengthRead(IOperation arrayOrRow) => arrayOrRow.WalkUpConversions().Parent switch
    {
        IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" or "Rank" } => true,
        IInvocationOperation { TargetMethod: { Name: "GetLength" or "GetLongLength" or "GetUpperBound" or "GetLowerBound", ContainingType.SpecialType: SpecialType.System_Array } } => true,
        _ => false,
    };

    /// <summary>
    /// The weighted sums <paramref name="call"/> computes from the array passed as the parameter this helper was read for, seen
    /// from <paramref name="caller"/>: the input is what the call passes for the helper's input, the outputs are where the result
    /// goes. <paramref name="leadingIndices"/> counts the subscripts already taken where a row of the weights is passed.
    /// </summary>
    public IEnumerable<WeightedSumUse> At(IInvocationOperation call, ISymbol caller, int leadingIndices)
    {
        foreach (var sum in sums)
        {
            var outputs = ImmutableArray.CreateBuilder<ISymbol>();
            var activation = sum.Activation;
            foreach (var output in sum.Outputs)
            {
                if (output is IParameterSymbol written && SymbolEqualityComparer.Default.Equals(written.ContainingSymbol, method) && Passed(call, written.Ordinal) is { } into)
                {
                    outputs.Add(into); // Multiply(w, x, into: h)
                }
                else if (returned is not null && SymbolEqualityComparer.Default.Equals(output, returned))
                {
                    var (receivers, mapped) = Receivers(call);
                    outputs.AddRange(receivers);
                    if (mapped is { } applied && activation is ActivationKind.Linear or ActivationKind.Unknown)
                    {
                        activation = applied; // h = Sigmoid(MultiplyArray(w, x)) or an element-wise helper of its result
                    }
                }
                else if (output is not ILocalSymbol and not IParameterSymbol)
                {
                    outputs.Add(output); // a field the helper writes
                }
            }

            var input = sum.Input is IParameterSymbol read && SymbolEqualityComparer.Default.Equals(read.ContainingSymbol, method) ? Passed(call, read.Ordinal) : sum.Input;
            yield return new WeightedSumUse(
                input,
                outputs.ToImmutable(),
                inBackwardPass: sum.InBackwardPass || WeightedSumMatcher.NameSaysTraining(caller.Name),
                activation,
                sum.InputIndexPosition + leadingIndices,
                method: caller.Name)
            {
                Where = MemberScope.Place(call.Syntax, caller.Name),
            };
        }
    }

    /// <summary>The array the call passes for the parameter at <paramref name="ordinal"/>: a field, a local or a parameter, a row's array.</summary>
    private static ISymbol? Passed(IInvocationOperation call, int ordinal)
    {
        var value = call.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == ordinal)?.Value.WalkDownConversions();
        return value switch
        {
            null => null,
            _ when value.IsElement() => value.ArrayStorage(),
            ILocalReferenceOperation { Local: var local } => BodyIndex.Of(value).AliasedArray(local) ?? local,
            _ => value.StorageSymbol(),
        };
    }

    /// <summary>
    /// Where the call's result goes: the local, field or array it is stored in, and the locals that receive an element-wise
    /// helper of it (<c>var h = Sigmoid(hiddenInputs);</c>) with the activation that helper applies when it is one.
    /// </summary>
    private static (List<ISymbol> Receivers, ActivationKind? Mapped) Receivers(IInvocationOperation call)
    {
        var receivers = new List<ISymbol>(2);
        ActivationKind? mapped = null;
        var value = (IOperation)call;
        while (true)
        {
            var use = value.WalkUpConversions();
            if (use.Parent is IArgumentOperation { Parent: IInvocationOperation outer } && outer.Arguments.Length == 1 && ElementWiseMap.Of(outer) is { } map)
            {
                mapped = Combine(mapped, map.Activation);
                value = outer; // Sigmoid(MultiplyArray(w, x))
                continue;
            }

            if (Receiver(use) is not { } receiver)
            {
                return (receivers, mapped);
            }

            receivers.Add(receiver);
            if (receiver is not ILocalSymbol local)
            {
                return (receivers, mapped);
            }

            // The local's one element-wise map, if any: hidden_output = sigmoid(hidden_inputs).
            var maps = BodyIndex.Of(call).References(local)
                .Select(reference => reference.WalkUpConversions().Parent is IArgumentOperation { Parent: IInvocationOperation outer } && outer.Arguments.Length == 1 && ElementWiseMap.Of(outer) is { } map ? (Call: outer, Map: map) : default)
                .Where(found => found.Map is not null)
                .ToList();
            if (maps.Count != 1)
            {
                return (receivers, mapped);
            }

            mapped = Combine(mapped, maps[0].Map.Activation);
            value = maps[0].Call;
        }
    }

    private static ActivationKind Combine(ActivationKind? before, ActivationKind applied) =>
        before is null or ActivationKind.Linear ? applied : applied == ActivationKind.Linear ? before.Value : ActivationKind.Unknown;

    /// <summary>The local, field or property (or the array of an element) a value is stored in.</summary>
    private static ISymbol? Receiver(IOperation use) => use.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { RefKind: RefKind.None } local } } => local,
        ISimpleAssignmentOperation { IsRef: false, Target: var element } assignment when assignment.Value == use && element.IsElement() => element.ArrayStorage(),
        ISimpleAssignmentOperation { IsRef: false } assignment when assignment.Value == use => assignment.Target.StorageSymbol(),
        _ => null,
    };
}

/// <summary>
/// A helper that applies a function to each element of an array and returns the results in a new one:
/// <c>float[] Sigmoid(float[] a) { var r = new float[a.Length]; for (...) r[i] = 1 / (1 + Math.Exp(-a[i])); return r; }</c>.
/// </summary>
internal sealed class ElementWiseMap
{
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<IMethodSymbol, ElementWiseMap?>> Known = new();

    private ElementWiseMap(ActivationKind activation) => Activation = activation;

    /// <summary>What the helper applies to each element; unknown when it writes its result in several ways or in an unknown one.</summary>
    public ActivationKind Activation { get; }

    /// <summary>The map <paramref name="call"/> runs, when it is one declared in the same syntax tree; null for anything else.</summary>
    public static ElementWiseMap? Of(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (call.SemanticModel is not { } model || method.Parameters.Length != 1 || method.Parameters[0] is not { RefKind: RefKind.None, Type: IArrayTypeSymbol parameterType }
            || !ArrayShape.IsFloatingArray(method.ReturnType) || ArrayShape.JaggedDepth(method.ReturnType) != ArrayShape.JaggedDepth(parameterType)
            || !HelperBodies.MayRead(method))
        {
            return null;
        }

        return Known.GetValue(model, _ => new ConcurrentDictionary<IMethodSymbol, ElementWiseMap?>(SymbolEqualityComparer.Default))
            .GetOrAdd(method.OriginalDefinition, helper => Read(helper, model));
    }

    private static ElementWiseMap? Read(IMethodSymbol method, SemanticModel model)
    {
        if (HelperBodies.Bind(method, model) is not { } body)
        {
            return null;
        }

        var index = BodyIndex.Of(body);
        if (index.ReturnedLocal() is not { } result || index.SingleValue(result)?.WalkDownConversions() is not IArrayCreationOperation)
        {
            return null; // a new array of results, not the one given
        }

        var parameter = method.Parameters[0];
        var kinds = new List<ActivationKind>();
        foreach (var assignment in index.Assignments)
        {
            if (assignment.Target.IsElement() && SymbolEqualityComparer.Default.Equals(assignment.Target.ArrayStorage(), result))
            {
                kinds.Add(assignment.Value.References(parameter) ? HandWrittenActivations.Recognize(assignment.Value, parameter) : ActivationKind.Unknown);
            }
        }

        return kinds.Count == 0 ? null : new ElementWiseMap(HandWrittenActivations.Unanimous(kinds));
    }
}

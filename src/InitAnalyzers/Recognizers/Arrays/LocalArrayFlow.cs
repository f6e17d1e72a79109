using System.Collections.Generic;
using System.Linq;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Follows an array that is built in locals before it is stored: <c>var row = new float[n]; row[k] = draw; rows.Add(row);
/// weights = rows.ToArray();</c>. The writes to the locals become evidence about the stored array; any use of a local
/// that could change it out of sight (a hand-off, a ref, an alias kept elsewhere) makes it an escape. An array a helper
/// builds and returns (<c>w = RandomArray(n, m)</c>, <see cref="ArrayFactory"/>) is followed in the helper the same way, with
/// the numbers the call gives its parameters, and what it writes counts as written where the helper is called.
/// </summary>
internal static class LocalArrayFlow
{
    /// <summary>How many helpers deep an array built by helpers that call helpers is followed.</summary>
    private const int MaxFactoryDepth = 3;

    /// <summary>
    /// True when <paramref name="value"/> is a local array, a local <c>List&lt;T&gt;</c> turned into an array, one of those,
    /// or the array a helper builds and returns, and its contents were classified into <paramref name="storage"/>.
    /// <paramref name="parameters"/> are the numbers a call gives the helper <paramref name="value"/> is in, if it is in one.
    /// </summary>
    public static bool TryClassify(IOperation value, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters = null) =>
        TryClassify(value, storage, field, containingMember, parameters, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private static bool TryClassify(IOperation value, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters, HashSet<ISymbol> visited)
    {
        var local = ListOrArrayLocal(value);
        if (local is not null)
        {
            Follow(local, value, factory: null, storage, field, containingMember, parameters, visited);
            return true;
        }

        if (value.WalkDownConversions() is not IInvocationOperation call || ArrayFactory.Of(call) is not { } factory)
        {
            return false;
        }

        if (visited.Count(symbol => symbol is IMethodSymbol) >= MaxFactoryDepth || !visited.Add(call.TargetMethod.OriginalDefinition))
        {
            storage.Writes.Add(new InitEvidence(EvidenceKind.ValueWrite, call.Syntax.GetLocation()));
            return true;
        }

        // The helper's writes are judged where it is called: the call is what gives this array its values.
        var found = new StorageEvidence(field);
        Follow(factory.Local, factory.Returns[0], factory, found, field, containingMember, ParameterValues.Of(call, parameters), visited);
        var location = call.Syntax.GetLocation();
        foreach (var write in found.Writes)
        {
            storage.Writes.Add(write.At(location));
        }

        visited.Remove(call.TargetMethod.OriginalDefinition);
        visited.Remove(factory.Local);
        return true;
    }

    /// <summary><c>local</c> or <c>local.ToArray()</c>, for a local array or list of numbers or of arrays.</summary>
    private static ILocalSymbol? ListOrArrayLocal(IOperation value) => value.WalkDownConversions() switch
    {
        ILocalReferenceOperation { Local: var local } when ArrayShape.IsFloatingArray(local.Type) => local,
        IInvocationOperation { TargetMethod.Name: "ToArray", Instance: ILocalReferenceOperation { Local: var list }, Arguments.Length: 0 } when IsListOfArraysOrNumbers(list.Type) => list,
        _ => null,
    };

    private static bool IsListOfArraysOrNumbers(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "List", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } } list
        && (ArrayShape.IsFloatingArray(list.TypeArguments[0]) || IsListOfArraysOrNumbers(list.TypeArguments[0]) || list.TypeArguments[0].SpecialType is SpecialType.System_Double or SpecialType.System_Single);

    private static void Follow(ILocalSymbol local, IOperation origin, ArrayFactory? factory, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters, HashSet<ISymbol> visited)
    {
        if (!visited.Add(local))
        {
            return;
        }

        var body = BodyIndex.Of(origin);
        var depth = local.Type is IArrayTypeSymbol ? ArrayShape.JaggedDepth(local.Type) : 0;
        foreach (var declarator in body.Declarators(local))
        {
            if (declarator.GetVariableInitializer() is { Value: var initial })
            {
                Contents(initial, storage, field, containingMember, parameters, visited);
            }
        }

        foreach (var reference in body.References(local))
        {
            if (factory is null ? origin.DescendantsAndSelf().Contains(reference) : factory.IsReturned(reference))
            {
                continue; // the use that stores it, or the helper's return that hands it over
            }

            if (local.Type is IArrayTypeSymbol)
            {
                FollowArrayUse(reference, depth, storage, field, containingMember, parameters, visited);
            }
            else
            {
                FollowListUse(reference, storage, field, containingMember, parameters, visited);
            }
        }
    }

    /// <summary>What a value put into the stored array contributes: an allocation, a literal, another local, or unknown values.</summary>
    private static void Contents(IOperation value, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters, HashSet<ISymbol> visited)
    {
        if (TryClassify(value, storage, field, containingMember, parameters, visited))
        {
            return;
        }

        if (value.WalkDownConversions() is IObjectCreationOperation { Initializer: null, Arguments.Length: 0 } creation && IsListOfArraysOrNumbers(creation.Type!))
        {
            return; // an empty list: its contents are what is added to it
        }

        ArrayUseClassifier.ClassifyAssignedValue(value, storage, field, containingMember, parameters);
    }

    private static void FollowArrayUse(ILocalReferenceOperation reference, int depth, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters, HashSet<ISymbol> visited)
    {
        IOperation current = reference;
        var indexed = 0;
        while (current.Parent is IArrayElementReferenceOperation element && element.ArrayReference == current)
        {
            current = element;
            indexed++;
        }

        var use = current.WalkUpConversions();
        switch (use.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                if (indexed == depth)
                {
                    ArrayUseClassifier.ClassifyElementValue((IArrayElementReferenceOperation)current, assignment, storage, field, parameters);
                }
                else
                {
                    Contents(assignment.Value, storage, field, containingMember, parameters, visited);
                }

                return;
            case IArgumentOperation argument when indexed < depth:
                ArrayUseClassifier.ClassifyArgument(argument, storage);
                return;
            case IPropertyReferenceOperation:
                return; // Length
            case IInvocationOperation invocation when invocation.Instance == use && invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_Array:
                return; // GetLength
            default:
                if (indexed == depth && ArrayUseClassifier.IsPlainRead(use))
                {
                    return;
                }

                if (indexed == 0 && use.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" } add } && add.Instance is ILocalReferenceOperation)
                {
                    return; // rows.Add(row): followed from the list
                }

                storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, use.Syntax.GetLocation()));
                return;
        }
    }

    private static void FollowListUse(ILocalReferenceOperation reference, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, ParameterValues? parameters, HashSet<ISymbol> visited)
    {
        switch (reference.Parent)
        {
            case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add when add.Instance == reference:
                Contents(add.Arguments[0].Value, storage, field, containingMember, parameters, visited);
                return;
            case IInvocationOperation { TargetMethod.Name: "ToArray" or "Clear", Arguments.Length: 0 } call when call.Instance == reference:
                return; // ToArray is the stored copy; Clear empties the list before it is refilled
            case IPropertyReferenceOperation { Property.Name: "Count" }:
                return;
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                Contents(assignment.Value, storage, field, containingMember, parameters, visited);
                return;
            default:
                storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, reference.Syntax.GetLocation()));
                return;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Follows an array that is built in locals before it is stored: <c>var row = new float[n]; row[k] = draw; rows.Add(row);
/// weights = rows.ToArray();</c>. The writes to the locals become evidence about the stored array; any use of a local
/// that could change it out of sight (a hand-off, a ref, an alias kept elsewhere) makes it an escape.
/// </summary>
internal static class LocalArrayFlow
{
    /// <summary>
    /// True when <paramref name="value"/> is a local array, a local <c>List&lt;T&gt;</c> turned into an array, or one of
    /// those, and its contents were classified into <paramref name="storage"/>.
    /// </summary>
    public static bool TryClassify(IOperation value, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember)
    {
        var local = ListOrArrayLocal(value);
        if (local is null)
        {
            return false;
        }

        Follow(local, value, storage, field, containingMember, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));
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

    private static void Follow(ILocalSymbol local, IOperation origin, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, HashSet<ILocalSymbol> visited)
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
                Contents(initial, storage, field, containingMember, visited);
            }
        }

        foreach (var reference in body.References(local))
        {
            if (origin.DescendantsAndSelf().Contains(reference))
            {
                continue; // the use that stores it
            }

            if (local.Type is IArrayTypeSymbol)
            {
                FollowArrayUse(reference, depth, storage, field, containingMember, visited);
            }
            else
            {
                FollowListUse(reference, storage, field, containingMember, visited);
            }
        }
    }

    /// <summary>What a value put into the stored array contributes: an allocation, a literal, another local, or unknown values.</summary>
    private static void Contents(IOperation value, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, HashSet<ILocalSymbol> visited)
    {
        if (ListOrArrayLocal(value) is { } inner)
        {
            Follow(inner, value, storage, field, containingMember, visited);
            return;
        }

        if (value.WalkDownConversions() is IObjectCreationOperation { Initializer: null, Arguments.Length: 0 } creation && IsListOfArraysOrNumbers(creation.Type!))
        {
            return; // an empty list: its contents are what is added to it
        }

        ArrayUseClassifier.ClassifyAssignedValue(value, storage, field, containingMember);
    }

    private static void FollowArrayUse(ILocalReferenceOperation reference, int depth, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, HashSet<ILocalSymbol> visited)
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
                    ArrayUseClassifier.ClassifyElementValue((IArrayElementReferenceOperation)current, assignment, storage, field);
                }
                else
                {
                    Contents(assignment.Value, storage, field, containingMember, visited);
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

    private static void FollowListUse(ILocalReferenceOperation reference, StorageEvidence storage, IFieldSymbol field, ISymbol containingMember, HashSet<ILocalSymbol> visited)
    {
        switch (reference.Parent)
        {
            case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add when add.Instance == reference:
                Contents(add.Arguments[0].Value, storage, field, containingMember, visited);
                return;
            case IInvocationOperation { TargetMethod.Name: "ToArray" or "Clear", Arguments.Length: 0 } call when call.Instance == reference:
                return; // ToArray is the stored copy; Clear empties the list before it is refilled
            case IPropertyReferenceOperation { Property.Name: "Count" }:
                return;
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                Contents(assignment.Value, storage, field, containingMember, visited);
                return;
            default:
                storage.Writes.Add(new InitEvidence(EvidenceKind.Escape, reference.Syntax.GetLocation()));
                return;
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Facts about one method body (or initializer) computed once and shared by every question asked about it: the
/// assignments and returns in it, and the value of each local assigned exactly once. Without it, each weight
/// element would walk its whole body again, which is quadratic in large numeric methods.
/// </summary>
internal sealed class BodyIndex
{
    private static readonly ConditionalWeakTable<IOperation, BodyIndex> Cache = new();

    private readonly Dictionary<ILocalSymbol, IOperation?> singleValues;
    private readonly ImmutableArray<IOperation> operations;
    private ILookup<ISymbol?, ILocalReferenceOperation>? localReferences;

    private BodyIndex(IOperation root)
    {
        operations = root.DescendantsAndSelf().ToImmutableArray();
        Assignments = operations.OfType<ISimpleAssignmentOperation>().ToImmutableArray();
        Returns = operations.OfType<IReturnOperation>().ToImmutableArray();
        singleValues = new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Record(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Record(target.Local, assignment.Value);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                    singleValues[target.Local] = null;
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                    singleValues[target.Local] = null;
                    break;
            }
        }
    }

    public ImmutableArray<ISimpleAssignmentOperation> Assignments { get; }

    public ImmutableArray<IReturnOperation> Returns { get; }

    public static BodyIndex Of(IOperation operation) => Cache.GetValue(operation.Root(), root => new BodyIndex(root));

    /// <summary>The declarations of <paramref name="local"/> in this body (one, unless the code is broken).</summary>
    public IEnumerable<IVariableDeclaratorOperation> Declarators(ILocalSymbol local) =>
        operations.OfType<IVariableDeclaratorOperation>().Where(declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, local));

    /// <summary>Every reference to <paramref name="local"/> in this body, in source order.</summary>
    public IEnumerable<ILocalReferenceOperation> References(ILocalSymbol local)
    {
        localReferences ??= operations.OfType<ILocalReferenceOperation>().ToLookup(reference => (ISymbol?)reference.Local, SymbolEqualityComparer.Default);
        return localReferences[local];
    }

    /// <summary>The value of a local that is assigned exactly once in this body; null otherwise.</summary>
    public IOperation? SingleValue(ILocalSymbol local) => singleValues.TryGetValue(local, out var value) ? value : null;

    private void Record(ILocalSymbol local, IOperation value) =>
        singleValues[local] = singleValues.ContainsKey(local) ? null : value;
}

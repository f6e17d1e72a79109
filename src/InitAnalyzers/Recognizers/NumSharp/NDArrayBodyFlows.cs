using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>One value stored into a local, parameter, field or property (<c>var h = ...</c>, <c>x = ...</c>, <c>this.h += ...</c>), or returned (no target).</summary>
internal readonly struct NDArrayFlow
{
    public NDArrayFlow(ISymbol? target, IOperation value, int position)
    {
        Target = target;
        Value = value;
        Position = position;
    }

    /// <summary>The local, parameter, field or property that receives the value; null for a <c>return</c>.</summary>
    public ISymbol? Target { get; }

    public IOperation Value { get; }

    /// <summary>Where the store completes: reads at or after this position see the new value.</summary>
    public int Position { get; }
}

/// <summary>
/// The flows of one method body, computed once and shared by every question about it: which values go into which
/// locals and members, and which are returned. Element and indexer writes are left out: they name no new value.
/// </summary>
internal static class NDArrayBodyFlows
{
    private static readonly ConditionalWeakTable<IOperation, FlowList> Cache = new();

    public static ImmutableArray<NDArrayFlow> Of(IOperation operation) => Cache.GetValue(operation.Root(), root => new FlowList(Collect(root))).Flows;

    private static ImmutableArray<NDArrayFlow> Collect(IOperation root)
    {
        var builder = ImmutableArray.CreateBuilder<NDArrayFlow>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                    builder.Add(new NDArrayFlow(declarator.Symbol, value, declarator.Syntax.Span.End));
                    break;
                case IAssignmentOperation { Target: var target, Value: var value } assignment when TargetOf(target) is { } symbol:
                    builder.Add(new NDArrayFlow(symbol, value, assignment.Syntax.Span.End));
                    break;
                case IReturnOperation { ReturnedValue: { } returned } statement:
                    builder.Add(new NDArrayFlow(null, returned, statement.Syntax.Span.End));
                    break;
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>A local, parameter, field or (non-indexer) property; an indexer would stand for every array it is called on.</summary>
    public static ISymbol? TargetOf(IOperation target) => target.WalkDownConversions() switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true } => null,
        var other => other.StorageSymbol(),
    };

    /// <summary>The symbol a read names (<c>h</c>, <c>this.h</c>); null for indexers, which stand for every array.</summary>
    public static ISymbol? ReadOf(IOperation operation) =>
        operation is IPropertyReferenceOperation { Property.IsIndexer: true } ? null : operation.StorageSymbol();

    private sealed class FlowList
    {
        public FlowList(ImmutableArray<NDArrayFlow> flows) => Flows = flows;

        public ImmutableArray<NDArrayFlow> Flows { get; }
    }
}

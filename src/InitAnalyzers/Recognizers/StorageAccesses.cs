using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// The references to a type's followed storages (fields, auto-properties, their aliases) and their initializers, gathered
/// from each member's code and handed back in source order at the end of the type.
/// One callback per member instead of one per reference, since the analyzer driver's bookkeeping and timing of each callback
/// cost more than the walk; and no lock, since the members' callbacks may run concurrently and the uses are classified at the
/// end, one after the other, in the same order whatever the threads did.
/// </summary>
internal sealed class StorageAccesses
{
    private readonly Func<ISymbol, bool> isFollowed;
    private readonly ConcurrentQueue<(IOperation Operation, ISymbol Owner)> found = new();

    public StorageAccesses(Func<ISymbol, bool> isFollowed) => this.isFollowed = isFollowed;

    /// <summary>An operation block action: records the uses of followed storages in one member's code.</summary>
    public void Collect(OperationBlockAnalysisContext context)
    {
        var pending = new Stack<IOperation>();
        foreach (var block in context.OperationBlocks)
        {
            pending.Push(block);
            while (pending.Count > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var operation = pending.Pop();
                var followed = operation switch
                {
                    IFieldReferenceOperation field => isFollowed(field.Field.OriginalDefinition),
                    IPropertyReferenceOperation property => isFollowed(property.Property.OriginalDefinition),
                    IFieldInitializerOperation initializer => initializer.InitializedFields.Any(field => isFollowed(field.OriginalDefinition)),
                    IPropertyInitializerOperation initializer => initializer.InitializedProperties.Any(property => isFollowed(property.OriginalDefinition)),
                    _ => false,
                };
                if (followed)
                {
                    found.Enqueue((operation, context.OwningSymbol));
                }

                foreach (var child in operation.ChildOperations.Reverse())
                {
                    pending.Push(child); // the first child on top: visited in source order
                }
            }
        }
    }

    /// <summary>
    /// Hands every recorded use back by file and position: a reference with the storage it names and the member whose code
    /// holds it; an initializer with the members it initializes, its value and the member it belongs to.
    /// </summary>
    public void Replay(Action<IOperation, ISymbol, ISymbol> onReference, Action<ImmutableArray<ISymbol>, IOperation, ISymbol> onInitializer)
    {
        foreach (var (operation, owner) in found.OrderBy(access => access.Operation.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(access => access.Operation.Syntax.SpanStart))
        {
            switch (operation)
            {
                case IFieldInitializerOperation field:
                    onInitializer(field.InitializedFields.CastArray<ISymbol>(), field.Value, owner);
                    break;
                case IPropertyInitializerOperation property:
                    onInitializer(property.InitializedProperties.CastArray<ISymbol>(), property.Value, owner);
                    break;
                case IFieldReferenceOperation field:
                    onReference(field, field.Field.OriginalDefinition, owner);
                    break;
                case IPropertyReferenceOperation property:
                    onReference(property, property.Property.OriginalDefinition, owner);
                    break;
            }
        }
    }
}

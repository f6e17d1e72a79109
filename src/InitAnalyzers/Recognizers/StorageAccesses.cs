using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// The references to a type's followed storages (fields, auto-properties, their aliases) and their initializers, gathered
/// from each member's code (<see cref="TypeBlocks"/>) and handed back in source order.
/// </summary>
internal sealed class StorageAccesses<TEvidence>
{
    private readonly IReadOnlyDictionary<ISymbol, TEvidence> storages;
    private readonly List<(IOperation Operation, ISymbol Owner)> found = new();

    /// <param name="storages">The evidence of each followed member, by its original definition.</param>
    public StorageAccesses(IReadOnlyDictionary<ISymbol, TEvidence> storages) => this.storages = storages;

    /// <summary>Records the uses of followed storages in the code of every member that names one.</summary>
    public void Collect(TypeBlocks code, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(storages.Keys.Select(storage => storage.Name), StringComparer.Ordinal);
        foreach (var member in code.Mentioning(names))
        {
            Collect(member, cancellationToken);
        }
    }

    private void Collect(MemberBlocks member, CancellationToken cancellationToken)
    {
        var pending = new Stack<IOperation>();
        foreach (var block in member.Blocks)
        {
            pending.Push(block);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var operation = pending.Pop();
                var followed = operation switch
                {
                    IFieldReferenceOperation field => storages.ContainsKey(field.Field.OriginalDefinition),
                    IPropertyReferenceOperation property => storages.ContainsKey(property.Property.OriginalDefinition),
                    IFieldInitializerOperation initializer => initializer.InitializedFields.Any(field => storages.ContainsKey(field.OriginalDefinition)),
                    IPropertyInitializerOperation initializer => initializer.InitializedProperties.Any(property => storages.ContainsKey(property.OriginalDefinition)),
                    _ => false,
                };
                if (followed)
                {
                    found.Add((operation, member.Owner));
                }

                foreach (var child in operation.ChildOperations.Reverse())
                {
                    pending.Push(child); // the first child on top: visited in source order
                }
            }
        }
    }

    /// <summary>
    /// Hands every recorded use back by file and position: a reference with the evidence of the storage it names and the
    /// member whose code holds it; an initializer's value with the evidence of each followed member it initializes.
    /// </summary>
    public void Replay(Action<IOperation, TEvidence, ISymbol> onReference, Action<IOperation, TEvidence, ISymbol> onInitializer)
    {
        foreach (var (operation, owner) in found.OrderBy(access => access.Operation.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(access => access.Operation.Syntax.SpanStart))
        {
            var (initialized, value) = operation switch
            {
                IFieldInitializerOperation field => (field.InitializedFields.CastArray<ISymbol>(), field.Value),
                IPropertyInitializerOperation property => (property.InitializedProperties.CastArray<ISymbol>(), property.Value),
                _ => (ImmutableArray<ISymbol>.Empty, null),
            };
            if (value is not null)
            {
                foreach (var member in initialized)
                {
                    if (storages.TryGetValue(member.OriginalDefinition, out var evidence))
                    {
                        onInitializer(value, evidence, owner);
                    }
                }

                continue;
            }

            var symbol = operation switch
            {
                IFieldReferenceOperation field => field.Field.OriginalDefinition,
                IPropertyReferenceOperation property => (ISymbol)property.Property.OriginalDefinition,
                _ => null,
            };
            if (symbol is not null && storages.TryGetValue(symbol, out var named))
            {
                onReference(operation, named, owner);
            }
        }
    }
}

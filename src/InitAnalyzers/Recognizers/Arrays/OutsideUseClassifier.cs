using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Classifies the uses of a non-private weight array made outside its type: a neuron class whose weights are summed by
/// its layer or network (<c>sum += neurons[i].Weights[j] * x[j]</c>), a base class whose derived class computes the
/// output, a trainer that updates them. Each use goes through the same <see cref="ArrayUseClassifier"/> as the type's own.
/// </summary>
internal static class OutsideUseClassifier
{
    /// <summary>Beyond this many uses by name elsewhere, the array is not followed: a name that common says nothing, and costs.</summary>
    public const int MaxOutsideUses = 200;

    /// <summary>
    /// True when a use outside the weights' type (or in a type nested in it) looks, from syntax alone, like a factor
    /// of a product: only then is it worth binding the other types' code.
    /// </summary>
    public static bool MayBeSummedOutside(IEnumerable<IdentifierNameSyntax> outsideUses) =>
        outsideUses.Any(use => IsFactor(use));

    /// <summary>
    /// Classifies every outside use of <paramref name="members"/> into <paramref name="storage"/>. False when a use
    /// cannot be followed (too many, or code that does not bind): the caller then claims nothing about the values.
    /// </summary>
    public static bool TryClassify(StorageEvidence storage, IReadOnlyCollection<ISymbol> members, IReadOnlyList<IdentifierNameSyntax> outsideUses, Compilation compilation, CancellationToken cancellationToken)
    {
        if (outsideUses.Count > MaxOutsideUses)
        {
            return false;
        }

        // Plain element reads that multiply nothing teach nothing: only products, writes and hand-offs are bound.
        var depth = ArrayShape.JaggedDepth(storage.Field.Type);
        foreach (var group in outsideUses.Where(use => IsFactor(use) || !ExternalUses.IsPlainRead(use, depth)).GroupBy(use => use.SyntaxTree))
        {
            // The driver's semantic model provider caches models per tree, so this binds no more than the build already does.
#pragma warning disable RS1030 // uses in other types are outside this symbol's operation actions
            var model = compilation.GetSemanticModel(group.Key);
#pragma warning restore RS1030
            foreach (var use in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var node = use.Parent is MemberAccessExpressionSyntax access && access.Name == use ? access : (SyntaxNode)use;
                var operation = model.GetOperation(node, cancellationToken);
                var symbol = operation switch
                {
                    IFieldReferenceOperation field => field.Field.OriginalDefinition,
                    IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                    _ => model.GetSymbolInfo(use, cancellationToken).Symbol?.OriginalDefinition,
                };
                if (symbol is null || !members.Contains(symbol, SymbolEqualityComparer.Default))
                {
                    continue; // another member by the same name
                }

                if (operation is not (IFieldReferenceOperation or IPropertyReferenceOperation) || operation.Parent is null)
                {
                    return false; // nameof, a conditional access, broken code: not followed
                }

                var member = EnclosingMember(model, use, cancellationToken);
                var before = storage.Writes.Count;
                ArrayUseClassifier.Classify(operation, storage, storage.Field, member);
                for (var i = before; i < storage.Writes.Count; i++)
                {
                    storage.Writes[i] = storage.Writes[i].In(member);
                }
            }
        }

        return true;
    }

    /// <summary>The method, accessor or constructor a use is in; a lambda's or local function's container, as operation actions see it.</summary>
    private static ISymbol EnclosingMember(SemanticModel model, SyntaxNode use, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(use.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction, ContainingSymbol: { } container })
        {
            symbol = container;
        }

        return symbol ?? model.Compilation.Assembly;
    }

    private static bool IsFactor(IdentifierNameSyntax use)
    {
        SyntaxNode current = use.Parent is MemberAccessExpressionSyntax access && access.Name == use ? access : use;
        while (current.Parent is ElementAccessExpressionSyntax element && element.Expression == current || current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            current = current.Parent!;
        }

        return current.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.MultiplyExpression);
    }
}

using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>
/// Judges, from syntax alone, whether a use of a non-private <c>NDArray</c> member from another type can change its values.
/// Only reads of its shape, products and arithmetic, and <c>np</c> functions that do not write, are harmless; anything else
/// (an assignment, an element write, an alias, a hand-off to other code) may fill the array.
/// </summary>
internal static class NDArrayExternalUses
{
    private static readonly ImmutableHashSet<string> ReadingMembers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "shape", "Shape", "size", "ndim", "dtype", "T", "dot", "astype", "copy", "Clone", "reshape", "transpose", "flatten", "ravel",
        "ToString", "sum", "mean", "max", "min", "argmax", "argmin", "std", "var", "ToArray", "ToMuliDimArray", "GetDouble", "GetSingle");

    private static readonly ImmutableHashSet<string> WritingFunctions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "copyto", "put", "place", "putmask", "fill_diagonal", "shuffle");

    public static bool IsPlainRead(IdentifierNameSyntax name)
    {
        // x.W, or W by its simple name (a derived class, using static); x?.W and object initializers count as writes.
        ExpressionSyntax? current = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } => null,
            _ => name,
        };
        while (current?.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized;
        }

        switch (current?.Parent)
        {
            case null:
                return false;
            case MemberAccessExpressionSyntax member when member.Expression == current:
                return ReadingMembers.Contains(member.Name.Identifier.ValueText);
            case ElementAccessExpressionSyntax element when element.Expression == current:
                return element.Parent is not (AssignmentExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None });
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument when argument.RefKindKeyword.IsKind(SyntaxKind.None):
                return invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "np" }, Name: var function }
                    && !WritingFunctions.Contains(function.Identifier.ValueText);
            case BinaryExpressionSyntax or InterpolationSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression }:
                return true;
            default:
                return false;
        }
    }
}

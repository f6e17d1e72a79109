using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Judges, from syntax alone, whether a use of a non-private array field from another type can change its values.
/// Only plain element reads and length queries are harmless; anything else (a write, a hand-off, an alias) may fill the array.
/// </summary>
internal static class ExternalUses
{
    public static bool IsPlainRead(IdentifierNameSyntax name, int jaggedDepth)
    {
        if (name.Parent is not MemberAccessExpressionSyntax access)
        {
            return false; // x?.w and object initializers: treat as writes
        }

        ExpressionSyntax current = access;
        var indexed = 0;
        while (current.Parent is ElementAccessExpressionSyntax element && element.Expression == current)
        {
            current = element;
            indexed++;
        }

        if (current.Parent is MemberAccessExpressionSyntax member && member.Expression == current
            && member.Name.Identifier.ValueText is "Length" or "LongLength" or "Rank" or "GetLength" or "GetLongLength" or "GetUpperBound" or "GetLowerBound")
        {
            return true;
        }

        if (indexed != jaggedDepth)
        {
            return false;
        }

        return current.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Right == current,
            PrefixUnaryExpressionSyntax prefix => !prefix.IsKind(SyntaxKind.PreIncrementExpression) && !prefix.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax => false,
            ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.None),
            _ => true,
        };
    }
}

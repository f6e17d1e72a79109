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
        // x.w, or w by its simple name (a derived class, using static); x?.w and object initializers count as writes.
        ExpressionSyntax current = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } => null!,
            _ => name,
        };
        if (current is null)
        {
            return false;
        }

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
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.UnaryMinusExpression) || prefix.IsKind(SyntaxKind.UnaryPlusExpression),
            PostfixUnaryExpressionSyntax => false,
            ArgumentSyntax { Parent: TupleExpressionSyntax } => false, // (w[0], w[1]) = ...
            ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => false,
            BinaryExpressionSyntax or ReturnStatementSyntax or EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax } or InterpolationSyntax or ConditionalExpressionSyntax or CastExpressionSyntax or ParenthesizedExpressionSyntax => true,
            _ => false,
        };
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// Judges, from syntax alone, whether a use of a non-private matrix field from another type can change its values.
/// MathNet matrices are mutable, so only products, sizes, element reads and calls that create new matrices are harmless.
/// </summary>
internal static class MatrixExternalUses
{
    public static bool IsPlainRead(IdentifierNameSyntax name)
    {
        // x.W, or W by its simple name (a derived class, using static); x?.W and object initializers count as writes.
        ExpressionSyntax? current = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } => null,
            _ => name,
        };
        if (current is null)
        {
            return false;
        }

        while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized;
        }

        switch (current.Parent)
        {
            case BinaryExpressionSyntax or InterpolationSyntax:
                return true;
            case MemberAccessExpressionSyntax access when access.Expression == current:
                return IsReadingMember(access);
            case ElementAccessExpressionSyntax element when element.Expression == current:
                return IsElementRead(element);
            case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax called } } list } argument when list.Arguments[0] == argument:
                return called.Name.Identifier.ValueText is "Multiply" or "TransposeThisAndMultiply" or "TransposeAndMultiply" or "LeftMultiply" or "DotProduct" or "Add" or "Subtract";
            default:
                return false;
        }
    }

    /// <summary><c>x.W.RowCount</c>, <c>x.W.Multiply(v)</c>, <c>x.W.Transpose()</c>: reads; <c>x.W.Clear()</c>, <c>SetRow</c>, <c>MapInplace</c>, <c>AsArray</c>: may write.</summary>
    private static bool IsReadingMember(MemberAccessExpressionSyntax access)
    {
        var member = access.Name.Identifier.ValueText;
        if (access.Parent is not InvocationExpressionSyntax)
        {
            return member is "RowCount" or "ColumnCount" or "Count";
        }

        return member is "Multiply" or "TransposeThisAndMultiply" or "TransposeAndMultiply" or "LeftMultiply" or "DotProduct" or "Transpose"
            or "Clone" or "ToString" or "Map" or "Add" or "Subtract" or "Row" or "Column" or "ToArray" or "ToColumnMajorArray" or "ToRowMajorArray" or "Enumerate";
    }

    private static bool IsElementRead(ElementAccessExpressionSyntax element) => element.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Right == element,
        PostfixUnaryExpressionSyntax or RefExpressionSyntax => false,
        PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.UnaryMinusExpression) || prefix.IsKind(SyntaxKind.UnaryPlusExpression),
        ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.None) && argument.Parent is not TupleExpressionSyntax,
        _ => true,
    };
}

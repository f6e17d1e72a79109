using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// The names of the arrays whose elements a type's code multiplies (<c>w[i, j] * x[j]</c>, <c>(float)weights[n][k] * inputs[k]</c>):
/// the syntax every weighted sum needs. Read from syntax before anything is bound, so a type of numeric code without one
/// costs nothing more.
/// </summary>
internal static class ElementProducts
{
    public static HashSet<string> FactorNames(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            // Only the tokens at a '*' in the text are looked at: most of a type's syntax is never visited.
            foreach (var token in TextSearch.TokensAt(reference, "*", cancellationToken))
            {
                if (token.IsKind(SyntaxKind.AsteriskToken) && token.Parent is BinaryExpressionSyntax product && product.IsKind(SyntaxKind.MultiplyExpression))
                {
                    AddArrayName(product.Left, names);
                    AddArrayName(product.Right, names);
                }
            }
        }

        return names;
    }

    private static void AddArrayName(ExpressionSyntax factor, HashSet<string> names)
    {
        while (true)
        {
            switch (factor)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    factor = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    factor = cast.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    factor = @checked.Expression;
                    continue;
            }

            break;
        }

        if (factor is not ElementAccessExpressionSyntax element)
        {
            return;
        }

        var array = element.Expression;
        while (array is ElementAccessExpressionSyntax row)
        {
            array = row.Expression; // weights[n][k]: the field is the innermost
        }

        var name = array switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not null)
        {
            names.Add(name);
        }
    }
}

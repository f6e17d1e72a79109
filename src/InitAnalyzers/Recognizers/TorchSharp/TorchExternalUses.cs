using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>How code outside a model uses one of its members: a plain use (<c>model.fc1.forward(x)</c>) or one that may write its parameters.</summary>
internal static class TorchExternalUses
{
    /// <summary>
    /// False for an assignment to the member, for reaching its parameters (<c>model.fc1.weight</c>, <c>bias</c>, <c>parameters()</c>,
    /// <c>apply</c>, <c>load</c>), for an in-place method on it and for handing it to a method; true for the rest.
    /// </summary>
    public static bool IsPlainRead(IdentifierNameSyntax use)
    {
        SyntaxNodeOrSelf(use, out var expression);
        switch (expression.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                return false;
            case ArgumentSyntax:
                return false;
            case MemberAccessExpressionSyntax access when access.Expression == expression:
                var name = access.Name.Identifier.ValueText;
                return !(name is "weight" or "bias" or "apply" or "load" or "load_state_dict" or "parameters" or "named_parameters" or "modules" or "named_modules" or "data" or "copy_" or "set_"
                    || name.StartsWith("get_weight", System.StringComparison.Ordinal) || name.StartsWith("get_bias", System.StringComparison.Ordinal)
                    || (name.EndsWith("_", System.StringComparison.Ordinal) && name != "requires_grad_"));
            default:
                return true;
        }
    }

    /// <summary>The member access the identifier ends (<c>model.fc1</c>) or the identifier itself.</summary>
    private static void SyntaxNodeOrSelf(IdentifierNameSyntax use, out ExpressionSyntax expression)
    {
        expression = use.Parent is MemberAccessExpressionSyntax access && access.Name == use ? access : use;
        while (expression.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            expression = (ExpressionSyntax)expression.Parent;
        }
    }
}

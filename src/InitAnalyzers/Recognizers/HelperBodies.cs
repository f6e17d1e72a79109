using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// The bound body of a helper method whose code is what every call runs, for the readers that follow a call into it
/// (array factories, weighted-sum helpers, element-wise maps).
/// </summary>
internal static class HelperBodies
{
    /// <summary>
    /// Whether calls of <paramref name="method"/> run one body that can be read: declared once, neither virtual, abstract,
    /// overriding nor extern.
    /// </summary>
    public static bool MayRead(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Length == 1 && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern;

    /// <summary>
    /// The body of <paramref name="method"/> (one <see cref="MayRead"/> accepts), bound by <paramref name="model"/>, when it is
    /// declared in that model's syntax tree (binding a body in another tree would cost a semantic model of its own) and holds
    /// no lambda, local function or iterator, whose code runs at other times; null otherwise.
    /// </summary>
    public static IOperation? Bind(IMethodSymbol method, SemanticModel model)
    {
        var reference = method.DeclaringSyntaxReferences[0];
        return reference.SyntaxTree == model.SyntaxTree && reference.GetSyntax() is MethodDeclarationSyntax declaration
            && (declaration.Body is not null || declaration.ExpressionBody is not null)
            && !declaration.DescendantNodes().Any(node => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or YieldStatementSyntax)
            ? model.GetOperation(declaration)
            : null;
    }
}

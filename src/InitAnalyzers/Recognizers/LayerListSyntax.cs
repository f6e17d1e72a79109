using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// The lists of layers a network is built from, read from syntax: a collection or array initializer
/// (<c>new List&lt;ILayer&gt; { new Dense(4, 16), new Relu() }</c>), the arguments of one call
/// (<c>new Network(new Dense(2, 8), new Tanh())</c>), or successive call statements on one receiver in a block
/// (<c>net.Add(new Dense(2, 8)); net.Add(new Tanh());</c>).
/// </summary>
internal static class LayerListSyntax
{
    /// <summary>The list <paramref name="element"/> is in, or null: elements of one list have equal keys.</summary>
    public static object? ListOf(ExpressionSyntax element) => element.Parent switch
    {
        InitializerExpressionSyntax list => list,
        ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: > 1 } arguments } => arguments,
        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax added, Parent: ExpressionStatementSyntax { Parent: BlockSyntax block } } } } =>
            (block, added.Name.Identifier.ValueText, added.Expression.ToString()),
        _ => null,
    };

    /// <summary>The element after <paramref name="element"/> in the same list, or null.</summary>
    public static ExpressionSyntax? Next(ExpressionSyntax element)
    {
        var next = element.Parent switch
        {
            InitializerExpressionSyntax list => Following(list.Expressions, element),
            ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: > 1 } arguments } argument => Following(arguments.Arguments, argument)?.Expression,
            ArgumentSyntax { Parent.Parent.Parent: ExpressionStatementSyntax { Parent: BlockSyntax block } statement } =>
                Following(block.Statements, statement) is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } } ? arguments[0].Expression : null,
            _ => null,
        };
        return next is not null && Equals(ListOf(next), ListOf(element)) ? next : null;
    }

    private static T? Following<T>(SeparatedSyntaxList<T> items, T item)
        where T : SyntaxNode
    {
        var at = items.IndexOf(item);
        return at >= 0 && at + 1 < items.Count ? items[at + 1] : null;
    }

    private static T? Following<T>(SyntaxList<T> items, T item)
        where T : SyntaxNode
    {
        var at = items.IndexOf(item);
        return at >= 0 && at + 1 < items.Count ? items[at + 1] : null;
    }
}

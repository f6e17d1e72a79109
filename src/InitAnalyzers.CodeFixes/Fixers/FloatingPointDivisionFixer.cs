using System.Globalization;
using System.Threading;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.CodeFixes.Fixers;

/// <summary>
/// Fixes a scale that integer division makes zero (<c>Math.Sqrt(2 / n)</c>) the way its author meant it: the numerator
/// becomes a floating-point literal (<c>Math.Sqrt(2.0 / n)</c>), and the rest of the user's initialization stays as written.
/// </summary>
internal sealed class FloatingPointDivisionFixer : InitFixer
{
    /// <inheritdoc/>
    public override bool Owns(Diagnostic diagnostic) => diagnostic.Id == RuleIdentifiers.ZeroWeights && diagnostic.Properties.ContainsKey(Remedy.ZeroingNumeratorProperty);

    /// <inheritdoc/>
    public override string EquivalenceKey(Diagnostic diagnostic) => EquivalenceKeys.FloatingPointDivision;

    /// <inheritdoc/>
    public override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Numerator(root, diagnostic) is { } numerator ? $"Divide in floating point ({FloatingPoint(numerator)} / ...)" : null;

    /// <inheritdoc/>
    public override void Plan(FixBatch batch, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Numerator(batch.Root, diagnostic) is { } numerator)
        {
            batch.Replace(numerator, () => FloatingPoint(numerator).WithTriviaFrom(numerator));
        }
    }

    /// <summary>The integer numerator the diagnostic points at, if it is still there.</summary>
    internal static ExpressionSyntax? Numerator(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(Remedy.ZeroingNumeratorProperty, out var start)
            || !int.TryParse(start, NumberStyles.Integer, CultureInfo.InvariantCulture, out var position)
            || position < 0 || position >= root.FullSpan.End)
        {
            return null;
        }

        var node = root.FindToken(position).Parent;
        while (node is not null && node.SpanStart == position && node.Parent is ExpressionSyntax parent && parent.SpanStart == position && parent is not BinaryExpressionSyntax)
        {
            node = parent;
        }

        return node is ExpressionSyntax { Parent: BinaryExpressionSyntax division } numerator && division.IsKind(SyntaxKind.DivideExpression) && division.Left == numerator ? numerator : null;
    }

    /// <summary><c>2</c> becomes <c>2.0</c>; a named constant becomes <c>(double)two</c>.</summary>
    private static ExpressionSyntax FloatingPoint(ExpressionSyntax numerator) =>
        numerator is LiteralExpressionSyntax { Token.Value: var value } && value is int or long or uint or ulong
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Convert(value) + ".0", (double)Convert(value)))
            : SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DoubleKeyword)), numerator.WithoutTrivia());

    private static long Convert(object value) => System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
}

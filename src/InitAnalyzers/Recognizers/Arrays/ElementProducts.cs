using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// The products of array elements in a type's code (<c>w[i, j] * x[j]</c>, <c>(float)weights[n][k] * inputs[k]</c>): the syntax
/// every weighted sum needs. Read from syntax before anything is bound, so a type of numeric code without one costs nothing
/// more, and a type whose weighted sums cannot be layers of one network is left before it is bound.
/// </summary>
internal sealed class ElementProducts
{
    private readonly List<Product> products;
    private readonly Dictionary<SyntaxNode, MemberValues> members = new();
    private readonly LocalAliases aliases;

    private ElementProducts(List<Product> products, LocalAliases aliases)
    {
        this.aliases = aliases;
        this.products = products.Where(product => product.MayBeWeightedSum).ToList();
        FactorNames = new HashSet<string>(this.products.Select(product => product.Factor), System.StringComparer.Ordinal);
    }

    /// <summary>
    /// The names of the arrays whose elements may be the weights of a weighted sum, as <see cref="WeightedSumMatcher"/> decides
    /// from bound code: multiplied by an element of another array, the product accumulated, and the weight indexed by more
    /// subscripts than the input, or by as many and named as a weight.
    /// </summary>
    public HashSet<string> FactorNames { get; }

    /// <summary>
    /// The products in <paramref name="type"/>'s code whose factor may be an element of one of <paramref name="arrays"/> (the
    /// names of its floating-point array fields and the properties that are them): a weighted sum multiplies an element of its weights.
    /// </summary>
    public static ElementProducts Read(INamedTypeSymbol type, ICollection<string> arrays, CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        var aliases = LocalAliases.Find(type, arrays, cancellationToken);
        var named = aliases.IsEmpty ? arrays : arrays.Concat(aliases.Names).ToList();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            // Only the tokens at a '*' in the text are looked at, and only where the left factor may be an element (w[i, j] *,
            // (w[i, j]) *, w[i, j] /* comment */ *, or a '*' that starts a line) and the statement names one of the arrays
            // (or a local that names one): most of a type's syntax is never visited. A weighted sum multiplies two elements.
            foreach (var token in TextSearch.TokensAt(reference, "*", "])/", named, cancellationToken))
            {
                if (token.IsKind(SyntaxKind.AsteriskToken) && token.Parent is BinaryExpressionSyntax product && product.IsKind(SyntaxKind.MultiplyExpression))
                {
                    var (left, right) = (aliases.ArrayName(product.Left), aliases.ArrayName(product.Right));
                    var accumulated = Accumulation(product) is not null;
                    if (left is not null)
                    {
                        products.Add(new Product(left, right, product, accumulated && right is not null && MayWeigh(product.Left, left, product.Right)));
                    }

                    if (right is not null)
                    {
                        products.Add(new Product(right, left, product, accumulated && left is not null && MayWeigh(product.Right, right, product.Left)));
                    }
                }
            }
        }

        return new ElementProducts(products, aliases);
    }

    /// <summary>
    /// False when no weighted sum of one of <paramref name="weights"/> can feed a weighted sum of one of them, as
    /// <see cref="ArrayWeightRecognizer"/> decides from bound code: the sum accumulated into an array (<c>h[j] += w[j, i] * x[i]</c>),
    /// or into a local that an array later receives (<c>h[j] = Activate(sum)</c>), whose name is the input of a product
    /// (<c>v[k, j] * h[j]</c>). Names stand for symbols here, so this is true whenever the bound code could find a link.
    /// </summary>
    public bool MayFeed(ISet<string> weights)
    {
        var sums = products.Where(product => weights.Contains(product.Factor)).ToList();
        var inputs = new HashSet<string>(sums.Select(product => product.Partner!), System.StringComparer.Ordinal);
        return sums.Any(product => OutputsOf(product.Syntax).Any(inputs.Contains));
    }

    /// <summary>
    /// False when no weighted sum of one of <paramref name="weights"/> can pass through an activation, as
    /// <see cref="WeightedSumMatcher"/> finds it from bound code: a value that mentions where the sum went, assigned or returned
    /// in the same member, through a call, a conditional or a switch (<c>h[j] = Math.Tanh(sum)</c>, <c>sum &gt; 0 ? sum : 0</c>).
    /// </summary>
    public bool MayActivate(ISet<string> weights) =>
        products.Any(product => weights.Contains(product.Factor) && SumTargetOf(product.Syntax) is { } target
            && ValuesOf(product.Syntax) is { } values && values.Activations.Any(names => names.Contains(target)));

    /// <summary>The names of the methods whose code multiplies one of <paramref name="weights"/>.</summary>
    public IEnumerable<string> MethodsMultiplying(ISet<string> weights) =>
        products.Where(product => weights.Contains(product.Factor))
            .Select(product => product.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText)
            .Where(name => name is not null)
            .Distinct()!;

    /// <summary>
    /// The arrays a product's sum goes to, as <see cref="WeightedSumMatcher"/> finds them: the array element it accumulates
    /// into, or the arrays whose elements are assigned a value that mentions the local it accumulates into.
    /// </summary>
    private IEnumerable<string> OutputsOf(BinaryExpressionSyntax product)
    {
        if (Accumulation(product) is not { } assignment)
        {
            return Enumerable.Empty<string>();
        }

        if (assignment.Left is ElementAccessExpressionSyntax element)
        {
            return aliases.ArrayName(element) is { } array ? new[] { array } : Enumerable.Empty<string>();
        }

        if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: var local } || ValuesOf(product) is not { } values)
        {
            return Enumerable.Empty<string>();
        }

        return values.ElementWrites.Where(write => write.Names.Contains(local)).Select(write => write.Array);
    }

    /// <summary>The values assigned and returned in the member around <paramref name="node"/>, read once per member.</summary>
    private MemberValues? ValuesOf(SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
        {
            return null;
        }

        if (!members.TryGetValue(member, out var values))
        {
            members[member] = values = MemberValues.Read(member, aliases);
        }

        return values;
    }

    /// <summary>
    /// The assignment that accumulates a product: <c>sum += w * x</c>, <c>y[i] = y[i] + w * x</c>. Null for a product used in
    /// any other way (a scaling, an argument).
    /// </summary>
    private static AssignmentExpressionSyntax? Accumulation(BinaryExpressionSyntax product)
    {
        ExpressionSyntax sum = product;
        while (sum.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax
            || sum.Parent is BinaryExpressionSyntax parent && (parent.IsKind(SyntaxKind.AddExpression) || parent.IsKind(SyntaxKind.SubtractExpression)))
        {
            sum = (ExpressionSyntax)sum.Parent;
        }

        return sum.Parent is AssignmentExpressionSyntax assignment && assignment.Right == sum
            && (assignment.IsKind(SyntaxKind.AddAssignmentExpression) || assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) || assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && sum != product)
            ? assignment
            : null;
    }

    /// <summary>The name of where a product's sum goes: the local or the array of the element it accumulates into.</summary>
    private string? SumTargetOf(BinaryExpressionSyntax product) => Accumulation(product)?.Left switch
    {
        IdentifierNameSyntax local => local.Identifier.ValueText,
        ElementAccessExpressionSyntax element => aliases.ArrayName(element),
        _ => null,
    };

    /// <summary>
    /// The shapes <see cref="Activations.HandWrittenActivations"/> recognizes, at the top of the value: a call, a conditional,
    /// a switch, <c>1 / (1 + Math.Exp(-x))</c> or <c>Math.Exp(x) / (...)</c>, and SELU's scale times a call.
    /// </summary>
    private static bool MayActivate(ExpressionSyntax value) => Unwrapped(value) switch
    {
        InvocationExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax => true,
        BinaryExpressionSyntax division when division.IsKind(SyntaxKind.DivideExpression) =>
            Unwrapped(division.Left) is LiteralExpressionSyntax || Calls(division.Left),
        BinaryExpressionSyntax product when product.IsKind(SyntaxKind.MultiplyExpression) => Calls(product),
        _ => false,
    };

    private static bool Calls(SyntaxNode node) => node.DescendantNodesAndSelf().Any(descendant => descendant is InvocationExpressionSyntax);

    /// <summary>
    /// <see cref="WeightedSumMatcher"/>'s rule, read from syntax: the weight is indexed by more array subscripts than the input,
    /// or by as many and named as a weight. Syntax cannot tell an array's subscripts from an indexer's
    /// (<c>batch[b][i]</c> on a <c>List&lt;double[]&gt;</c> has one array subscript), so the input is counted at its fewest,
    /// the outermost access, and the weight at its most.
    /// </summary>
    private static bool MayWeigh(ExpressionSyntax weight, string weightName, ExpressionSyntax input)
    {
        var most = IndexCount(weight);
        var fewest = Unwrapped(input) is ElementAccessExpressionSyntax outermost ? outermost.ArgumentList.Arguments.Count : 0;
        return most > fewest || most == fewest && WeightedSumMatcher.NameSaysWeight(weightName);
    }

    private static int IndexCount(ExpressionSyntax factor)
    {
        var count = 0;
        for (var current = Unwrapped(factor); current is ElementAccessExpressionSyntax element; current = Unwrapped(element.Expression))
        {
            count += element.ArgumentList.Arguments.Count;
        }

        return count;
    }

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    expression = @checked.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax forgiving when forgiving.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = forgiving.Operand;
                    continue;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The array whose element <paramref name="factor"/> is, through parentheses and casts: the innermost of <c>w[n][k]</c>.</summary>
    internal static string? ArrayName(ExpressionSyntax factor)
    {
        if (Unwrapped(factor) is not ElementAccessExpressionSyntax element)
        {
            return null;
        }

        var array = Unwrapped(element.Expression);
        while (array is ElementAccessExpressionSyntax row)
        {
            array = Unwrapped(row.Expression); // weights[n][k]: the field is the innermost
        }

        return array switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    private sealed class Product
    {
        public Product(string factor, string? partner, BinaryExpressionSyntax syntax, bool mayBeWeightedSum)
        {
            Factor = factor;
            Partner = partner;
            Syntax = syntax;
            MayBeWeightedSum = mayBeWeightedSum;
        }

        /// <summary>The array one factor is an element of.</summary>
        public string Factor { get; }

        /// <summary>The array the other factor is an element of; null for a scalar (a learning rate, a decay).</summary>
        public string? Partner { get; }

        public BinaryExpressionSyntax Syntax { get; }

        /// <summary>The factor may be the weight of a weighted sum: see <see cref="FactorNames"/>.</summary>
        public bool MayBeWeightedSum { get; }
    }

    /// <summary>The element writes (<c>y[i] = value</c>) and the values that may be activations (assigned or returned) of one member.</summary>
    private sealed class MemberValues
    {
        private MemberValues(List<(string Array, HashSet<string> Names)> elementWrites, List<HashSet<string>> activations)
        {
            ElementWrites = elementWrites;
            Activations = activations;
        }

        /// <summary>Each array written and the names its value mentions.</summary>
        public List<(string Array, HashSet<string> Names)> ElementWrites { get; }

        /// <summary>The names each value shaped like an activation mentions.</summary>
        public List<HashSet<string>> Activations { get; }

        public static MemberValues Read(MemberDeclarationSyntax member, LocalAliases aliases)
        {
            var writes = new List<(string, HashSet<string>)>();
            var activations = new List<HashSet<string>>();
            foreach (var node in member.DescendantNodes())
            {
                var value = node switch
                {
                    AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => assignment.Right,
                    ReturnStatementSyntax { Expression: { } returned } => returned,
                    YieldStatementSyntax { Expression: { } yielded } when node.IsKind(SyntaxKind.YieldReturnStatement) => yielded,
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                var read = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var name in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    read.Add(name.Identifier.ValueText);
                    read.Add(aliases.Resolve(name.Identifier.ValueText, member)); // and the array a local alias names
                }

                if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax target } && aliases.ArrayName(target) is { } array)
                {
                    writes.Add((array, read));
                }

                if (MayActivate(value))
                {
                    activations.Add(read);
                }
            }

            return new MemberValues(writes, activations);
        }
    }
}

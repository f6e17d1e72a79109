using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>
/// Which values are computed from a layer's products: the locals, parameters and members that receive a value built from
/// them (<c>var h = relu(np.dot(x, W1))</c>, <c>this.hidden = ...</c>), in order within a body, so that
/// <c>x = relu(np.dot(x, W1)); x = np.dot(x, W2);</c> makes W1 feed W2 and not the other way round. Members carry
/// values between the bodies of a type in any order.
/// </summary>
internal sealed class NDArrayDataFlow
{
    private readonly HashSet<SyntaxNode> seeds;
    private readonly Dictionary<(ISymbol Symbol, SyntaxNode Body), int> derived = new(new SymbolInBody());

    private NDArrayDataFlow(HashSet<SyntaxNode> seeds) => this.seeds = seeds;

    /// <summary>Follows the values of <paramref name="products"/> through every flow of <paramref name="bodies"/>.</summary>
    public static NDArrayDataFlow From(IEnumerable<IOperation> products, IEnumerable<IOperation> bodies)
    {
        var flow = new NDArrayDataFlow(new HashSet<SyntaxNode>(products.Select(product => product.Syntax)));
        var flows = bodies.SelectMany(body => NDArrayBodyFlows.Of(body).Select(item => (Body: body.Root().Syntax, Item: item))).Where(pair => pair.Item.Target is not null).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (body, item) in flows)
            {
                var key = (item.Target!, body);
                if ((!flow.derived.TryGetValue(key, out var known) || known > item.Position) && flow.Reaches(item.Value, body))
                {
                    flow.derived[key] = item.Position;
                    changed = true;
                }
            }
        }

        return flow;
    }

    /// <summary>True when <paramref name="value"/> (in <paramref name="body"/>) contains one of the products, or reads a value computed from them before it.</summary>
    public bool Reaches(IOperation value, SyntaxNode body)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (seeds.Contains(operation.Syntax))
            {
                return true;
            }

            if (NDArrayBodyFlows.ReadOf(operation) is not { } symbol)
            {
                continue;
            }

            if (derived.TryGetValue((symbol, body), out var position) && position <= operation.Syntax.SpanStart)
            {
                return true;
            }

            if (symbol is IFieldSymbol or IPropertySymbol && derived.Keys.Any(key => SymbolEqualityComparer.Default.Equals(key.Symbol, symbol) && key.Body != body))
            {
                return true; // a member written in another method of the type: its order is not known, its value is
            }
        }

        return false;
    }

    private sealed class SymbolInBody : IEqualityComparer<(ISymbol Symbol, SyntaxNode Body)>
    {
        public bool Equals((ISymbol Symbol, SyntaxNode Body) x, (ISymbol Symbol, SyntaxNode Body) y) =>
            SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol) && x.Body == y.Body;

        public int GetHashCode((ISymbol Symbol, SyntaxNode Body) obj) => SymbolEqualityComparer.Default.GetHashCode(obj.Symbol) ^ obj.Body.GetHashCode();
    }
}

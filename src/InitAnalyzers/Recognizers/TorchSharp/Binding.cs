using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// What an expression in the model's code stands for: some of the model's layers (<c>fc1</c>, the <c>m</c> of
/// <c>apply(m => ...)</c> narrowed by <c>m is Linear l</c>), some of its parameters (<c>fc1.weight</c>, the <c>p</c> of a
/// <c>named_parameters()</c> loop), or the names of those parameters. Inexact when a filter could not be read: a write through
/// it may or may not reach each element.
/// </summary>
internal sealed class Binding
{
    public Binding(IReadOnlyList<TorchLayer> layers, IReadOnlyList<TorchParam> parameters, bool exact, bool names = false, bool bulk = false, object? group = null, string prefix = "")
    {
        Prefix = prefix;
        Group = group;
        Layers = layers;
        Parameters = parameters;
        Exact = exact;
        Names = names;
        Bulk = bulk;
    }

    public IReadOnlyList<TorchLayer> Layers { get; }

    /// <summary>What the names of a loop over a member's parameters leave out: <c>lstm.named_parameters()</c> names <c>weight_ih_l0</c>, not <c>lstm.weight_ih_l0</c>.</summary>
    public string Prefix { get; }

    /// <summary>The loop or <c>apply</c> this bulk variable belongs to: a name and a value of one <c>named_parameters()</c> loop share it, so a test on the name narrows the value.</summary>
    public object? Group { get; }

    public IReadOnlyList<TorchParam> Parameters { get; }

    /// <summary>Every element is certainly the one written; false when a condition over the elements could not be read.</summary>
    public bool Exact { get; }

    /// <summary>Stands for the names of <see cref="Parameters"/> (the <c>name</c> of <c>foreach (var (name, p) in named_parameters())</c>) or of <see cref="Layers"/>.</summary>
    public bool Names { get; }

    /// <summary>Ranges over several elements, one at a time: the variable of a loop over <c>modules()</c> or <c>parameters()</c>, or of <c>apply</c>.</summary>
    public bool Bulk { get; }

    public static Binding OfLayers(IEnumerable<TorchLayer> layers) => new(layers.ToList(), System.Array.Empty<TorchParam>(), exact: true);

    public static Binding OfParameters(IEnumerable<TorchParam> parameters) => new(System.Array.Empty<TorchLayer>(), parameters.ToList(), exact: true);

    /// <summary>A loop variable over these layers, one at a time.</summary>
    public static Binding EachLayer(IEnumerable<TorchLayer> layers, object group) => new(layers.ToList(), System.Array.Empty<TorchParam>(), exact: true, bulk: true, group: group);

    /// <summary>A loop variable over these parameters, one at a time.</summary>
    public static Binding EachParameter(IEnumerable<TorchParam> parameters, object group, bool names = false, string prefix = "") => new(System.Array.Empty<TorchLayer>(), parameters.ToList(), exact: true, names, bulk: true, group: group, prefix: prefix);

    public Binding Filter(System.Func<TorchLayer, bool> keepLayer, System.Func<TorchParam, bool> keepParameter) =>
        new(Layers.Where(keepLayer).ToList(), Parameters.Where(keepParameter).ToList(), Exact, Names, Bulk, Group, Prefix);

    public Binding Inexact() => new(Layers, Parameters, exact: false, Names, Bulk, Group, Prefix);

    public Binding AsValues() => new(Layers, Parameters, Exact, names: false, Bulk, Group, Prefix);

    /// <summary>Every parameter the binding reaches: its parameters, or all parameters of its layers.</summary>
    public IEnumerable<TorchParam> AllParameters => Parameters.Concat(Layers.SelectMany(layer => layer.SelfAndDescendants()).SelectMany(layer => layer.Parameters)).Distinct();
}

/// <summary>The locals and parameters bound to model elements while a body is walked.</summary>
internal sealed class Environment
{
    private readonly Dictionary<ISymbol, Binding> bindings;

    public Environment()
    {
        bindings = new Dictionary<ISymbol, Binding>(SymbolEqualityComparer.Default);
    }

    private Environment(Dictionary<ISymbol, Binding> bindings)
    {
        this.bindings = new Dictionary<ISymbol, Binding>(bindings, SymbolEqualityComparer.Default);
    }

    public Binding? this[ISymbol symbol]
    {
        get => bindings.TryGetValue(symbol, out var binding) ? binding : null;
        set
        {
            if (value is null)
            {
                bindings.Remove(symbol);
            }
            else
            {
                bindings[symbol] = value;
            }
        }
    }

    public IEnumerable<KeyValuePair<ISymbol, Binding>> Bulk => bindings.Where(pair => pair.Value.Bulk);

    public Environment Copy() => new(bindings);
}

using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Facts;

/// <summary>
/// A place that holds a layer's parameters (an array field, a matrix, a tensor), as a recognizer found it:
/// its role, where the layer sits, and how it is initialized. Rules read only these facts.
/// </summary>
internal sealed class WeightSite
{
    public WeightSite(ISymbol symbol, WeightRole role, LayerPosition position, Initialization initialization)
    {
        Symbol = symbol;
        Role = role;
        Position = position;
        Initialization = initialization;
    }

    /// <summary>The field, property or local that holds the weights.</summary>
    public ISymbol Symbol { get; }

    /// <summary>The name the user gave it (an auto-property's name, not its backing field's).</summary>
    public string Name => Symbol is IFieldSymbol { AssociatedSymbol: { } property } ? property.Name : Symbol.Name;

    public WeightRole Role { get; }

    public LayerPosition Position { get; }

    public Initialization Initialization { get; }
}

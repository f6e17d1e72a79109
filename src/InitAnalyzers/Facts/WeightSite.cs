using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Facts;

/// <summary>
/// A place that holds a layer's parameters (an array field, a matrix, a tensor), as a recognizer found it:
/// its role, where the layer sits, and how it is initialized. Rules read only these facts.
/// </summary>
internal sealed class WeightSite
{
    public WeightSite(ISymbol symbol, WeightRole role, LayerPosition position, Initialization initialization, ActivationKind activation = ActivationKind.Unknown, int? fanInIndex = null, int? fanIn = null, int? fanOut = null, string? displayName = null, double? negativeSlope = null, string? framework = null)
    {
        this.displayName = displayName;
        NegativeSlope = negativeSlope;
        Framework = framework;
        Symbol = symbol;
        Role = role;
        Position = position;
        Initialization = initialization;
        Activation = activation;
        FanInIndex = fanInIndex;
        FanIn = fanIn;
        FanOut = fanOut;
    }

    /// <summary>The field, property or local that holds the weights.</summary>
    public ISymbol Symbol { get; }

    private readonly string? displayName;

    /// <summary>The name the user gave it (an auto-property's name, not its backing field's), or the recognizer's name for it (<c>fc1.weight</c>).</summary>
    public string Name => displayName ?? (Symbol is IFieldSymbol { AssociatedSymbol: { } property } ? property.Name : Symbol.Name);

    /// <summary>The negative slope of a <see cref="ActivationKind.LeakyReLU"/> activation, where it is known.</summary>
    public double? NegativeSlope { get; }

    /// <summary>The framework whose API holds the weights (<see cref="Frameworks"/>), so that a fix can write in its idiom; null for plain arrays and the older recognizers.</summary>
    public string? Framework { get; }

    public WeightRole Role { get; }

    public LayerPosition Position { get; }

    public Initialization Initialization { get; }

    /// <summary>The activation that consumes the layer's output.</summary>
    public ActivationKind Activation { get; private set; }

    /// <summary>True when <see cref="Activation"/> was not found but assumed from configuration (<c>init_analyzers.assumed_activation</c>).</summary>
    public bool ActivationAssumed { get; private set; }

    /// <summary>This site with an activation assumed for it, where none was found.</summary>
    public WeightSite WithAssumedActivation(ActivationKind activation)
    {
        var assumed = (WeightSite)MemberwiseClone();
        assumed.Activation = activation;
        assumed.ActivationAssumed = true;
        return assumed;
    }

    /// <summary>
    /// Which subscript of the weights (from the array outwards, through jagged levels) runs over the layer's inputs,
    /// so its length is fan_in; null when the orientation is not known.
    /// </summary>
    public int? FanInIndex { get; }

    /// <summary>The fan-in as a compile-time constant (<c>new double[128, 784]</c> read along <see cref="FanInIndex"/>); null when not known.</summary>
    public int? FanIn { get; }

    /// <summary>The fan-out as a compile-time constant, for a matrix whose fan-in is known; null when not known.</summary>
    public int? FanOut { get; }

    /// <summary>Where the activation is applied, for messages (<c>Network.Forward (Network.cs)</c>); null when not recorded.</summary>
    public string? ActivationSource { get; private set; }

    /// <summary>This site with the place its activation is applied.</summary>
    public WeightSite AppliedIn(string? source)
    {
        var site = (WeightSite)MemberwiseClone();
        site.ActivationSource = source;
        return site;
    }

    /// <summary>How many hidden layers the network has, where the data flow between its layers shows it; null when not known.</summary>
    public int? HiddenLayers { get; private set; }

    /// <summary>This site in a network of <paramref name="hiddenLayers"/> hidden layers.</summary>
    public WeightSite InNetworkOf(int? hiddenLayers)
    {
        var site = (WeightSite)MemberwiseClone();
        site.HiddenLayers = hiddenLayers;
        return site;
    }
}

using System.Collections.Generic;
using System.Linq;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// One module of a model as construction shows it: a layer held in a field (<c>fc1 = Linear(784, 256)</c>), an entry of a
/// <c>Sequential</c>, or a <c>Parameter</c> field; with its kind, its fans from the constructor's arguments, and, once
/// <c>forward</c> has been followed, what consumes its output.
/// </summary>
internal sealed class TorchLayer
{
    private readonly List<(ActivationKind Kind, double? Slope)> activations = new();

    public TorchLayer(LayerKind kind, string path, ISymbol? member, IOperation? creation, INamedTypeSymbol? type, ISymbol? owner = null)
    {
        Owner = owner ?? member;
        Kind = kind;
        Path = path;
        Member = member;
        Creation = creation;
        Type = type;
    }

    public LayerKind Kind { get; set; }

    /// <summary>The name TorchSharp registers it under: <c>fc1</c>, <c>features.c1</c>, <c>classifier.0</c>; <c>?</c> for unknown parts.</summary>
    public string Path { get; }

    /// <summary>The field or property that holds it directly; null for an entry of a <c>Sequential</c>.</summary>
    public ISymbol? Member { get; }

    /// <summary>The member of the model that holds it, directly or inside a <c>Sequential</c>.</summary>
    public ISymbol? Owner { get; }

    /// <summary>The factory call (<c>Linear(784, 256)</c>) or the parameter's creation.</summary>
    public IOperation? Creation { get; }

    /// <summary>The module type created (<c>TorchSharp.Modules.Linear</c>), or the parameter's type.</summary>
    public INamedTypeSymbol? Type { get; }

    /// <summary>For an activation module: what it applies, and the leaky slope.</summary>
    public ActivationKind Applies { get; set; }

    public double? AppliesSlope { get; set; }

    public long? FanIn { get; set; }

    public long? FanOut { get; set; }

    /// <summary>Whether the layer has a bias (<c>bias: false</c> or <c>hasBias: false</c> remove it).</summary>
    public bool HasBias { get; set; } = true;

    /// <summary>For a recurrent layer: its number of stacked layers, where it is a constant.</summary>
    public long? RecurrentLayers { get; set; } = 1;

    /// <summary>For a <c>Sequential</c>: its entries in order (with the branches and loops that built them).</summary>
    public List<Step>? Steps { get; set; }

    /// <summary>For a <c>Parameter</c> field: the number of dimensions it is created with.</summary>
    public int? Rank { get; set; }

    /// <summary>The layers nested in this one (a <c>Sequential</c>'s entries), for bulk initialization over <c>modules()</c>.</summary>
    public List<TorchLayer> Children { get; } = new();

    public List<TorchParam> Parameters { get; } = new();

    /// <summary>For a <c>Parameter</c> layer: the subscript of its shape that runs over the inputs, read from the product it is used in.</summary>
    public int? FanInIndex { get; set; }

    /// <summary>The parameter layer is multiplied with an input (<c>x.matmul(W)</c>): a weight.</summary>
    public bool Multiplied { get; set; }

    /// <summary>The parameter layer is added to a product (<c>x.matmul(W) + b</c>): a bias.</summary>
    public bool Added { get; set; }

    public bool Feeds { get; set; }

    public bool FedBy { get; set; }

    public bool Returned { get; set; }

    public void Consumed(ActivationKind kind, double? slope) => activations.Add((kind, slope));

    /// <summary>The activation every use of the output agrees on; <see cref="ActivationKind.Unknown"/> when they disagree or none is seen.</summary>
    public (ActivationKind Kind, double? Slope) Activation
    {
        get
        {
            var kind = MemberScope.Agreed(activations.Select(a => a.Kind), ActivationKind.Unknown);
            if (activations.Any(a => a.Kind == ActivationKind.Unknown))
            {
                kind = ActivationKind.Unknown;
            }

            var slopes = activations.Where(a => a.Kind == kind).Select(a => a.Slope).Distinct().ToList();
            return (kind, slopes.Count == 1 ? slopes[0] : null);
        }
    }

    public LayerPosition Position => Feeds ? LayerPosition.Hidden : FedBy && Returned ? LayerPosition.Output : LayerPosition.Unknown;

    /// <summary>This layer and every layer nested in it.</summary>
    public IEnumerable<TorchLayer> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var nested in child.SelfAndDescendants())
            {
                yield return nested;
            }
        }
    }

    public override string ToString() => Path;
}

/// <summary>One parameter tensor of a layer: <c>fc1.weight</c>, <c>fc1.bias</c>, <c>lstm.weight_hh</c>, or a <c>Parameter</c> field itself.</summary>
internal sealed class TorchParam
{
    public TorchParam(TorchLayer layer, string name, WeightRole role)
    {
        Layer = layer;
        Name = name;
        Role = role;
    }

    public TorchLayer Layer { get; }

    /// <summary><c>weight</c>, <c>bias</c>, <c>weight_ih</c>, <c>weight_hh</c>, <c>bias_ih</c>, <c>bias_hh</c>; empty for a <c>Parameter</c> field.</summary>
    public string Name { get; }

    public WeightRole Role { get; set; }

    /// <summary>The name <c>named_parameters()</c> gives it: <c>fc1.weight</c>, <c>lstm.weight_ih_l0</c>, <c>W</c>.</summary>
    public string FullName => Name.Length == 0 ? Layer.Path : Layer.Path + "." + Name + (Layer.Kind == LayerKind.Recurrent && Layer.Type?.Name.EndsWith("Cell", System.StringComparison.Ordinal) != true ? "_l0" : string.Empty);

    /// <summary>The number of dimensions: 2 or more for a weight, 1 for a bias or a scale; null when not known.</summary>
    public int? Rank => Layer.Kind == LayerKind.Parameter ? Layer.Rank : Name.StartsWith("weight", System.StringComparison.Ordinal) && Layer.Kind != LayerKind.Normalization ? 2 : 1;

    public string DisplayName => Name.Length == 0 ? Layer.Path : Layer.Path + "." + Name;

    public override string ToString() => DisplayName;
}

/// <summary>One entry of a <c>Sequential</c>, or the branches and loops of the code that built its list.</summary>
internal sealed class Step
{
    private Step(TorchLayer? layer, List<Step>? whenTrue, List<Step>? whenFalse, List<Step>? loop)
    {
        Layer = layer;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
        Loop = loop;
    }

    /// <summary>The module this step runs; null for a branch or a loop.</summary>
    public TorchLayer? Layer { get; }

    public List<Step>? WhenTrue { get; }

    public List<Step>? WhenFalse { get; }

    public List<Step>? Loop { get; }

    public static Step Of(TorchLayer layer) => new(layer, null, null, null);

    public static Step Branch(List<Step> whenTrue, List<Step> whenFalse) => new(null, whenTrue, whenFalse, null);

    public static Step Repeat(List<Step> body) => new(null, null, null, body);

    /// <summary>Every module these steps may run.</summary>
    public static IEnumerable<TorchLayer> Layers(IEnumerable<Step> steps)
    {
        foreach (var step in steps)
        {
            if (step.Layer is not null)
            {
                yield return step.Layer;
            }

            foreach (var nested in new[] { step.WhenTrue, step.WhenFalse, step.Loop })
            {
                if (nested is not null)
                {
                    foreach (var layer in Layers(nested))
                    {
                        yield return layer;
                    }
                }
            }
        }
    }
}

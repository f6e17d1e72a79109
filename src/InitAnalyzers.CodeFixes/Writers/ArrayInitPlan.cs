using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.CodeFixes.Writers;

/// <summary>What a fix will write: which node it replaces, with which <c>WeightInit</c> call and fans.</summary>
internal sealed class ArrayInitPlan
{
    public ArrayInitPlan(SyntaxNode target, SyntaxNode weights, InitScheme scheme, SyntaxNode fanIn, SyntaxNode? fanOut, bool orientationKnown, bool perElement = false)
    {
        Target = target;
        Weights = weights;
        Scheme = scheme;
        FanIn = fanIn;
        FanOut = fanOut;
        OrientationKnown = orientationKnown;
        PerElement = perElement;
    }

    /// <summary>The allocation or fill call that is replaced.</summary>
    public SyntaxNode Target { get; }

    /// <summary>The array expression the call fills (the allocation itself, or the array a fill call cleared).</summary>
    public SyntaxNode Weights { get; }

    public InitScheme Scheme { get; }

    public SyntaxNode FanIn { get; }

    public SyntaxNode? FanOut { get; }

    public bool OrientationKnown { get; }

    /// <summary>
    /// True when one element's value is replaced (<c>w[i, j] = 0</c> in a loop) by a sample scaled with
    /// <c>WeightInit.HeBound</c> or <c>HeStd</c> (or Xavier, LeCun); <see cref="Target"/> is then the assigned value.
    /// </summary>
    public bool PerElement { get; }

    /// <summary>
    /// True when <see cref="Target"/> is a call to a helper that builds and fills the array (<c>RandomMatrix(n, m)</c>), replaced
    /// by the allocation it makes (<see cref="Weights"/>) drawn by the runtime.
    /// </summary>
    public bool ReplacesFactory { get; set; }

    /// <summary>The <c>System.Random</c> in scope that the fix draws from, so seeded runs stay seeded.</summary>
    public ISymbol? Random { get; set; }

    /// <summary>
    /// For an unscaled random value (INIT004): the user's draw that is kept and rescaled, instead of a fresh sample.
    /// </summary>
    public DrawCore? Draw { get; set; }

    public string Title => Draw is { } draw
        ? ScaleTitle("Rescale the draw to", draw.Family == InitKind.Uniform)
        : PerElement ? ScaleTitle("Draw each weight from", Scheme.IsUniform()) : Scheme switch
        {
            InitScheme.HeNormal => "Initialize with He normal (WeightInit.HeNormal)",
            InitScheme.HeUniform => "Initialize with He uniform (WeightInit.HeUniform)",
            InitScheme.XavierNormal => OrientationKnown ? "Initialize with Xavier normal (WeightInit.XavierNormal)" : "Initialize with Xavier normal (WeightInit.XavierNormal; orientation unknown, so not He)",
            InitScheme.XavierUniform => OrientationKnown ? "Initialize with Xavier uniform (WeightInit.XavierUniform)" : "Initialize with Xavier uniform (WeightInit.XavierUniform; orientation unknown, so not He)",
            InitScheme.LeCunNormal => "Initialize with LeCun normal (WeightInit.LeCunNormal)",
            _ => "Initialize with LeCun uniform (WeightInit.LeCunUniform)",
        };

    /// <summary>"Rescale the draw to He uniform (WeightInit.HeBound)": a per-element value scaled by the scheme's std or bound.</summary>
    private string ScaleTitle(string action, bool uniform)
    {
        var (family, helper) = uniform ? ("uniform", "Bound") : ("normal", "Std");
        var (name, note) = Scheme switch
        {
            InitScheme.HeNormal or InitScheme.HeUniform => ("He", string.Empty),
            InitScheme.XavierNormal or InitScheme.XavierUniform => ("Xavier", OrientationKnown ? string.Empty : "; orientation unknown, so not He"),
            _ => ("LeCun", string.Empty),
        };
        return $"{action} {name} {family} (WeightInit.{name}{helper}{note})";
    }
}

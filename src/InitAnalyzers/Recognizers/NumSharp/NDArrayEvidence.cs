using System.Collections.Generic;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>What one write or hand-off does to the values an <c>NDArray</c> member holds before the first forward pass.</summary>
internal enum NDArrayWriteKind
{
    /// <summary><c>np.zeros(shape)</c>, <c>np.full(shape, 0)</c>.</summary>
    Zero,

    /// <summary><c>np.ones(shape)</c>, <c>np.full(shape, c)</c>, <c>np.ones(shape) * c</c>.</summary>
    Constant,

    /// <summary>A recognized random draw: <c>np.random.randn(a, b)</c>, <c>np.random.uniform(lo, hi, shape)</c>, scaled or shifted.</summary>
    Draw,

    /// <summary>Values the analyzer cannot read: a file, another network, an unknown method's result, an element write.</summary>
    Values,

    /// <summary>The array is handed to code that may write it (an unknown method, an alias, a <c>ref</c>).</summary>
    Escape,
}

internal readonly struct NDArrayWrite
{
    public NDArrayWrite(NDArrayWriteKind kind, Location location, double constant = 0, RandomDraw? draw = null, int? rank = null)
    {
        Kind = kind;
        Location = location;
        Constant = constant;
        Draw = draw;
        Rank = rank;
    }

    public NDArrayWriteKind Kind { get; }

    /// <summary>The value written (the diagnostic's location, and the expression a fix replaces).</summary>
    public Location Location { get; }

    public double Constant { get; }

    public RandomDraw? Draw { get; }

    /// <summary>How many dimensions the written shape has, when its dimensions are written out.</summary>
    public int? Rank { get; }
}

/// <summary>
/// A matrix product that uses the weights (<c>np.dot(x, W)</c>, <c>np.matmul(W, x)</c>, <c>x.dot(W)</c>): the product, the
/// layer's input, what the code does with the result, and which dimension of the weights meets the input.
/// </summary>
internal sealed class NDArrayProductUse
{
    public NDArrayProductUse(IOperation product, IOperation input, bool inBackwardPass, bool mergedIntoAnotherPath, int? fanInIndex, ActivationKind activation, string method)
    {
        Product = product;
        Input = input;
        InBackwardPass = inBackwardPass;
        MergedIntoAnotherPath = mergedIntoAnotherPath;
        FanInIndex = fanInIndex;
        Activation = activation;
        Method = method;
    }

    /// <summary>The <c>dot</c> or <c>matmul</c> call.</summary>
    public IOperation Product { get; }

    /// <summary>The other factor: the layer's input.</summary>
    public IOperation Input { get; }

    /// <summary>Backpropagation multiplies by the weights too (<c>np.dot(delta, W.T)</c>); such uses say "weight" but not which layer feeds which.</summary>
    public bool InBackwardPass { get; }

    /// <summary>The product is added to something that is neither a bias nor another product (<c>x + np.dot(h, W)</c>): a residual branch.</summary>
    public bool MergedIntoAnotherPath { get; }

    /// <summary>0 when the weights are shaped (in, out) as in <c>np.dot(x, W)</c>, 1 for (out, in) as in <c>np.dot(W, x)</c>.</summary>
    public int? FanInIndex { get; }

    public ActivationKind Activation { get; }

    /// <summary>The method that computes the product (the layer's forward method).</summary>
    public string Method { get; }
}

/// <summary>Everything seen about one <c>NDArray</c> field (or auto-property) of a type.</summary>
internal sealed class NDArrayEvidence
{
    public NDArrayEvidence(IFieldSymbol field) => Field = field;

    /// <summary>The field, or an auto-property's backing field.</summary>
    public IFieldSymbol Field { get; }

    /// <summary>The member the user declared: the auto-property, or the field.</summary>
    public ISymbol Member => (ISymbol?)Field.AssociatedSymbol ?? Field;

    public List<NDArrayWrite> Writes { get; } = new();

    public List<NDArrayProductUse> Products { get; } = new();

    /// <summary>Updated by a training step (<c>W -= rate * dW</c>, <c>W = W - rate * dW</c>): trained parameters.</summary>
    public bool Trained { get; set; }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Activations;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>What one write or hand-off does to the values an array holds before the first forward pass.</summary>
internal enum EvidenceKind
{
    /// <summary><c>new double[n, m]</c>: zeros until something writes.</summary>
    ZeroAllocation,

    /// <summary><c>new double[n][]</c>: the rows of a jagged array, still null; says nothing about the numbers.</summary>
    RowAllocation,

    /// <summary>An explicit zero fill: <c>Array.Clear</c>, <c>Array.Fill(w, 0)</c>, <c>w[i, j] = 0</c>.</summary>
    ZeroFill,

    /// <summary>An explicit fill with one non-zero constant.</summary>
    ConstantFill,

    /// <summary>Values from elsewhere: random draws, a file, another network, an unknown method's result.</summary>
    ValueWrite,

    /// <summary>The array is handed to code that may write it (an unknown method, a <c>ref</c>, an alias).</summary>
    Escape,
}

internal struct InitEvidence
{
    public InitEvidence(EvidenceKind kind, Location location, double constant = 0, RandomDraw? draw = null, bool evolution = false, ZeroingDivision? zeroing = null, AllocatedSizes? sizes = null)
    {
        Zeroing = zeroing;
        Evolution = evolution;
        Kind = kind;
        Location = location;
        Constant = constant;
        Draw = draw;
        Sizes = sizes;
    }

    public EvidenceKind Kind { get; }

    /// <summary>The member the write is in (a constructor, a helper, a method of another type); null for a field initializer.</summary>
    public ISymbol? Member { get; private set; }

    /// <summary>The same evidence, found in <paramref name="member"/>.</summary>
    public InitEvidence In(ISymbol? member)
    {
        var copy = this;
        copy.Member = member;
        return copy;
    }

    public Location Location { get; private set; }

    /// <summary>The same evidence, counted at <paramref name="location"/>: a helper's write, at the call that gives the array its values.</summary>
    public InitEvidence At(Location location)
    {
        var copy = this;
        copy.Location = location;
        return copy;
    }

    public double Constant { get; }

    /// <summary>
    /// A <see cref="EvidenceKind.ValueWrite"/> by a genetic algorithm's mutation or crossover, which changes weights after they
    /// were initialized: it breaks the symmetry of zeros, but says nothing against the distribution they were first drawn from.
    /// </summary>
    public bool Evolution { get; }

    /// <summary>For a <see cref="EvidenceKind.ZeroFill"/> that is a draw times a scale that is zero by construction.</summary>
    public ZeroingDivision? Zeroing { get; }

    /// <summary>For a <see cref="EvidenceKind.ValueWrite"/> of a random draw: its distribution, when recognized.</summary>
    public RandomDraw? Draw { get; }

    /// <summary>For an allocation (<see cref="EvidenceKind.ZeroAllocation"/>, <see cref="EvidenceKind.RowAllocation"/>): the sizes it gives.</summary>
    public AllocatedSizes? Sizes { get; }
}

/// <summary>
/// The dimension sizes one allocation gives, where they are compile-time constants: <c>new double[128, 784]</c>
/// gives 128 and 784 from subscript 0; a jagged row <c>w[i] = new double[784]</c> gives 784 from subscript 1.
/// </summary>
internal sealed class AllocatedSizes
{
    public AllocatedSizes(int firstSubscript, ImmutableArray<int?> constants)
    {
        FirstSubscript = firstSubscript;
        Constants = constants;
    }

    /// <summary>The subscript (counted from the field's array outwards, through jagged levels) of the first dimension allocated.</summary>
    public int FirstSubscript { get; }

    /// <summary>One entry per allocated dimension; null where the size is not a constant.</summary>
    public ImmutableArray<int?> Constants { get; }

    /// <summary>Whether this allocation gives the length at <paramref name="subscript"/>, and that length when it is a constant.</summary>
    public bool Covers(int subscript, out int? length)
    {
        var offset = subscript - FirstSubscript;
        length = offset >= 0 && offset < Constants.Length ? Constants[offset] : null;
        return offset >= 0 && offset < Constants.Length;
    }
}

/// <summary>
/// A use of an array element in a weighted sum (<c>sum += w[i, j] * x[j]</c>), with the array it multiplies
/// (the layer's input) and the arrays the sum ends up in (the layer's output).
/// </summary>
internal sealed class WeightedSumUse
{
    public WeightedSumUse(ISymbol? input, ImmutableArray<ISymbol> outputs, bool inBackwardPass, ActivationKind activation, int? inputIndexPosition, string method)
    {
        Method = method;
        Input = input;
        Outputs = outputs;
        InBackwardPass = inBackwardPass;
        Activation = activation;
        InputIndexPosition = inputIndexPosition;
    }

    public ISymbol? Input { get; }

    /// <summary>The method that computes the sum (the layer's forward method).</summary>
    public string Method { get; }

    /// <summary>That method with its type and file, for messages: <c>Network.Forward (Network.cs)</c>.</summary>
    public string? Where { get; set; }

    public ImmutableArray<ISymbol> Outputs { get; }

    /// <summary>Backpropagation multiplies weights by errors too; such uses say "weight" but not which layer feeds which.</summary>
    public bool InBackwardPass { get; }

    /// <summary>What the code applies to the sum before it leaves the layer.</summary>
    public ActivationKind Activation { get; }

    /// <summary>
    /// Where <see cref="Activation"/> is unknown, what the code applies in the instance one construction makes: a layer class
    /// whose activation is chosen by a constructor's argument (<c>new Layer(784, 128, Act.ReLU)</c>).
    /// </summary>
    public System.Func<ConstructionArguments, ActivationKind>? ActivationAt { get; set; }

    /// <summary>
    /// Which subscript of the weight (counting from the array outwards, through jagged levels) runs with the input's:
    /// in <c>w[i, j] * x[j]</c> it is 1, so fan_in is the length of dimension 1. Null when no subscript is the input's alone.
    /// </summary>
    public int? InputIndexPosition { get; }
}

/// <summary>Everything seen about one array field of a type.</summary>
internal sealed class StorageEvidence
{
    public StorageEvidence(IFieldSymbol field) => Field = field;

    public IFieldSymbol Field { get; }

    public List<InitEvidence> Writes { get; } = new();

    public List<WeightedSumUse> WeightedSums { get; } = new();

    /// <summary>Written by a training step (<c>w[i, j] -= rate * gradient</c>): trained parameters, so weights.</summary>
    public bool Trained { get; set; }

    /// <summary>
    /// The constant fan-in (the length at <paramref name="fanInIndex"/>) and, for a matrix with two subscripts, the constant
    /// fan-out (the other length), when every allocation of the field agrees on them; null where any size is not a constant.
    /// </summary>
    public (int? FanIn, int? FanOut) ConstantFans(int? fanInIndex)
    {
        if (fanInIndex is not { } fanIn)
        {
            return (null, null);
        }

        var subscripts = 0;
        for (var type = Field.Type; type is IArrayTypeSymbol array; type = array.ElementType)
        {
            subscripts += array.Rank;
        }

        return (ConstantLength(fanIn), subscripts == 2 ? ConstantLength(1 - fanIn) : null);
    }

    private int? ConstantLength(int subscript)
    {
        int? found = null;
        foreach (var write in Writes)
        {
            if (write.Sizes is { } sizes && sizes.Covers(subscript, out var length))
            {
                if (length is null || found is not null && found != length)
                {
                    return null;
                }

                found = length;
            }
        }

        return found;
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>What one write or hand-off does to the values a matrix field holds before the first forward pass.</summary>
internal enum MatrixWriteKind
{
    /// <summary><c>Build.Dense(r, c)</c>, <c>new DenseMatrix(r, c)</c>, <c>Dense(r, c, 0)</c>: a new matrix of zeros.</summary>
    ZeroAllocation,

    /// <summary>An explicit zero fill of an existing matrix: <c>w.Clear()</c>, <c>w[i, j] = 0</c>.</summary>
    ZeroFill,

    /// <summary>A new matrix holding one non-zero constant: <c>Build.Dense(r, c, 0.5)</c>.</summary>
    ConstantFill,

    /// <summary>Values from elsewhere: random draws, a file, another network, an unknown method's result.</summary>
    ValueWrite,

    /// <summary>The matrix is handed to code that may write it (an unknown method, an alias, a returned reference).</summary>
    Escape,
}

internal readonly struct MatrixWrite
{
    public MatrixWrite(MatrixWriteKind kind, Location location, double constant = 0, RandomDraw? draw = null, bool random = false)
    {
        Kind = kind;
        Location = location;
        Constant = constant;
        Draw = draw;
        Random = random || draw is not null;
    }

    public MatrixWriteKind Kind { get; }

    public Location Location { get; }

    public double Constant { get; }

    /// <summary>For a random <see cref="MatrixWriteKind.ValueWrite"/>: its distribution, when recognized.</summary>
    public RandomDraw? Draw { get; }

    /// <summary>The values are drawn at random (recognized distribution or not): evidence of a trainable weight.</summary>
    public bool Random { get; }
}

/// <summary>A place a layer's output lands: a local, parameter, field or property, or a method that returns it.</summary>
internal readonly struct DataHandle
{
    public DataHandle(ISymbol symbol, SyntaxNode? body, int position)
    {
        Symbol = symbol;
        Body = body;
        Position = position;
    }

    public ISymbol Symbol { get; }

    /// <summary>The method body (or initializer) in which the value is stored; null for a method's result.</summary>
    public SyntaxNode? Body { get; }

    /// <summary>Where the value is stored; reads before it in the same body see an older value.</summary>
    public int Position { get; }

    /// <summary>True when a product at <paramref name="product"/> that reads <paramref name="input"/> sees this value.</summary>
    public bool Reaches(ISymbol input, SyntaxNode product)
    {
        if (!SymbolEqualityComparer.Default.Equals(Symbol, input))
        {
            return false;
        }

        var sameBody = Body is not null && product.SyntaxTree == Body.SyntaxTree && Body.Span.Contains(product.Span);
        if (Symbol is ILocalSymbol or IParameterSymbol)
        {
            return sameBody && product.SpanStart >= Position;
        }

        // A field read in another method may see the value; in the same method only after it is stored.
        return !sameBody || product.SpanStart >= Position;
    }
}

/// <summary>
/// A multiplication of a matrix field by the layer's input (<c>W * x</c>, <c>x * W</c>, <c>W.Multiply(x)</c>,
/// <c>W.TransposeThisAndMultiply(x)</c>), with what the layer reads, where its output goes and what is applied to it.
/// </summary>
internal sealed class MatrixProduct
{
    public MatrixProduct(SyntaxNode product, ISymbol? partner, ImmutableArray<ISymbol> inputs, int? fanInIndex, bool inBackwardPass, string method)
    {
        Product = product;
        Partner = partner;
        Inputs = inputs;
        FanInIndex = fanInIndex;
        InBackwardPass = inBackwardPass;
        Method = method;
    }

    /// <summary>The multiplication itself, by syntax so that products found from either factor compare equal.</summary>
    public SyntaxNode Product { get; }

    /// <summary>The field, local or parameter the weight is multiplied by, when it is one.</summary>
    public ISymbol? Partner { get; }

    /// <summary>What the partner reads: its symbol, or the layer method whose result it holds.</summary>
    public ImmutableArray<ISymbol> Inputs { get; }

    /// <summary>0 when fan_in is the row count (<c>x * W</c>, <c>W.Transpose() * x</c>), 1 for the column count (<c>W * x</c>).</summary>
    public int? FanInIndex { get; }

    /// <summary>Backpropagation multiplies weights too (<c>W.Transpose() * delta</c>); such uses say "weight" but not which layer feeds which.</summary>
    public bool InBackwardPass { get; }

    /// <summary>The member that computes the product (the layer's forward method).</summary>
    public string Method { get; }

    public ImmutableArray<DataHandle> Outputs { get; set; } = ImmutableArray<DataHandle>.Empty;

    /// <summary>Products that take this one's output as a factor directly: <c>W2 * (W1 * x).Map(f)</c>.</summary>
    public ImmutableArray<SyntaxNode> Consumers { get; set; } = ImmutableArray<SyntaxNode>.Empty;

    public ActivationKind Activation { get; set; } = ActivationKind.Unknown;
}

/// <summary>Everything seen about one matrix or vector field (or auto-property) of a type.</summary>
internal sealed class MatrixStorage
{
    public MatrixStorage(IFieldSymbol field, TensorShape shape)
    {
        Field = field;
        Shape = shape;
    }

    public IFieldSymbol Field { get; }

    /// <summary>The name the user wrote: an auto-property's, not its backing field's.</summary>
    public string Name => Field.AssociatedSymbol?.Name ?? Field.Name;

    /// <summary>The property for an auto-property, else the field: what other code refers to.</summary>
    public ISymbol Member => (ISymbol?)Field.AssociatedSymbol ?? Field;

    public TensorShape Shape { get; }

    public List<MatrixWrite> Writes { get; } = new();

    public List<MatrixProduct> Products { get; } = new();

    /// <summary>Updated in a training step (<c>W -= rate * gradient</c>, <c>W.Subtract(update, W)</c>): trained parameters.</summary>
    public bool Trained { get; set; }
}

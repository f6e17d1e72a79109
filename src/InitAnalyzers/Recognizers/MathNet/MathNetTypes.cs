using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.MathNet;

/// <summary>
/// The MathNet.Numerics types the recognizer reads, resolved once per compilation by metadata name;
/// <see cref="Resolve"/> gives null when MathNet is not referenced, and then nothing is registered.
/// </summary>
internal sealed class MathNetTypes
{
    private const string LinearAlgebra = "MathNet.Numerics.LinearAlgebra.";
    private const string Distributions = "MathNet.Numerics.Distributions.";

    private MathNetTypes(FrameworkAssembly mathNet, INamedTypeSymbol matrix, INamedTypeSymbol vector)
    {
        Matrix = matrix;
        Vector = vector;
        MatrixBuilder = mathNet.Type(LinearAlgebra + "MatrixBuilder`1");
        VectorBuilder = mathNet.Type(LinearAlgebra + "VectorBuilder`1");
        CreateMatrix = mathNet.Type(LinearAlgebra + "CreateMatrix");
        CreateVector = mathNet.Type(LinearAlgebra + "CreateVector");
        Normal = mathNet.Type(Distributions + "Normal");
        ContinuousUniform = mathNet.Type(Distributions + "ContinuousUniform");
        ContinuousDistribution = mathNet.Type(Distributions + "IContinuousDistribution");
        SystemRandomSource = mathNet.Type("MathNet.Numerics.Random.SystemRandomSource");
    }

    /// <summary><c>Matrix&lt;T&gt;</c>, the base of <c>DenseMatrix</c> and every other storage.</summary>
    public INamedTypeSymbol Matrix { get; }

    /// <summary><c>Vector&lt;T&gt;</c>: one unit's weights.</summary>
    public INamedTypeSymbol Vector { get; }

    public INamedTypeSymbol? MatrixBuilder { get; }

    public INamedTypeSymbol? VectorBuilder { get; }

    public INamedTypeSymbol? CreateMatrix { get; }

    public INamedTypeSymbol? CreateVector { get; }

    public INamedTypeSymbol? Normal { get; }

    public INamedTypeSymbol? ContinuousUniform { get; }

    public INamedTypeSymbol? ContinuousDistribution { get; }

    public INamedTypeSymbol? SystemRandomSource { get; }

    /// <summary>
    /// False when no field of <paramref name="type"/> can be a matrix or vector (<see cref="ShapeOf"/>), from the names of the
    /// fields' types and their bases alone: nothing is resolved for the types of code that uses MathNet for something else.
    /// </summary>
    public static bool MayHoldShape(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: false } field)
            {
                for (var current = field.Type as INamedTypeSymbol; current is not null; current = current.BaseType)
                {
                    if (current is { Arity: 1, Name: "Matrix" or "Vector" })
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public static MathNetTypes? Resolve(Compilation compilation)
    {
        var mathNet = FrameworkAssembly.Find(compilation, "MathNet.Numerics");
        var matrix = mathNet.Type(LinearAlgebra + "Matrix`1");
        var vector = mathNet.Type(LinearAlgebra + "Vector`1");
        return matrix is null || vector is null ? null : new MathNetTypes(mathNet, matrix, vector);
    }

    /// <summary>
    /// The shape of a <c>Matrix&lt;double&gt;</c>, <c>Matrix&lt;float&gt;</c>, <c>Vector&lt;T&gt;</c> or a type derived
    /// from them (<c>DenseMatrix</c>); null for other types, complex elements and generic <c>Matrix&lt;T&gt;</c>.
    /// </summary>
    public TensorShape? WeightShapeOf(ITypeSymbol? type)
    {
        var shape = ShapeOf(type);
        return shape is { Element.SpecialType: SpecialType.System_Double or SpecialType.System_Single } ? shape : null;
    }

    /// <summary>The shape of any MathNet matrix or vector, whatever its element type.</summary>
    public TensorShape? ShapeOf(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.TypeArguments.Length == 1)
            {
                var definition = current.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, Matrix))
                {
                    return new TensorShape(isVector: false, current.TypeArguments[0], current);
                }

                if (SymbolEqualityComparer.Default.Equals(definition, Vector))
                {
                    return new TensorShape(isVector: true, current.TypeArguments[0], current);
                }
            }
        }

        return null;
    }

    public bool IsMatrixOrVector(ITypeSymbol? type) => ShapeOf(type) is not null;

    /// <summary>A method of MathNet.Numerics itself (not a user's extension method over its types).</summary>
    public static bool IsMathNetMethod(IMethodSymbol method) =>
        method.ContainingNamespace?.ToDisplayString() is { } name && (name == "MathNet.Numerics" || name.StartsWith("MathNet.Numerics.", System.StringComparison.Ordinal));

    public bool IsBuilder(INamedTypeSymbol? type) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, MatrixBuilder) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, VectorBuilder));

    public bool IsCreateClass(INamedTypeSymbol? type) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, CreateMatrix) || SymbolEqualityComparer.Default.Equals(type, CreateVector));

    /// <summary><c>DenseMatrix</c> or <c>DenseVector</c> of the Double or Single namespace.</summary>
    public static bool IsDenseStorageType(INamedTypeSymbol? type) =>
        type is { Name: "DenseMatrix" or "DenseVector", ContainingNamespace: { Name: "Double" or "Single", ContainingNamespace: { Name: "LinearAlgebra", ContainingNamespace: { Name: "Numerics", ContainingNamespace.Name: "MathNet" } } } };
}

/// <summary>A MathNet matrix or vector type: which of the two, its element type, and the <c>Matrix&lt;T&gt;</c>/<c>Vector&lt;T&gt;</c> it is.</summary>
internal readonly struct TensorShape
{
    public TensorShape(bool isVector, ITypeSymbol element, INamedTypeSymbol generic)
    {
        IsVector = isVector;
        Element = element;
        Generic = generic;
    }

    public bool IsVector { get; }

    public ITypeSymbol Element { get; }

    /// <summary><c>Matrix&lt;double&gt;</c> for a <c>DenseMatrix</c>, and so on.</summary>
    public INamedTypeSymbol Generic { get; }
}

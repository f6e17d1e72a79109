using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.NumSharp;

/// <summary>The NumSharp types the recognizer needs, resolved once per compilation; null when NumSharp is not referenced.</summary>
internal sealed class NumSharpTypes
{
    private NumSharpTypes(INamedTypeSymbol ndArray, INamedTypeSymbol np, INamedTypeSymbol random, INamedTypeSymbol shape)
    {
        NDArray = ndArray;
        Np = np;
        Random = random;
        Shape = shape;
    }

    /// <summary>False when no field of <paramref name="type"/> can be an <c>NDArray</c>, from the names of the fields' types alone.</summary>
    public static bool MayHoldNDArray(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: false, Type.Name: "NDArray" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>NumSharp.NDArray</c>, the type of weight fields.</summary>
    public INamedTypeSymbol NDArray { get; }

    /// <summary><c>NumSharp.np</c>: the factories (<c>zeros</c>, <c>ones</c>, <c>full</c>) and the products (<c>dot</c>, <c>matmul</c>).</summary>
    public INamedTypeSymbol Np { get; }

    /// <summary><c>NumSharp.NumPyRandom</c>, the type of <c>np.random</c> and of <c>np.random.RandomState(seed)</c>.</summary>
    public INamedTypeSymbol Random { get; }

    /// <summary><c>NumSharp.Shape</c>.</summary>
    public INamedTypeSymbol Shape { get; }

    public static NumSharpTypes? Resolve(Compilation compilation) => Resolve(FrameworkAssembly.Find(compilation, "NumSharp"));

    private static NumSharpTypes? Resolve(FrameworkAssembly numSharp) =>
        numSharp.Type("NumSharp.NDArray") is { } ndArray
        && numSharp.Type("NumSharp.np") is { } np
        && numSharp.Type("NumSharp.NumPyRandom") is { } random
        && numSharp.Type("NumSharp.Shape") is { } shape
            ? new NumSharpTypes(ndArray, np, random, shape)
            : null;

    public bool IsNDArray(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, NDArray);

    /// <summary>A static method of <c>np</c>.</summary>
    public bool IsNp(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType, Np);

    /// <summary>A method of <c>NumPyRandom</c>.</summary>
    public bool IsRandom(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType, Random);

    /// <summary>An instance method of <c>NDArray</c>.</summary>
    public bool IsNDArrayMethod(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType, NDArray);
}

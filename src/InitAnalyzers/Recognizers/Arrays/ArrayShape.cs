using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>Shape questions about hand-written weight arrays: <c>double[]</c>, <c>float[,]</c>, jagged <c>double[][]</c>.</summary>
internal static class ArrayShape
{
    /// <summary>An array whose innermost elements are floating-point numbers.</summary>
    public static bool IsFloatingArray(ITypeSymbol? type)
    {
        if (type is not IArrayTypeSymbol array)
        {
            return false;
        }

        ITypeSymbol element = array;
        while (element is IArrayTypeSymbol nested)
        {
            element = nested.ElementType;
        }

        return element.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
            || element.Name == "Half" && element.ContainingNamespace?.Name == "System";
    }

    /// <summary>How many element accesses reach a number: 1 for <c>double[,]</c>, 2 for <c>double[][]</c>.</summary>
    public static int JaggedDepth(ITypeSymbol type)
    {
        var depth = 0;
        while (type is IArrayTypeSymbol array)
        {
            depth++;
            type = array.ElementType;
        }

        return depth;
    }
}

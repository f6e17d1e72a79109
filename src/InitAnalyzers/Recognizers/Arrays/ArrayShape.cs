using System.Linq;
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
            || element.Name == "Half" && element.ContainingNamespace?.Name == "System"
            || element is ITypeParameterSymbol parameter && IsFloatingPointParameter(parameter);
    }

    /// <summary>
    /// A generic-math element type constrained to floating point (<c>T : IFloatingPoint&lt;T&gt;</c>, <c>IFloatingPointIeee754&lt;T&gt;</c>):
    /// a layer written once for float and double. <c>INumber&lt;T&gt;</c> alone admits integers, whose layers are not trained.
    /// </summary>
    private static bool IsFloatingPointParameter(ITypeParameterSymbol parameter) =>
        parameter.ConstraintTypes.Any(constraint => constraint.Name is "IFloatingPoint" or "IFloatingPointIeee754" or "IBinaryFloatingPointIeee754" or "IExponentialFunctions" or "IRootFunctions"
            && constraint.ContainingNamespace?.ToDisplayString() == "System.Numerics");

    /// <summary>
    /// How many element accesses reach a number: 1 for <c>double[,]</c> and <c>Span&lt;double&gt;</c>, 2 for <c>double[][]</c> and
    /// <c>Span&lt;double[]&gt;</c>.
    /// </summary>
    public static int JaggedDepth(ITypeSymbol type)
    {
        var depth = 0;
        while (ElementAccess.ElementType(type) is { } element)
        {
            depth++;
            type = element;
        }

        return depth;
    }
}

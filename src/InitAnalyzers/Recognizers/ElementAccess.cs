using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// An element of an array, or of a span over one: <c>w[i, j]</c> is an array element reference, while <c>s[i]</c> on a
/// <c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c> is a reference to the span's indexer (<c>ref T this[int]</c>), which reads and
/// writes the array's element in the same way. Index and range subscripts (<c>s[^1]</c>, <c>s[1..]</c>) are neither.
/// </summary>
internal static class ElementAccess
{
    /// <summary>An array element or a span element.</summary>
    public static bool IsElement(this IOperation? operation) =>
        operation is IArrayElementReferenceOperation || IsSpanElement(operation);

    /// <summary>The array or span an element indexes: <c>w</c> in <c>w[i, j]</c>; null when <paramref name="element"/> is none.</summary>
    public static IOperation? Indexed(this IOperation? element) => element switch
    {
        IArrayElementReferenceOperation array => array.ArrayReference,
        IPropertyReferenceOperation span when IsSpanElement(span) => span.Instance,
        _ => null,
    };

    /// <summary>The element of <paramref name="indexed"/> its parent takes, if it takes one: the parent of <c>w</c> in <c>w[i]</c>.</summary>
    public static IOperation? ElementOf(this IOperation indexed) =>
        indexed.Parent is { } parent && parent.Indexed() == indexed ? parent : null;

    /// <summary>The subscripts of one level: <c>i, j</c> in <c>w[i, j]</c>, <c>i</c> in <c>s[i]</c>.</summary>
    public static ImmutableArray<IOperation> Subscripts(this IOperation element) => element switch
    {
        IArrayElementReferenceOperation array => array.Indices,
        IPropertyReferenceOperation span => span.Arguments.Select(argument => argument.Value).ToImmutableArray(),
        _ => ImmutableArray<IOperation>.Empty,
    };

    /// <summary><c>System.Span&lt;T&gt;</c> or <c>System.ReadOnlySpan&lt;T&gt;</c>.</summary>
    public static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Arity: 1, Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>An array type, or a span type whose elements are what an array of that element type holds.</summary>
    public static bool IsArrayOrSpan(ITypeSymbol? type) => type is IArrayTypeSymbol || IsSpan(type);

    /// <summary>The element type of an array or span type; null for any other.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol named when IsSpan(named) => named.TypeArguments[0],
        _ => null,
    };

    private static bool IsSpanElement(IOperation? operation) =>
        operation is IPropertyReferenceOperation { Instance: not null, Property: { IsIndexer: true, Parameters.Length: 1 } property }
        && property.Parameters[0].Type.SpecialType == SpecialType.System_Int32
        && IsSpan(property.ContainingType);
}

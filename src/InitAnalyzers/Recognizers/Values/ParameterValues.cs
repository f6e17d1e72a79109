using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Values;

/// <summary>
/// The numbers one call gives a helper's parameters, where the caller fixes them: <c>RandomValue(-0.9, 0.9)</c> reads the
/// helper's <c>rand.NextDouble() * (upper - lower) + lower</c> as U(-0.9, 0.9). A parameter the call does not fix has no number,
/// so what depends on it stays unknown.
/// </summary>
internal sealed class ParameterValues
{
    private readonly Dictionary<IParameterSymbol, double> numbers;

    private static readonly ParameterValues None = new(new Dictionary<IParameterSymbol, double>(SymbolEqualityComparer.Default));

    private ParameterValues(Dictionary<IParameterSymbol, double> numbers) => this.numbers = numbers;

    /// <summary>
    /// The numbers <paramref name="call"/> passes, folded in the caller, where its own parameters have <paramref name="outer"/>'s
    /// numbers (a helper calling a helper). Null when the call passes nothing, by <c>ref</c>, or in an expanded <c>params</c> array.
    /// </summary>
    public static ParameterValues? Of(IInvocationOperation call, ParameterValues? outer)
    {
        if (call.Arguments.IsEmpty)
        {
            return null;
        }

        var numbers = new Dictionary<IParameterSymbol, double>(SymbolEqualityComparer.Default);
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter.RefKind is not (RefKind.None or RefKind.In))
            {
                return null;
            }

            if (Linear(argument.Value, outer ?? None) is { } number)
            {
                numbers[argument.Parameter.OriginalDefinition] = number;
            }
        }

        return new ParameterValues(numbers);
    }

    /// <summary>
    /// <paramref name="value"/> folded where it is a constant or constants and fixed parameters under <c>+</c>, <c>-</c> and
    /// <c>*</c>: the bounds and shifts of a draw. A value that divides or calls (<c>Math.Sqrt(2.0 / fanIn)</c>) is a scale computed
    /// from a size, the user's choice, and is not turned into a fixed number.
    /// </summary>
    public static double? Linear(IOperation value, ParameterValues? parameters)
    {
        if (value.NumericConstant() is { } constant)
        {
            return constant;
        }

        if (parameters is null)
        {
            return null;
        }

        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation or IBinaryOperation { OperatorKind: not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply) })
            {
                return null;
            }
        }

        return NumberFolder.Fold(value, parameters);
    }

    /// <summary>Made-up numbers for the parameters, to read what a helper computes from them (<c>Range(-1, 1)</c> and <c>Range(2, 5)</c>).</summary>
    public static ParameterValues Probe(IReadOnlyList<IParameterSymbol> parameters, IReadOnlyList<double> values)
    {
        var numbers = new Dictionary<IParameterSymbol, double>(SymbolEqualityComparer.Default);
        for (var i = 0; i < parameters.Count && i < values.Count; i++)
        {
            numbers[parameters[i].OriginalDefinition] = values[i];
        }

        return new ParameterValues(numbers);
    }

    /// <summary>The number the call gives <paramref name="parameter"/>; null when it gives none.</summary>
    public double? Number(IParameterSymbol parameter) =>
        parameter.RefKind is RefKind.None or RefKind.In && numbers.TryGetValue(parameter.OriginalDefinition, out var number) ? number : null;
}

using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Facts;

/// <summary>
/// A scale that is zero by construction: integer division of a small constant by a layer size, <c>Math.Sqrt(2 / n)</c>,
/// which is 0 for every n above the constant (DOMAIN.md section 5, a bug seen in public code).
/// </summary>
internal sealed class ZeroingDivision
{
    public ZeroingDivision(Location numerator, long numeratorValue, string divisor, SchemeDraw? intended)
    {
        Numerator = numerator;
        NumeratorValue = numeratorValue;
        Divisor = divisor;
        Intended = intended;
    }

    /// <summary>The integer constant divided; writing it as a floating-point literal (<c>2.0</c>) fixes the scale.</summary>
    public Location Numerator { get; }

    public long NumeratorValue { get; }

    /// <summary>The divisor as the user wrote it, for the message.</summary>
    public string Divisor { get; }

    /// <summary>The scheme the formula implements once divided in floating point (<c>Math.Sqrt(2.0 / n)</c>: He), where it is one.</summary>
    public SchemeDraw? Intended { get; }
}

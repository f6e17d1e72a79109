using System;
using System.Globalization;

namespace InitAnalyzers.Facts;

/// <summary>The distribution a random initializer draws from: U(lo, hi) or N(mean, std), or a scale that depends on the layer's size.</summary>
internal sealed class RandomDraw : IEquatable<RandomDraw>
{
    private RandomDraw(InitKind family, double first, double second, bool scaledBySize)
    {
        Family = family;
        First = first;
        Second = second;
        ScaledBySize = scaledBySize;
    }

    /// <summary><see cref="InitKind.Uniform"/> or <see cref="InitKind.Normal"/>.</summary>
    public InitKind Family { get; }

    /// <summary>The lower bound of a uniform, the mean of a normal.</summary>
    public double First { get; }

    /// <summary>The upper bound of a uniform, the standard deviation of a normal.</summary>
    public double Second { get; }

    /// <summary>The scale is computed from a variable (<c>1 / Math.Sqrt(n)</c>): its numbers are not known and it is not judged as unscaled.</summary>
    public bool ScaledBySize { get; }

    public double Mean => Family == InitKind.Uniform ? (First + Second) / 2 : First;

    public double StandardDeviation => Family == InitKind.Uniform ? Math.Abs(Second - First) / Math.Sqrt(12) : Math.Abs(Second);

    public static RandomDraw Uniform(double low, double high) => new(InitKind.Uniform, Math.Min(low, high), Math.Max(low, high), scaledBySize: false);

    public static RandomDraw Normal(double mean, double standardDeviation) => new(InitKind.Normal, mean, Math.Abs(standardDeviation), scaledBySize: false);

    public RandomDraw ScaledBy(double factor) => ScaledBySize ? WithSizeScale() : Family == InitKind.Uniform ? Uniform(First * factor, Second * factor) : Normal(First * factor, Second * factor);

    public RandomDraw ShiftedBy(double offset) => ScaledBySize ? WithSizeScale() : Family == InitKind.Uniform ? Uniform(First + offset, Second + offset) : Normal(First + offset, Second);

    /// <summary>This draw under a scale computed from variables; a scheme read from that scale is dropped, since it no longer describes the values.</summary>
    public RandomDraw WithSizeScale() => new(Family, First, Second, scaledBySize: true);

    /// <summary>This draw under a scale that implements <paramref name="scheme"/> (<c>Gaussian() * Math.Sqrt(2.0 / fanIn)</c>: He normal).</summary>
    public RandomDraw WithScheme(SchemeDraw scheme) => new(Family, First, Second, scaledBySize: true) { Scheme = scheme };

    /// <summary>The fan-scaled scheme the draw's scale implements, where one was recognized (<see cref="Recognizers.Values.SchemeFormula"/>).</summary>
    public SchemeDraw? Scheme { get; private set; }

    /// <summary>
    /// A scheme's formula written so that operator precedence changes what it computes (<c>Math.Sqrt(2.0 / fanIn + fanOut)</c>):
    /// what it was written as and what it evaluates to in words.
    /// </summary>
    public (string Written, string Meaning)? MalformedScale { get; private set; }

    /// <summary>This draw under a malformed scheme formula.</summary>
    public RandomDraw WithMalformedScale(string written, string meaning) => new(Family, First, Second, scaledBySize: true) { MalformedScale = (written, meaning) };

    /// <summary>The draw times a scale that is zero by construction: every value it produces is 0.</summary>
    public RandomDraw ZeroedBy(ZeroingDivision division) => new(Family, First, Second, ScaledBySize) { Zeroing = division };

    /// <summary>Set when the draw is multiplied by a scale that is always zero (<c>Math.Sqrt(2 / n)</c>): the values are zeros, not a distribution.</summary>
    public ZeroingDivision? Zeroing { get; private set; }

    /// <summary>"U[0, 1)", "U(-0.5, 0.5)", "N(0, 1)".</summary>
    public override string ToString() => Family == InitKind.Uniform
        ? string.Format(CultureInfo.InvariantCulture, "U({0:G4}, {1:G4})", First, Second)
        : string.Format(CultureInfo.InvariantCulture, "N({0:G4}, {1:G4})", First, Second);

    public bool Equals(RandomDraw? other) => other is not null && Family == other.Family && First.Equals(other.First) && Second.Equals(other.Second) && ScaledBySize == other.ScaledBySize
        && Equals(Scheme?.ToString(), other.Scheme?.ToString()) && Equals(MalformedScale, other.MalformedScale);

    public override bool Equals(object? obj) => Equals(obj as RandomDraw);

    public override int GetHashCode() => ((int)Family * 397) ^ First.GetHashCode() ^ (Second.GetHashCode() * 31) ^ (ScaledBySize ? 1 : 0);
}

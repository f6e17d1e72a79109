using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Facts;

/// <summary>How a weight site is initialized, and the places in source that do it.</summary>
internal sealed class Initialization
{
    public Initialization(InitKind kind, ImmutableArray<Location> locations, double? constant = null, RandomDraw? draw = null, ZeroingDivision? zeroing = null, SchemeDraw? scheme = null)
    {
        Scheme = scheme;
        Zeroing = zeroing;
        Kind = kind;
        Locations = locations;
        Constant = constant;
        Draw = draw;
    }

    public static Initialization Unknown { get; } = new(InitKind.Unknown, ImmutableArray<Location>.Empty);

    public InitKind Kind { get; }

    /// <summary>The statements or expressions that produce the values; a diagnostic is reported on each.</summary>
    public ImmutableArray<Location> Locations { get; }

    /// <summary>The value of a <see cref="InitKind.Constant"/> initialization.</summary>
    public double? Constant { get; }

    /// <summary>For a <see cref="InitKind.Zero"/> initialization written as a random draw: the integer division that makes its scale zero.</summary>
    public ZeroingDivision? Zeroing { get; }

    /// <summary>The fan-scaled scheme of a <see cref="InitKind.Scheme"/> initialization: its family, gain and mode.</summary>
    public SchemeDraw? Scheme { get; }

    /// <summary>The distribution of a <see cref="InitKind.Uniform"/> or <see cref="InitKind.Normal"/> initialization.</summary>
    public RandomDraw? Draw { get; }
}

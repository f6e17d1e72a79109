using System;
using System.Globalization;

namespace InitAnalyzers.Facts;

/// <summary>The fan-scaled families (DOMAIN.md section 2): He/Kaiming g / sqrt(fan), Xavier/Glorot g * sqrt(2 / (fan_in + fan_out)), LeCun 1 / sqrt(fan_in).</summary>
internal enum SchemeFamily
{
    He,
    Xavier,
    LeCun,
}

/// <summary>Which fan a scheme divides by.</summary>
internal enum FanMode
{
    FanIn,
    FanOut,

    /// <summary>Xavier: the mean of fan_in and fan_out.</summary>
    Average,
}

/// <summary>
/// What a fan-scaled initializer computes, as neutral facts: its family, its distribution, the nonlinearity whose gain it
/// uses (<c>kaiming_normal_(w, nonlinearity: ReLU)</c>, <c>xavier_uniform_(w, gain: calculate_gain(Tanh))</c>, a hand-written
/// <c>Math.Sqrt(2.0 / n)</c>), the leaky slope and the fan mode. Rules decide from these which activations it suits.
/// </summary>
internal sealed class SchemeDraw
{
    public SchemeDraw(SchemeFamily family, InitKind distribution, ActivationKind gainFor, double? negativeSlope = null, FanMode mode = FanMode.FanIn, double? gain = null)
    {
        Family = family;
        Distribution = distribution;
        GainFor = gainFor;
        NegativeSlope = negativeSlope;
        Mode = family == SchemeFamily.Xavier ? FanMode.Average : mode;
        Gain = gain ?? GainOf(gainFor, negativeSlope);
    }

    public SchemeFamily Family { get; }

    /// <summary><see cref="InitKind.Uniform"/> or <see cref="InitKind.Normal"/>: the distribution actually drawn from.</summary>
    public InitKind Distribution { get; }

    /// <summary>
    /// The nonlinearity whose gain the scheme uses: <see cref="ActivationKind.ReLU"/>, <see cref="ActivationKind.LeakyReLU"/>
    /// (with <see cref="NegativeSlope"/>), <see cref="ActivationKind.Tanh"/>, <see cref="ActivationKind.Sigmoid"/> or
    /// <see cref="ActivationKind.Linear"/> (gain 1); <see cref="ActivationKind.Unknown"/> when the gain is a number that names none of them.
    /// </summary>
    public ActivationKind GainFor { get; }

    /// <summary>The negative slope of a leaky-ReLU gain (PyTorch's <c>a</c>).</summary>
    public double? NegativeSlope { get; }

    public FanMode Mode { get; }

    /// <summary>The gain g, where it is known (sqrt(2) for ReLU, 5/3 for tanh, 1 for linear and sigmoid).</summary>
    public double? Gain { get; }

    /// <summary>
    /// The activations the scheme is derived for (DOMAIN.md section 3): the ReLU family for He with a rectifier gain or any
    /// scheme with a ReLU gain; tanh and sigmoid for Xavier with gain 1 or a tanh/sigmoid gain; gain 1 over fan_in (LeCun,
    /// <c>kaiming_*</c> with a linear gain) suits SELU, sigmoid and linear layers.
    /// </summary>
    public SchemeSuits Suits => GainFor switch
    {
        ActivationKind.ReLU or ActivationKind.LeakyReLU => SchemeSuits.Rectifier,
        ActivationKind.Tanh => SchemeSuits.Saturating,
        ActivationKind.Sigmoid => Family == SchemeFamily.Xavier ? SchemeSuits.Saturating : SchemeSuits.UnitGain,
        ActivationKind.Linear => Family == SchemeFamily.Xavier ? SchemeSuits.Saturating : SchemeSuits.UnitGain,
        _ => SchemeSuits.Unknown,
    };

    /// <summary>Gains of DOMAIN.md section 2: sqrt(2) for ReLU, sqrt(2 / (1 + a^2)) for leaky ReLU, 5/3 for tanh, 1 otherwise.</summary>
    public static double? GainOf(ActivationKind nonlinearity, double? negativeSlope) => nonlinearity switch
    {
        ActivationKind.ReLU => Math.Sqrt(2),
        ActivationKind.LeakyReLU => Math.Sqrt(2 / (1 + ((negativeSlope ?? 0) * (negativeSlope ?? 0)))),
        ActivationKind.Tanh => 5.0 / 3,
        ActivationKind.Sigmoid or ActivationKind.Linear => 1,
        _ => null,
    };

    /// <summary>"He (Kaiming) normal with the ReLU gain", "Xavier uniform with gain 1", "LeCun normal".</summary>
    public override string ToString()
    {
        var shape = Distribution == InitKind.Uniform ? "uniform" : "normal";
        var name = Family switch
        {
            SchemeFamily.He => "He (Kaiming) " + shape,
            SchemeFamily.Xavier => "Xavier (Glorot) " + shape,
            _ => "LeCun " + shape,
        };
        var gain = GainFor switch
        {
            ActivationKind.ReLU => " with the ReLU gain",
            ActivationKind.LeakyReLU => string.Format(CultureInfo.InvariantCulture, " with the leaky-ReLU gain (slope {0:G3})", NegativeSlope ?? 0),
            ActivationKind.Tanh => " with the tanh gain",
            ActivationKind.Sigmoid => " with the sigmoid gain",
            ActivationKind.Linear when Family == SchemeFamily.He => " with the linear gain (LeCun)",
            ActivationKind.Linear when Family == SchemeFamily.Xavier => " with gain 1",
            _ when Gain is { } g => string.Format(CultureInfo.InvariantCulture, " with gain {0:G3}", g),
            _ => string.Empty,
        };
        return name + gain;
    }
}

/// <summary>The activations a fan-scaled scheme is derived for.</summary>
internal enum SchemeSuits
{
    /// <summary>The gain is a number that names no nonlinearity: not judged.</summary>
    Unknown,

    /// <summary>ReLU and its family (He et al. 2015).</summary>
    Rectifier,

    /// <summary>tanh and sigmoid (Glorot and Bengio 2010).</summary>
    Saturating,

    /// <summary>Gain 1 over fan_in (LeCun): SELU, sigmoid, linear layers.</summary>
    UnitGain,
}

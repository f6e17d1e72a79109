using System;
using System.Globalization;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT004: weights drawn at random with a scale that ignores fan-in, or not centred on zero (DOMAIN.md section 5):
/// U[0, 1), U(-1, 1), U(-0.5, 0.5), N(0, 1). A scale computed from a variable is the user's choice and is not judged;
/// small fixed scales (std below 0.25) are compared with the scheme only where the layer's fan-in is a known constant.
/// </summary>
internal sealed class UnscaledRandomRule : IWeightRule
{
    /// <summary>
    /// Below this standard deviation a fixed scale is not reported without a known fan-in: He std sqrt(2 / fan_in) is 0.25
    /// at fan_in 32, so larger fixed scales overshoot every layer wider than that.
    /// </summary>
    private const double LargeFixedStandardDeviation = 0.25;

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.UnscaledRandom;

    public void Judge(WeightSite site, InitOptions options, Action<Diagnostic> report)
    {
        // A model whose only layer is the output (a regression) trains from any scale: judged only where layers are known.
        if (site.Role != WeightRole.Weight || site.Position == LayerPosition.Unknown)
        {
            return;
        }

        if (site.Initialization.Draw is { MalformedScale: { } malformed } broken)
        {
            // A scheme's formula that precedence turned into a scale growing with the layer: said as what it evaluates to.
            foreach (var location in site.Initialization.Locations)
            {
                report(Diagnostic.Create(Descriptor, location, Remedy.Properties(site, options), site.Name, Describe(broken) + " times " + malformed.Written, "whose scale " + malformed.Meaning, Remedy.Describe(site, options.FixFamilyFor(broken.Family), site.FanIn, site.FanOut)));
            }

            return;
        }

        if (site.Initialization.Draw is not { ScaledBySize: false } draw)
        {
            return;
        }

        var offCentre = Math.Abs(draw.Mean) > draw.StandardDeviation / 4;
        string? mismatch = null;
        if (!offCentre)
        {
            if (SchemeScale(site) is { } known)
            {
                // The layer's fan-in is a constant: the fixed scale is compared with the scheme's, whatever its size.
                var ratio = draw.StandardDeviation / known.Std;
                var tolerance = draw.StandardDeviation < LargeFixedStandardDeviation ? SmallScaleTolerance : LargeScaleTolerance;
                if (ratio >= 1 / SmallScaleTolerance && ratio <= tolerance)
                {
                    return; // too small only by a factor a shallow network absorbs, or close enough
                }

                if (ratio < 1 && site.Position == LayerPosition.Output)
                {
                    return; // a small output layer feeds no other layer, and a zero one is fine (zero-initialized heads)
                }

                mismatch = ratio < 1
                    ? string.Format(CultureInfo.InvariantCulture, "whose fixed scale (std {0:G3}) is {1:G2} times smaller than the {2} std {3:G3} for fan_in {4}, so the signal fades with every layer", draw.StandardDeviation, 1 / ratio, known.Name, known.Std, site.FanIn)
                    : string.Format(CultureInfo.InvariantCulture, "whose fixed scale (std {0:G3}) is {1:G2} times larger than the {2} std {3:G3} for fan_in {4}, so the signal grows with every layer", draw.StandardDeviation, ratio, known.Name, known.Std, site.FanIn);
            }
            else if (draw.StandardDeviation < LargeFixedStandardDeviation)
            {
                return;
            }
        }

        var problem = mismatch is not null ? mismatch : offCentre
            ? string.Format(CultureInfo.InvariantCulture, "which is not centred on zero (mean {0:G3}) and whose scale ignores the fan-in, so every unit's input shifts the same way", draw.Mean)
            : string.Format(CultureInfo.InvariantCulture, "whose fixed scale (std {0:G3}) ignores the fan-in, so the signal grows with every layer wider than {1:F0} inputs", draw.StandardDeviation, Math.Ceiling(2 / (draw.StandardDeviation * draw.StandardDeviation)));
        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, Remedy.Properties(site, options).SetItem(Remedy.DrawnFamilyProperty, draw.Family.ToString()), site.Name, Describe(draw), problem, Remedy.Describe(site, options.FixFamilyFor(draw.Family), site.FanIn, site.FanOut)));
        }
    }

    /// <summary>
    /// The standard deviation of the scheme that suits the layer, where its fan-in is a compile-time constant
    /// (and its fan-out, for Xavier): He sqrt(2 / fan_in), LeCun sqrt(1 / fan_in), Xavier sqrt(2 / (fan_in + fan_out)).
    /// A fixed scale is judged against it.
    /// </summary>
    private static (string Name, double Std)? SchemeScale(WeightSite site)
    {
        if (site.FanIn is not { } fanIn || fanIn <= 0)
        {
            return null;
        }

        return site.Activation.SuitedScheme() switch
        {
            InitScheme.HeNormal or InitScheme.HeUniform => ("He", Math.Sqrt(2.0 / fanIn)),
            InitScheme.LeCunNormal or InitScheme.LeCunUniform => ("LeCun", Math.Sqrt(1.0 / fanIn)),
            _ when site.FanOut is { } fanOut && fanOut > 0 => ("Xavier", Math.Sqrt(2.0 / (fanIn + fanOut))),
            _ => null,
        };
    }

    /// <summary>
    /// How far a small fixed standard deviation (below <see cref="LargeFixedStandardDeviation"/>) may be from the scheme's,
    /// either way, before it is reported: a factor of 16 in variance. Tutorial networks with a handful of inputs, VGG's
    /// N(0, 0.01) on wide layers and Keras-style 0.05 draws stay within it; N(0, 0.01) under a 784-input ReLU layer does not.
    /// </summary>
    private const double SmallScaleTolerance = 4;

    /// <summary>
    /// How far above the scheme's a large fixed standard deviation may be before it is reported: a factor of 4 in variance, so
    /// U(-1, 1) into a 4-input layer is accepted and U(-0.5, 0.5) into a 200-input layer is not. Below the scheme, the
    /// small-scale tolerance applies to every draw, so a tutorial's U(-0.5, 0.5) into a 2-input XOR layer is accepted.
    /// </summary>
    private const double LargeScaleTolerance = 2;

    /// <summary>U[0, 1) for NextDouble's half-open range; otherwise the interval or the normal's parameters.</summary>
    private static string Describe(RandomDraw draw) => draw.Family == InitKind.Uniform && draw.First == 0 && draw.Second == 1 ? "U[0, 1)" : draw.ToString();
}

using System;
using System.Globalization;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT004: weights drawn at random with a scale that ignores fan-in, or not centred on zero (DOMAIN.md section 5):
/// U[0, 1), U(-1, 1), U(-0.5, 0.5), N(0, 1). A scale computed from a variable is the user's choice and is not judged;
/// small fixed scales (std below 0.25) are left alone until the layer's fan-in is known well enough to compare.
/// </summary>
internal sealed class UnscaledRandomRule : IWeightRule
{
    /// <summary>
    /// Below this standard deviation a fixed scale is not reported without a known fan-in: He std sqrt(2 / fan_in) is 0.25
    /// at fan_in 32, so larger fixed scales overshoot every layer wider than that.
    /// </summary>
    private const double LargeFixedStandardDeviation = 0.25;

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.UnscaledRandom;

    public void Judge(WeightSite site, Action<Diagnostic> report)
    {
        // A model whose only layer is the output (a regression) trains from any scale: judged only where layers are known.
        if (site.Role != WeightRole.Weight || site.Position == LayerPosition.Unknown || site.Initialization.Draw is not { ScaledBySize: false } draw)
        {
            return;
        }

        var offCentre = Math.Abs(draw.Mean) > draw.StandardDeviation / 4;
        if (!offCentre && draw.StandardDeviation < LargeFixedStandardDeviation)
        {
            return;
        }

        var problem = offCentre
            ? string.Format(CultureInfo.InvariantCulture, "which is not centred on zero (mean {0:G3}) and whose scale ignores the fan-in, so every unit's input shifts the same way", draw.Mean)
            : string.Format(CultureInfo.InvariantCulture, "whose fixed scale (std {0:G3}) ignores the fan-in, so the signal grows with every layer wider than {1:F0} inputs", draw.StandardDeviation, Math.Ceiling(2 / (draw.StandardDeviation * draw.StandardDeviation)));
        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, Remedy.Properties(site), site.Name, Describe(draw), problem, Remedy.Describe(site.Activation, draw.Family, site.FanIn, site.FanOut)));
        }
    }

    /// <summary>U[0, 1) for NextDouble's half-open range; otherwise the interval or the normal's parameters.</summary>
    private static string Describe(RandomDraw draw) => draw.Family == InitKind.Uniform && draw.First == 0 && draw.Second == 1 ? "U[0, 1)" : draw.ToString();
}

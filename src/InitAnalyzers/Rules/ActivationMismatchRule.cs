using System;
using System.Collections.Immutable;
using System.Globalization;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT003: a fan-scaled scheme derived for one kind of activation in front of another (DOMAIN.md section 3). Judged over
/// facts only (the scheme's family and gain, the activation that consumes the layer), so hand-written formulas and
/// framework initializers are judged alike:
/// - a scheme for gain 1 (Xavier, LeCun, a linear or tanh gain) before the ReLU family halves the variance at every layer;
/// - a ReLU gain before tanh or sigmoid doubles it;
/// - SELU needs variance 1 / fan_in (LeCun); Xavier is close to it and only a suggestion;
/// - a leaky-ReLU gain whose slope differs from the activation's by 0.1 or more is a suggestion: the variance moves by a few per cent.
/// The framework's default initialization, a linear or softmax output and unknown activations are never judged.
/// </summary>
internal sealed class ActivationMismatchRule : IWeightRule
{
    /// <summary>Slopes closer than this give gains within 1 per cent of each other (0.01 against 0, PyTorch's two defaults).</summary>
    private const double SlopeTolerance = 0.1;

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.ActivationMismatch;

    public void Judge(WeightSite site, InitOptions options, Action<Diagnostic> report)
    {
        // An activation assumed from configuration is a default for fixes, not evidence of a mismatch.
        if (site.Role != WeightRole.Weight || site.Initialization is not { Kind: InitKind.Scheme, Scheme: { } scheme })
        {
            return;
        }

        if (Verdict(site, scheme) is not { } verdict)
        {
            return;
        }

        var properties = Remedy.Properties(site, options);
        var remedy = Remedy.Describe(site.Activation, options.FixFamilyFor(scheme.Distribution), site.FanIn, site.FanOut);
        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, verdict.Severity, additionalLocations: null, properties, site.Name, scheme.ToString(), ActivationName(site.Activation, site.NegativeSlope) + (site.ActivationSource is { } where ? " in " + where : string.Empty), verdict.Why, remedy));
        }
    }

    /// <summary>The mismatch between <paramref name="scheme"/> and <paramref name="site"/>'s activation, in a network as deep as the site shows.</summary>
    public static (DiagnosticSeverity Severity, string Why)? Verdict(WeightSite site, SchemeDraw scheme)
    {
        // An output layer's scale changes one layer's variance, not a stack's; an assumed activation is no evidence.
        if (site.Position == LayerPosition.Output || site.ActivationAssumed)
        {
            return null;
        }

        // Xavier or LeCun before ReLU costs half the variance per layer: felt from two hidden layers on. A hand-written network
        // or a layer list must show that depth; a TorchSharp model, whose depth is not counted, is judged as written.
        if ((site.Framework is null || site.HiddenLayers is not null) && scheme.Suits is SchemeSuits.Saturating or SchemeSuits.UnitGain
            && site.Activation.IsRectifier() && site.HiddenLayers is not >= 2)
        {
            return null;
        }

        return Verdict(scheme, site.Activation, site.NegativeSlope);
    }

    /// <summary>The mismatch between a scheme and the activation after it, or null when they suit each other or cannot be judged.</summary>
    public static (DiagnosticSeverity Severity, string Why)? Verdict(SchemeDraw scheme, ActivationKind activation, double? activationSlope)
    {
        var suits = scheme.Suits;
        if (suits == SchemeSuits.Unknown)
        {
            return null;
        }

        if (activation.IsRectifier())
        {
            if (suits != SchemeSuits.Rectifier)
            {
                return (DiagnosticSeverity.Warning, "the rectifier passes about half of the signal, so a scheme derived for gain 1 halves its variance at every layer and a deep stack fades (He et al. 2015)");
            }

            var expected = activation == ActivationKind.LeakyReLU ? activationSlope : 0;
            var used = scheme.GainFor == ActivationKind.LeakyReLU ? scheme.NegativeSlope ?? 0 : 0;
            if (expected is { } slope && Math.Abs(slope - used) >= SlopeTolerance)
            {
                var ratio = (1 + (slope * slope)) / (1 + (used * used));
                return (DiagnosticSeverity.Info, string.Format(CultureInfo.InvariantCulture, "the gain is computed for slope {0:G3} but the activation's slope is {1:G3}, so the variance is off by {2:P0} per layer", used, slope, Math.Abs(ratio - 1)));
            }

            return null;
        }

        if (activation.IsSaturating())
        {
            return suits == SchemeSuits.Rectifier
                ? (DiagnosticSeverity.Warning, "the ReLU gain doubles the variance that a saturating activation expects, so its units saturate and their gradients vanish in a deep stack (Glorot and Bengio 2010)")
                : null;
        }

        if (activation == ActivationKind.SELU)
        {
            if (suits == SchemeSuits.UnitGain)
            {
                return null;
            }

            return suits == SchemeSuits.Saturating && scheme.GainFor != ActivationKind.Tanh
                ? (DiagnosticSeverity.Info, "SELU's self-normalization holds for weights of variance 1 / fan_in (LeCun), which Xavier matches only when fan_in equals fan_out (Klambauer et al. 2017)")
                : (DiagnosticSeverity.Warning, "SELU's self-normalization holds only for weights of variance 1 / fan_in (LeCun); a larger gain makes activations grow with depth (Klambauer et al. 2017)");
        }

        return null; // linear and softmax outputs accept any of the schemes; unknown activations are not judged
    }

    private static string ActivationName(ActivationKind activation, double? slope) => activation switch
    {
        ActivationKind.LeakyReLU when slope is { } s => string.Format(CultureInfo.InvariantCulture, "leaky ReLU (slope {0:G3})", s),
        ActivationKind.LeakyReLU => "leaky ReLU",
        ActivationKind.Tanh => "tanh",
        ActivationKind.Sigmoid => "sigmoid",
        ActivationKind.Softplus => "softplus",
        _ => activation.ToString(),
    };
}

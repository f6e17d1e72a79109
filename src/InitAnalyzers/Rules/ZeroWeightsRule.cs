using System;
using System.Globalization;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT001: a hidden layer whose weights all start at zero. Biases, buffers and output layers are left alone
/// (zero output heads and models without a hidden layer train fine: DOMAIN.md section 4).
/// </summary>
internal sealed class ZeroWeightsRule : IWeightRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.ZeroWeights;

    public void Judge(WeightSite site, InitOptions options, Action<Diagnostic> report)
    {
        if (site.Role != WeightRole.Weight || !options.JudgesSameValueLayerAt(site.Position) || site.Initialization.Kind != InitKind.Zero)
        {
            return;
        }

        var properties = Remedy.Properties(site, options);
        var why = string.Empty;
        if (site.Initialization.Zeroing is { } zeroing)
        {
            // The fix for this one is a floating-point numerator, so it needs to know where the numerator is; unless the formula
            // then computes a scheme that does not suit the activation (He before tanh), which the fix rescales instead.
            if (zeroing.Intended is not { } intended || ActivationMismatchRule.Verdict(site, intended) is null)
            {
                properties = properties.Add(Remedy.ZeroingNumeratorProperty, zeroing.Numerator.SourceSpan.Start.ToString(CultureInfo.InvariantCulture));
            }

            why = string.Format(CultureInfo.InvariantCulture, " whenever {0} exceeds {1}, because {1} / {0} is integer division", zeroing.Divisor, zeroing.NumeratorValue);
        }

        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, properties, site.Name, why, Remedy.Describe(site, options)));
        }
    }
}

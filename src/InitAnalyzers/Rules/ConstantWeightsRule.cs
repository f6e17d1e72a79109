using System;
using System.Globalization;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT002: a hidden layer whose weights all start at one non-zero constant. Constant biases, scales (BatchNorm gamma 1),
/// PReLU slopes and output layers are left alone (DOMAIN.md section 4).
/// </summary>
internal sealed class ConstantWeightsRule : IWeightRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.ConstantWeights;

    public void Judge(WeightSite site, InitOptions options, Action<Diagnostic> report)
    {
        if (site.Role != WeightRole.Weight || !options.JudgesSameValueLayerAt(site.Position) || site.Initialization is not { Kind: InitKind.Constant, Constant: { } value })
        {
            return;
        }

        var shown = value.ToString("G6", CultureInfo.InvariantCulture);
        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, Remedy.Properties(site, options), site.Name, shown, Remedy.Describe(site, options)));
        }
    }
}

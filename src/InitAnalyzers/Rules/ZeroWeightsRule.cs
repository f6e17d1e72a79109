using System;
using InitAnalyzers.Descriptors;
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

    public void Judge(WeightSite site, Action<Diagnostic> report)
    {
        if (site.Role != WeightRole.Weight || site.Position != LayerPosition.Hidden || site.Initialization.Kind != InitKind.Zero)
        {
            return;
        }

        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, Remedy.Properties(site), site.Name, Remedy.Describe(site.Activation)));
        }
    }
}

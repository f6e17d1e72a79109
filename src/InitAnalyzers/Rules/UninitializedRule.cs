using System;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Configuration;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT005: a parameter made from uninitialized memory (TorchSharp <c>torch.empty(...)</c> turned into a <c>Parameter</c>) that no
/// initializer writes. Weights, biases, scales and embeddings all need values; buffers are the user's scratch space.
/// </summary>
internal sealed class UninitializedRule : IWeightRule
{
    /// <summary>The longest creation expression quoted in the message.</summary>
    private const int QuotedLength = 60;

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.Uninitialized;

    public void Judge(WeightSite site, InitOptions options, Action<Diagnostic> report)
    {
        if (site.Role == WeightRole.Buffer || site.Initialization.Kind != InitKind.Never)
        {
            return;
        }

        var properties = Remedy.Properties(site, options).Add(Remedy.RoleProperty, site.Role.ToString());
        var remedy = site.Role switch
        {
            WeightRole.Bias => "zeros, as for any bias",
            WeightRole.Scale => "ones, as for a normalization scale",
            WeightRole.Embedding => "N(0, 1), the usual initialization of an embedding",
            _ => Remedy.Describe(site, options.FixFamilyFor(null), site.FanIn, site.FanOut),
        };
        foreach (var location in site.Initialization.Locations)
        {
            report(Diagnostic.Create(Descriptor, location, properties, site.Name, Quote(location), remedy));
        }
    }

    /// <summary>The creation as the user wrote it (<c>'torch.empty(256, 784)'</c>), shortened when long.</summary>
    private static string Quote(Location location)
    {
        var text = location.SourceTree?.GetText().ToString(location.SourceSpan) ?? "uninitialized memory";
        text = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        return "'" + (text.Length > QuotedLength ? text.Substring(0, QuotedLength - 3) + "..." : text) + "'";
    }
}

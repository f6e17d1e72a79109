using System;
using System.Collections.Immutable;
using InitAnalyzers.Descriptors;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Rules;

/// <summary>
/// INIT006 (suggestion): a framework initializer used where it does something other than its name says (DOMAIN.md section 6).
/// Judged over <see cref="ApiPitfall"/> facts, whatever the weights are.
/// </summary>
internal static class FrameworkPitfallRule
{
    /// <summary>Diagnostic property: the <see cref="PitfallKind"/>, so that a fix knows what to rewrite.</summary>
    public const string KindProperty = "Pitfall";

    public static DiagnosticDescriptor Descriptor => DiagnosticDescriptors.FrameworkPitfall;

    public static void Judge(ApiPitfall pitfall, Action<Diagnostic> report)
    {
        var (what, instead) = pitfall.Kind switch
        {
            PitfallKind.NormalDrawsUniform => (
                $"{pitfall.Framework}'s {pitfall.Api} draws from a uniform distribution (it calls the native uniform routine): the variance is Xavier's, the shape is not normal",
                "write xavier_uniform_ to say what it does, or normal_ with the Xavier standard deviation if the normal shape matters"),
            PitfallKind.LeakyGainWithoutSlope => (
                $"{pitfall.Framework}'s {pitfall.Api}(LeakyReLU) without a slope uses slope 0, the plain ReLU gain, where PyTorch's default slope is 0.01",
                "pass the activation's negative slope as the second argument"),
            _ => (
                $"{pitfall.Framework}'s {pitfall.Api} ignores its generator argument, so the values do not come from that generator and seeding it does not make runs reproducible",
                "seed the global generator with torch.manual_seed(...) instead"),
        };
        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, pitfall.Kind.ToString());
        report(Diagnostic.Create(Descriptor, pitfall.Location, properties, what, instead));
    }
}

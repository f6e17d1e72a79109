using System.Collections.Immutable;

namespace InitAnalyzers.Rules;

/// <summary>Every rule, judged over every weight site that any recognizer produces.</summary>
internal static class WeightRules
{
    public static ImmutableArray<IWeightRule> All { get; } = ImmutableArray.Create<IWeightRule>(new ZeroWeightsRule(), new ConstantWeightsRule(), new ActivationMismatchRule(), new UnscaledRandomRule(), new UninitializedRule());
}

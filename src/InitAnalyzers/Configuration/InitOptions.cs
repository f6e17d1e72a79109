using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InitAnalyzers.Configuration;

/// <summary>
/// The InitAnalyzers settings of <c>.editorconfig</c> (docs/configuration.md), read once per set of options and cached:
/// <list type="bullet">
/// <item><c>init_analyzers.assumed_activation</c>: the activation to assume for a layer whose activation is not found, for messages and fixes (never for INIT003).</item>
/// <item><c>init_analyzers.weight_names</c> / <c>init_analyzers.non_weight_names</c>: names that mark an array, matrix or tensor as a weight, or as never one.</item>
/// <item><c>init_analyzers.accepted_zero_roles</c>: which legitimately zero (or constant) layers are accepted; <c>output_layer</c> by default.</item>
/// <item><c>init_analyzers.fix_distribution</c>: the distribution family fixes write (<c>normal</c>, <c>uniform</c>), or <c>keep</c> the user's (default).</item>
/// </list>
/// </summary>
internal sealed class InitOptions
{
    public const string AssumedActivationKey = "init_analyzers.assumed_activation";
    public const string WeightNamesKey = "init_analyzers.weight_names";
    public const string NonWeightNamesKey = "init_analyzers.non_weight_names";
    public const string AcceptedZeroRolesKey = "init_analyzers.accepted_zero_roles";
    public const string FixDistributionKey = "init_analyzers.fix_distribution";

    /// <summary>The value of <see cref="AcceptedZeroRolesKey"/> that accepts zero and constant output layers (zero-initialized heads).</summary>
    public const string OutputLayerRole = "output_layer";

    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, InitOptions> Cache = new();

    private readonly ImmutableHashSet<string> weightNames;
    private readonly ImmutableHashSet<string> nonWeightNames;

    private InitOptions(ActivationKind? assumedActivation, ImmutableHashSet<string> weightNames, ImmutableHashSet<string> nonWeightNames, bool acceptsZeroOutputLayer, InitKind? fixFamily)
    {
        AssumedActivation = assumedActivation;
        this.weightNames = weightNames;
        this.nonWeightNames = nonWeightNames;
        AcceptsZeroOutputLayer = acceptsZeroOutputLayer;
        FixFamily = fixFamily;
    }

    /// <summary>Nothing set: every default.</summary>
    public static InitOptions Default { get; } = new(null, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, acceptsZeroOutputLayer: true, fixFamily: null);

    /// <summary>
    /// The distribution family fixes write, <see cref="InitKind.Normal"/> or <see cref="InitKind.Uniform"/>; null to keep the
    /// user's own (a uniform draw stays uniform) and write normal values where the user drew none.
    /// </summary>
    public InitKind? FixFamily { get; }

    /// <summary>The family a fix writes for weights drawn from <paramref name="drawn"/> (null: nothing drawn, zero or constant).</summary>
    public InitKind FixFamilyFor(InitKind? drawn) => FixFamily ?? drawn ?? InitKind.Normal;

    /// <summary>The activation to assume where none is found; null to say "unknown" (He, with both remedies named).</summary>
    public ActivationKind? AssumedActivation { get; }

    /// <summary>False when the user wants zero and constant output layers reported like hidden ones.</summary>
    public bool AcceptsZeroOutputLayer { get; }

    /// <summary>
    /// Where zero or constant weights (INIT001, INIT002) are judged: hidden layers, whose units they make identical, and
    /// output layers too when the user does not accept zero-initialized heads.
    /// </summary>
    public bool JudgesSameValueLayerAt(LayerPosition position) =>
        position == LayerPosition.Hidden || position == LayerPosition.Output && !AcceptsZeroOutputLayer;

    /// <summary>The settings for <paramref name="tree"/>'s file.</summary>
    public static InitOptions For(AnalyzerOptions options, SyntaxTree? tree)
    {
        if (tree is null)
        {
            return Default;
        }

        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return Cache.GetValue(config, Read);
    }

    /// <summary>The settings for the file that declares <paramref name="symbol"/> (its first declaration).</summary>
    public static InitOptions For(AnalyzerOptions options, ISymbol symbol) =>
        For(options, symbol.Locations.FirstOrDefault(location => location.IsInSource)?.SourceTree);

    /// <summary>True when the user listed <paramref name="name"/> as a weight.</summary>
    public bool IsWeightName(string name) => !weightNames.IsEmpty && weightNames.Contains(name.TrimStart('_'));

    /// <summary>True when the user listed <paramref name="name"/> as never a weight.</summary>
    public bool IsNonWeightName(string name) => !nonWeightNames.IsEmpty && nonWeightNames.Contains(name.TrimStart('_'));

    private static InitOptions Read(AnalyzerConfigOptions config)
    {
        var assumed = config.TryGetValue(AssumedActivationKey, out var activation) ? ParseActivation(activation) : null;
        var accepts = !config.TryGetValue(AcceptedZeroRolesKey, out var roles) || Names(roles).Contains(OutputLayerRole);
        return new InitOptions(
            assumed,
            config.TryGetValue(WeightNamesKey, out var weights) ? Names(weights) : ImmutableHashSet<string>.Empty,
            config.TryGetValue(NonWeightNamesKey, out var nonWeights) ? Names(nonWeights) : ImmutableHashSet<string>.Empty,
            accepts,
            config.TryGetValue(FixDistributionKey, out var distribution) ? ParseFamily(distribution) : null);
    }

    /// <summary>A comma-separated list, compared without case and without leading underscores (<c>_weights</c> is <c>weights</c>).</summary>
    private static ImmutableHashSet<string> Names(string list) =>
        list.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.Trim().TrimStart('_'))
            .Where(name => name.Length > 0)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>normal</c> or <c>uniform</c>; <c>keep</c>, and anything else, keeps the user's family.</summary>
    private static InitKind? ParseFamily(string value) => value.Trim().ToLowerInvariant() switch
    {
        "normal" => InitKind.Normal,
        "uniform" => InitKind.Uniform,
        _ => null,
    };

    /// <summary>The activation names of docs/configuration.md; anything else (a typo, <c>unknown</c>) leaves the activation unknown.</summary>
    private static ActivationKind? ParseActivation(string value) => value.Trim().ToLowerInvariant() switch
    {
        "relu" => ActivationKind.ReLU,
        "leaky_relu" => ActivationKind.LeakyReLU,
        "elu" => ActivationKind.ELU,
        "gelu" => ActivationKind.GELU,
        "silu" or "swish" => ActivationKind.SiLU,
        "tanh" => ActivationKind.Tanh,
        "sigmoid" => ActivationKind.Sigmoid,
        "selu" => ActivationKind.SELU,
        "linear" or "identity" => ActivationKind.Linear,
        _ => null,
    };
}

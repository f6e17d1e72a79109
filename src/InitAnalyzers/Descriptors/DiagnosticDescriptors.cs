using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Descriptors;

/// <summary>The one home of every descriptor: titles, messages, categories and default severities.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>INIT001: weights initialized to zero.</summary>
    public static readonly DiagnosticDescriptor ZeroWeights = Create(
        RuleIdentifiers.ZeroWeights,
        title: "Weights are initialized to zero",
        messageFormat: "Weights '{0}' start at zero{1}: every unit of the layer computes the same output and gets the same gradient, so the units never become different; initialize them with {2}",
        category: RuleCategories.Initialization,
        severity: DiagnosticSeverity.Warning,
        description: "When every weight of a hidden layer starts at zero, all of its units compute the same output and receive the same gradient, "
            + "so they stay identical for ever and the layer behaves like a single unit. Random values scaled to the layer's fan-in break the symmetry: "
            + "He initialization for the ReLU family, Xavier for tanh and sigmoid, LeCun for SELU. Zero biases, zero output layers and zeroed buffers are fine and are not reported.");

    /// <summary>INIT002: weights initialized to one non-zero constant.</summary>
    public static readonly DiagnosticDescriptor ConstantWeights = Create(
        RuleIdentifiers.ConstantWeights,
        title: "Weights are initialized to one constant",
        messageFormat: "Weights '{0}' all start at {1}: every unit of the layer computes the same output and gets the same gradient, so the units never become different; initialize them with {2}",
        category: RuleCategories.Initialization,
        severity: DiagnosticSeverity.Warning,
        description: "A layer whose weights all hold the same value is as symmetric as a zero layer: its units compute the same output and receive the same gradient for ever. "
            + "Constant biases, normalization scales of 1 and PReLU slopes are fine and are not reported.");

    /// <summary>INIT003: the initializer does not suit the activation that consumes the layer.</summary>
    public static readonly DiagnosticDescriptor ActivationMismatch = Create(
        RuleIdentifiers.ActivationMismatch,
        title: "Initializer does not suit the activation",
        messageFormat: "'{0}' is initialized with {1} but its output goes through {2}: {3}; use {4}",
        category: RuleCategories.Initialization,
        severity: DiagnosticSeverity.Warning,
        description: "Each layer multiplies the variance of the signal by about fan_in * Var(W) * g, where g depends on the activation (1/2 for ReLU). "
            + "Xavier initialization before ReLU halves the signal at every layer and He initialization before tanh or sigmoid doubles it, "
            + "so deep stacks vanish or saturate. The scheme should follow the activation that actually consumes the layer's output.");

    /// <summary>INIT004: random initialization whose scale ignores fan-in, or that is not zero-centred.</summary>
    public static readonly DiagnosticDescriptor UnscaledRandom = Create(
        RuleIdentifiers.UnscaledRandom,
        title: "Random initialization ignores fan-in",
        messageFormat: "Weights '{0}' are drawn from {1}, {2}; use {3}",
        category: RuleCategories.Initialization,
        severity: DiagnosticSeverity.Warning,
        description: "Random weights break the symmetry, but their scale must depend on the layer's fan-in: N(0, 1) or U(-1, 1) multiply the variance of the signal "
            + "by about fan_in per layer, a fixed small standard deviation shrinks it, and positive-only values such as U[0, 1) shift every pre-activation the same way.");

    /// <summary>INIT005: weights that are never initialized.</summary>
    public static readonly DiagnosticDescriptor Uninitialized = Create(
        RuleIdentifiers.Uninitialized,
        title: "Weights are never initialized",
        messageFormat: "'{0}' is created with {1} and no initialization writes it before use, so it holds whatever the memory contained; initialize it with {2}",
        category: RuleCategories.Initialization,
        severity: DiagnosticSeverity.Warning,
        description: "Uninitialized memory may hold zeros, huge values or NaN, differently on every run and machine. Every weight tensor made from uninitialized memory needs an initializer before the first forward pass.");

    /// <summary>INIT006: a framework initialization API that does something other than its name says.</summary>
    public static readonly DiagnosticDescriptor FrameworkPitfall = Create(
        RuleIdentifiers.FrameworkPitfall,
        title: "Initialization API does not do what its name says",
        messageFormat: "{0}; {1}",
        category: RuleCategories.FrameworkUsage,
        severity: DiagnosticSeverity.Info,
        description: "Some framework initializers differ from their documentation or from the PyTorch function they mirror: TorchSharp's xavier_normal_ draws uniform values, "
            + "calculate_gain(LeakyReLU) defaults the slope to 0 where PyTorch uses 0.01, and the generator argument of uniform_, normal_ and trunc_normal_ is ignored.");

    /// <summary>Every descriptor, in ID order.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All =
        System.Collections.Immutable.ImmutableArray.Create(ZeroWeights, ConstantWeights, ActivationMismatch, UnscaledRandom, Uninitialized, FrameworkPitfall);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id));
}

namespace InitAnalyzers.Facts;

/// <summary>The activation that consumes a layer's output, as recognized from what the code computes.</summary>
internal enum ActivationKind
{
    /// <summary>Not recognized; rules that need the activation stay silent, fixes assume ReLU and say so.</summary>
    Unknown,

    /// <summary>Identity: the weighted sum is used as it is (an output layer, a regression head).</summary>
    Linear,

    ReLU,

    LeakyReLU,

    ELU,

    GELU,

    SiLU,

    Softplus,

    Tanh,

    Sigmoid,

    SELU,

    Softmax,
}

internal static class ActivationKindExtensions
{
    /// <summary>The ReLU family, for which He initialization is derived (He et al. 2015).</summary>
    public static bool IsRectifier(this ActivationKind kind) =>
        kind is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.ELU or ActivationKind.GELU or ActivationKind.SiLU or ActivationKind.Softplus;

    /// <summary>
    /// The scheme derived for the activation (DOMAIN.md section 3): LeCun normal for SELU, Xavier for tanh, sigmoid, linear and
    /// softmax layers, He for the ReLU family and when nothing is known.
    /// </summary>
    public static InitScheme SuitedScheme(this ActivationKind kind) => kind switch
    {
        ActivationKind.SELU => InitScheme.LeCunNormal,
        ActivationKind.Tanh or ActivationKind.Sigmoid or ActivationKind.Linear or ActivationKind.Softmax => InitScheme.XavierNormal,
        _ => InitScheme.HeNormal,
    };

    /// <summary>Saturating activations, for which Xavier initialization is derived (Glorot and Bengio 2010).</summary>
    public static bool IsSaturating(this ActivationKind kind) => kind is ActivationKind.Tanh or ActivationKind.Sigmoid;
}

using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>What a module is, for the weights it holds and for the data flow through it.</summary>
internal enum LayerKind
{
    /// <summary>A module the recognizer does not see into (a user's block, attention, a module made by a delegate).</summary>
    Opaque,

    /// <summary><c>Linear</c>, <c>Bilinear</c>: weight <c>[out, in]</c>.</summary>
    Dense,

    /// <summary><c>Conv1d/2d/3d</c>: weight <c>[out, in / groups, k...]</c>.</summary>
    Convolution,

    /// <summary><c>ConvTranspose1d/2d/3d</c>: weight <c>[in, out / groups, k...]</c>.</summary>
    TransposedConvolution,

    /// <summary><c>Embedding</c>, <c>EmbeddingBag</c>: a lookup table.</summary>
    Embedding,

    /// <summary><c>LSTM</c>, <c>GRU</c>, <c>RNN</c> and their cells: <c>weight_ih</c> and <c>weight_hh</c>.</summary>
    Recurrent,

    /// <summary>BatchNorm, LayerNorm, GroupNorm, InstanceNorm: <c>weight</c> is a scale. Passes the activation through.</summary>
    Normalization,

    /// <summary>Dropout, pooling, flattening, padding, identity: no parameters, passes the activation through.</summary>
    PassThrough,

    /// <summary>An activation module (<c>ReLU()</c>, <c>LeakyReLU(0.2)</c>, <c>Tanh()</c>, <c>LogSoftmax(1)</c>).</summary>
    Activation,

    /// <summary><c>Sequential</c>: its entries run in order.</summary>
    Sequential,

    /// <summary>A <c>Parameter</c> held in a field: a weight, bias or scale the user applies in <c>forward</c>.</summary>
    Parameter,
}

/// <summary>Classifies TorchSharp's module types by name (<c>TorchSharp.Modules.Linear</c>), whether from the package or compiled from source.</summary>
internal static class LayerKinds
{
    public static LayerKind Of(ITypeSymbol? type, TorchSharpTypes types)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace is { Name: "Modules", ContainingNamespace.Name: "TorchSharp" } && KindOf(current.Name) is { } kind)
            {
                return kind;
            }

            if (types.Module is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, types.Module))
            {
                break;
            }
        }

        return LayerKind.Opaque;
    }

    /// <summary>The activation an activation module applies; <see cref="ActivationKind.Unknown"/> for others.</summary>
    public static ActivationKind ActivationOf(string typeName) => typeName switch
    {
        "ReLU" or "ReLU6" => ActivationKind.ReLU,
        "LeakyReLU" or "RReLU" or "PReLU" => ActivationKind.LeakyReLU,
        "ELU" or "CELU" => ActivationKind.ELU,
        "GELU" => ActivationKind.GELU,
        "SiLU" or "Mish" or "Hardswish" => ActivationKind.SiLU,
        "Softplus" => ActivationKind.Softplus,
        "Tanh" or "Softsign" => ActivationKind.Tanh,
        "Sigmoid" or "Hardsigmoid" => ActivationKind.Sigmoid,
        "SELU" => ActivationKind.SELU,
        "Softmax" or "LogSoftmax" or "Softmin" or "Softmax2d" => ActivationKind.Softmax,
        _ => ActivationKind.Unknown,
    };

    private static LayerKind? KindOf(string name)
    {
        switch (name)
        {
            case "Linear" or "Bilinear":
                return LayerKind.Dense;
            case "Conv1d" or "Conv2d" or "Conv3d":
                return LayerKind.Convolution;
            case "ConvTranspose1d" or "ConvTranspose2d" or "ConvTranspose3d":
                return LayerKind.TransposedConvolution;
            case "Embedding" or "EmbeddingBag":
                return LayerKind.Embedding;
            case "LSTM" or "GRU" or "RNN" or "LSTMCell" or "GRUCell" or "RNNCell":
                return LayerKind.Recurrent;
            case "BatchNorm1d" or "BatchNorm2d" or "BatchNorm3d" or "LayerNorm" or "GroupNorm" or "InstanceNorm1d" or "InstanceNorm2d" or "InstanceNorm3d" or "LocalResponseNorm" or "RMSNorm":
                return LayerKind.Normalization;
            case "Sequential":
                return LayerKind.Sequential;
            case "Identity" or "Flatten" or "Unflatten" or "Upsample" or "PixelShuffle" or "PixelUnshuffle" or "ChannelShuffle":
                return LayerKind.PassThrough;
        }

        if (name.Contains("Dropout") || name.Contains("Pool") || name.Contains("Pad"))
        {
            return LayerKind.PassThrough;
        }

        return ActivationOf(name) != ActivationKind.Unknown ? LayerKind.Activation : null;
    }
}

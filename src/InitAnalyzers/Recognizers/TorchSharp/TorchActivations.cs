using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// Activations applied as functions: <c>torch.nn.functional.relu(x)</c>, <c>leaky_relu(x, 0.2)</c>, <c>torch.tanh(x)</c>, and tensor
/// methods <c>x.relu()</c>, <c>x.tanh_()</c>, <c>x.leaky_relu(0.2)</c>, <c>x.softmax(1)</c>; and the functions that pass an
/// activation through unchanged (dropout, pooling, reshaping, normalization).
/// </summary>
internal static class TorchActivations
{
    /// <summary>The activation a function or tensor method applies, with its leaky slope; null when it applies none.</summary>
    public static (ActivationKind Kind, double? Slope)? Of(IInvocationOperation call)
    {
        var name = call.TargetMethod.Name;
        var trimmed = name.EndsWith("_", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
        switch (trimmed)
        {
            case "relu" or "relu6":
                return (ActivationKind.ReLU, null);
            case "leaky_relu" or "rrelu":
                var slopeArgument = TorchInitReader.Argument(call, "negative_slope");
                return (ActivationKind.LeakyReLU, slopeArgument is null ? trimmed == "rrelu" ? null : 0.01 : NumberFolder.Fold(slopeArgument));
            case "prelu":
                return (ActivationKind.LeakyReLU, null);
            case "elu" or "celu":
                return (ActivationKind.ELU, null);
            case "gelu":
                return (ActivationKind.GELU, null);
            case "silu" or "mish" or "hardswish":
                return (ActivationKind.SiLU, null);
            case "softplus":
                return (ActivationKind.Softplus, null);
            case "tanh" or "softsign":
                return (ActivationKind.Tanh, null);
            case "sigmoid" or "hardsigmoid":
                return (ActivationKind.Sigmoid, null);
            case "selu":
                return (ActivationKind.SELU, null);
            case "softmax" or "log_softmax" or "softmin":
                return (ActivationKind.Softmax, null);
            default:
                return null;
        }
    }

    /// <summary>Functions and methods whose output carries the same activation as their input.</summary>
    public static bool PassesThrough(string name) => name switch
    {
        "dropout" or "dropout1d" or "dropout2d" or "dropout3d" or "alpha_dropout" or "feature_alpha_dropout" => true,
        "view" or "reshape" or "flatten" or "squeeze" or "unsqueeze" or "transpose" or "permute" or "contiguous" or "view_as" or "reshape_as" or "t" => true,
        "to" or "cpu" or "cuda" or "clone" or "detach" or "MoveToOuterDisposeScope" or "DetachFromDisposeScope" or "unflatten" => true,
        "batch_norm" or "layer_norm" or "group_norm" or "instance_norm" or "local_response_norm" or "normalize" => true,
        "pad" or "interpolate" or "upsample" or "pixel_shuffle" or "narrow" or "slice" or "select" or "index_select" => true,
        _ => name.Contains("pool"),
    };
}

using System.Collections.Immutable;
using System.Globalization;
using InitAnalyzers.Facts;

namespace InitAnalyzers.Rules;

/// <summary>
/// The scheme that suits a layer (DOMAIN.md section 3): He for the ReLU family and when nothing is known,
/// Xavier for tanh, sigmoid, linear and softmax layers, LeCun for SELU. Says it in words for messages and in
/// diagnostic properties for the code fixes.
/// </summary>
internal static class Remedy
{
    /// <summary>Diagnostic property: the <see cref="InitScheme"/> a fix should write.</summary>
    public const string SchemeProperty = "Scheme";

    /// <summary>Diagnostic property: which subscript of the weights runs over the inputs (<see cref="WeightSite.FanInIndex"/>).</summary>
    public const string FanInIndexProperty = "FanInIndex";

    /// <summary>Diagnostic property: where the integer numerator of a scale that is zero by construction starts (<see cref="ZeroingDivision"/>).</summary>
    public const string ZeroingNumeratorProperty = "ZeroingNumerator";

    /// <summary>Diagnostic property: the recognized <see cref="ActivationKind"/>.</summary>
    public const string ActivationProperty = "Activation";

    public static InitScheme SchemeFor(ActivationKind activation) => activation switch
    {
        ActivationKind.SELU => InitScheme.LeCunNormal,
        ActivationKind.Tanh or ActivationKind.Sigmoid or ActivationKind.Linear or ActivationKind.Softmax => InitScheme.XavierNormal,
        _ => InitScheme.HeNormal,
    };

    /// <summary>The remedy in words, for a message's last clause.</summary>
    public static string Describe(ActivationKind activation) => activation switch
    {
        ActivationKind.Unknown => "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)",
        ActivationKind.SELU => "LeCun normal values, which suit the SELU that follows (std sqrt(1 / fan_in))",
        ActivationKind.Linear => "Xavier normal values, which suit a linear output (std sqrt(2 / (fan_in + fan_out)))",
        _ when activation.IsRectifier() => string.Format(CultureInfo.InvariantCulture, "He normal values, which suit the {0} that follows (std sqrt(2 / fan_in))", Name(activation)),
        _ => string.Format(CultureInfo.InvariantCulture, "Xavier normal values, which suit the {0} that follows (std sqrt(2 / (fan_in + fan_out)))", Name(activation)),
    };

    public static ImmutableDictionary<string, string?> Properties(WeightSite site)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[SchemeProperty] = SchemeFor(site.Activation).ToString();
        builder[ActivationProperty] = site.Activation.ToString();
        if (site.FanInIndex is { } index)
        {
            builder[FanInIndexProperty] = index.ToString(CultureInfo.InvariantCulture);
        }

        return builder.ToImmutable();
    }

    private static string Name(ActivationKind activation) => activation switch
    {
        ActivationKind.LeakyReLU => "leaky ReLU",
        ActivationKind.Tanh => "tanh",
        ActivationKind.Sigmoid => "sigmoid",
        ActivationKind.Softplus => "softplus",
        ActivationKind.Softmax => "softmax",
        _ => activation.ToString(),
    };
}

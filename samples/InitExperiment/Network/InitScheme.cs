using System;

namespace InitExperiment.Network;

/// <summary>How every layer's weights are drawn at the start of training. Biases always start at zero.</summary>
internal enum InitScheme
{
    /// <summary>All weights 0.</summary>
    Zero,

    /// <summary>All weights 1 / fan_in: the signal keeps its size, so only the symmetry between units is tested.</summary>
    Constant,

    /// <summary>N(0, 1), ignoring fan-in.</summary>
    StandardNormal,

    /// <summary>U(-1, 1), ignoring fan-in.</summary>
    UnitUniform,

    /// <summary>0.01 * N(0, 1): a fixed small standard deviation that ignores fan-in.</summary>
    SmallNormal,

    /// <summary>Xavier (Glorot) normal, std sqrt(2 / (fan_in + fan_out)) (Glorot &amp; Bengio 2010).</summary>
    Xavier,

    /// <summary>He (Kaiming) normal, std sqrt(2 / fan_in) (He et al. 2015).</summary>
    He,

    /// <summary>LeCun normal, std sqrt(1 / fan_in) (LeCun et al. 1998, "Efficient BackProp").</summary>
    LeCun,
}

internal static class InitSchemeNames
{
    public static string Label(this InitScheme scheme) => scheme switch
    {
        InitScheme.Zero => "zero",
        InitScheme.Constant => "constant",
        InitScheme.StandardNormal => "N(0,1)",
        InitScheme.UnitUniform => "U(-1,1)",
        InitScheme.SmallNormal => "0.01·N(0,1)",
        InitScheme.Xavier => "Xavier",
        InitScheme.He => "He",
        InitScheme.LeCun => "LeCun",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };

    /// <summary>The name used on the command line.</summary>
    public static string OptionName(this InitScheme scheme) => scheme switch
    {
        InitScheme.Zero => "zero",
        InitScheme.Constant => "constant",
        InitScheme.StandardNormal => "normal",
        InitScheme.UnitUniform => "uniform",
        InitScheme.SmallNormal => "small-normal",
        InitScheme.Xavier => "xavier",
        InitScheme.He => "he",
        InitScheme.LeCun => "lecun",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };

    /// <summary>What a layer's weights are drawn from, in words with the formula.</summary>
    public static string Description(this InitScheme scheme) => scheme switch
    {
        InitScheme.Zero => "every weight 0",
        InitScheme.Constant => "every weight 1/fan_in (keeps the signal's size, so only symmetry is at play)",
        InitScheme.StandardNormal => "N(0, 1), whatever the fan-in",
        InitScheme.UnitUniform => "U(-1, 1), whatever the fan-in (std 0.577)",
        InitScheme.SmallNormal => "0.01 · N(0, 1), whatever the fan-in",
        InitScheme.Xavier => "Xavier normal, std sqrt(2/(fan_in+fan_out)), gain 1 (Glorot & Bengio 2010): `WeightInit.XavierNormal`",
        InitScheme.He => "He normal, std sqrt(2/fan_in) (He et al. 2015): `WeightInit.HeNormal` for ReLU, also in tanh nets",
        InitScheme.LeCun => "LeCun normal, std sqrt(1/fan_in) (LeCun et al. 1998): `WeightInit.LeCunNormal`",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };

    public static bool TryParse(string name, out InitScheme scheme)
    {
        foreach (var candidate in Enum.GetValues<InitScheme>())
        {
            if (string.Equals(candidate.OptionName(), name, StringComparison.OrdinalIgnoreCase))
            {
                scheme = candidate;
                return true;
            }
        }

        scheme = default;
        return false;
    }
}

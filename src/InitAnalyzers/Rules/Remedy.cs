using System;
using System.Collections.Immutable;
using System.Globalization;
using InitAnalyzers.Configuration;
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

    /// <summary>Diagnostic property: the negative slope of a leaky-ReLU activation.</summary>
    public const string NegativeSlopeProperty = "NegativeSlope";

    /// <summary>Diagnostic property: the framework whose idiom a fix writes (<see cref="Frameworks"/>).</summary>
    public const string FrameworkProperty = "Framework";

    /// <summary>Diagnostic property: the distribution family fixes write, <see cref="InitKind.Normal"/> or <see cref="InitKind.Uniform"/>
    /// (<c>init_analyzers.fix_distribution</c>); absent to keep the user's own.</summary>
    public const string DistributionProperty = "Distribution";

    /// <summary>
    /// Diagnostic property: the family (<see cref="InitKind"/>) of the unscaled draw reported, for a fix that cannot keep the draw
    /// itself (a helper that draws the whole array) and writes the runtime's draw in the same family.
    /// </summary>
    public const string DrawnFamilyProperty = "DrawnFamily";

    /// <summary>The family of the draw reported, where the diagnostic names one.</summary>
    public static InitKind? DrawnFamily(ImmutableDictionary<string, string?> properties) =>
        properties.TryGetValue(DrawnFamilyProperty, out var name) && Enum.TryParse<InitKind>(name, out var family) && family is InitKind.Normal or InitKind.Uniform ? family : null;

    /// <summary>Diagnostic property: the <see cref="WeightRole"/> of the site.</summary>
    public const string RoleProperty = "Role";

    /// <summary>The remedy in words, for a message's last clause, in the family the fix writes where nothing was drawn.</summary>
    public static string Describe(WeightSite site, InitOptions options) => Describe(site, options.FixFamilyFor(null), null, null);

    /// <summary>The remedy for <paramref name="site"/>'s activation, found or assumed from configuration.</summary>
    public static string Describe(WeightSite site, InitKind family, int? fanIn, int? fanOut) =>
        Describe(site.Activation, family, fanIn, fanOut, site.ActivationAssumed);

    /// <summary>
    /// The remedy in the distribution family the weights are drawn from (uniform stays uniform), with the scale for the
    /// layer's constant fans where they are known: "He normal values, which suit the ReLU that follows
    /// (std sqrt(2 / fan_in) = 0.0505 for fan_in 784)".
    /// </summary>
    public static string Describe(ActivationKind activation, InitKind family, int? fanIn, int? fanOut, bool assumed = false)
    {
        var uniform = family == InitKind.Uniform;
        var shape = uniform ? "uniform" : "normal";
        var where = assumed ? "assumed by init_analyzers.assumed_activation" : "that follows";
        return activation switch
        {
            ActivationKind.Unknown => fanIn is null
                ? "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid)"
                : string.Format(CultureInfo.InvariantCulture, "random values scaled to the fan-in (He for the ReLU family, Xavier for tanh and sigmoid; He {0}: {1})", shape, Scale(InitScheme.HeNormal, uniform, fanIn, fanOut)),
            ActivationKind.SELU => string.Format(CultureInfo.InvariantCulture, "LeCun {0} values, which suit the SELU {1} ({2})", shape, where, Scale(InitScheme.LeCunNormal, uniform, fanIn, fanOut)),
            ActivationKind.Linear => string.Format(CultureInfo.InvariantCulture, "Xavier {0} values, which suit {1} ({2})", shape, assumed ? "the linear output " + where : "a linear output", Scale(InitScheme.XavierNormal, uniform, fanIn, fanOut)),
            _ when activation.IsRectifier() => string.Format(CultureInfo.InvariantCulture, "He {0} values, which suit the {1} {2} ({3})", shape, Name(activation), where, Scale(InitScheme.HeNormal, uniform, fanIn, fanOut)),
            _ => string.Format(CultureInfo.InvariantCulture, "Xavier {0} values, which suit the {1} {2} ({3})", shape, Name(activation), where, Scale(InitScheme.XavierNormal, uniform, fanIn, fanOut)),
        };
    }

    /// <summary>
    /// "std sqrt(2 / fan_in)", with its value where the fans are known (DOMAIN.md section 2, ReLU gain for He):
    /// a normal's std is sqrt(v), a uniform's bound sqrt(3 v), for the variance v of the scheme.
    /// </summary>
    private static string Scale(InitScheme scheme, bool uniform, int? fanIn, int? fanOut)
    {
        var (formula, variance) = scheme switch
        {
            InitScheme.HeNormal or InitScheme.HeUniform => (uniform ? "bound sqrt(6 / fan_in)" : "std sqrt(2 / fan_in)", fanIn is { } n ? 2.0 / n : (double?)null),
            InitScheme.LeCunNormal or InitScheme.LeCunUniform => (uniform ? "bound sqrt(3 / fan_in)" : "std sqrt(1 / fan_in)", fanIn is { } n ? 1.0 / n : null),
            _ => (uniform ? "bound sqrt(6 / (fan_in + fan_out))" : "std sqrt(2 / (fan_in + fan_out))", fanIn is { } n && fanOut is { } m ? 2.0 / ((double)n + m) : null),
        };
        if (variance is not { } v)
        {
            return formula;
        }

        var value = Math.Sqrt(uniform ? 3 * v : v);
        return scheme is InitScheme.XavierNormal or InitScheme.XavierUniform
            ? string.Format(CultureInfo.InvariantCulture, "{0} = {1:G3} for fan_in {2} and fan_out {3}", formula, value, fanIn, fanOut)
            : string.Format(CultureInfo.InvariantCulture, "{0} = {1:G3} for fan_in {2}", formula, value, fanIn);
    }

    /// <summary>The family a fix should write, from <see cref="DistributionProperty"/>; null to keep the user's.</summary>
    public static InitKind? FixFamily(ImmutableDictionary<string, string?> properties) =>
        properties.TryGetValue(DistributionProperty, out var name) && Enum.TryParse<InitKind>(name, out var family) && family is InitKind.Normal or InitKind.Uniform ? family : null;

    public static ImmutableDictionary<string, string?> Properties(WeightSite site, InitOptions options)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[SchemeProperty] = site.Activation.SuitedScheme().ToString();
        if (options.FixFamily is { } family)
        {
            builder[DistributionProperty] = family.ToString();
        }

        builder[ActivationProperty] = site.Activation.ToString();
        if (site.NegativeSlope is { } slope)
        {
            builder[NegativeSlopeProperty] = slope.ToString("R", CultureInfo.InvariantCulture);
        }

        if (site.Framework is { } framework)
        {
            builder[FrameworkProperty] = framework;
        }

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

namespace InitAnalyzers.Facts;

/// <summary>The fan-scaled schemes a fix can write; names match <c>InitAnalyzers.Runtime.WeightInit</c>'s methods.</summary>
internal enum InitScheme
{
    HeNormal,
    HeUniform,
    XavierNormal,
    XavierUniform,
    LeCunNormal,
    LeCunUniform,
}

/// <summary>A scheme's distribution family, and the same scheme in the other family.</summary>
internal static class InitSchemeFamilies
{
    public static bool IsUniform(this InitScheme scheme) => scheme is InitScheme.HeUniform or InitScheme.XavierUniform or InitScheme.LeCunUniform;

    public static bool IsXavier(this InitScheme scheme) => scheme is InitScheme.XavierNormal or InitScheme.XavierUniform;

    /// <summary>The same scheme drawing from <paramref name="family"/> (<see cref="InitKind.Uniform"/>, else normal): He normal to He uniform.</summary>
    public static InitScheme InFamily(this InitScheme scheme, InitKind family)
    {
        var uniform = family == InitKind.Uniform;
        return scheme switch
        {
            InitScheme.HeNormal or InitScheme.HeUniform => uniform ? InitScheme.HeUniform : InitScheme.HeNormal,
            InitScheme.XavierNormal or InitScheme.XavierUniform => uniform ? InitScheme.XavierUniform : InitScheme.XavierNormal,
            _ => uniform ? InitScheme.LeCunUniform : InitScheme.LeCunNormal,
        };
    }

    /// <summary>Xavier in <paramref name="scheme"/>'s family: what a fix writes when it cannot tell fan-in from fan-out.</summary>
    public static InitScheme AsXavier(this InitScheme scheme) => InitScheme.XavierNormal.InFamily(scheme.IsUniform() ? InitKind.Uniform : InitKind.Normal);

    /// <summary>LeCun in <paramref name="scheme"/>'s family: Xavier's fan-in-only counterpart, for a vector that shows no fan-out.</summary>
    public static InitScheme AsLeCun(this InitScheme scheme) => InitScheme.LeCunNormal.InFamily(scheme.IsUniform() ? InitKind.Uniform : InitKind.Normal);
}

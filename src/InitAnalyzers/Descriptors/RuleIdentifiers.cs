namespace InitAnalyzers.Descriptors;

/// <summary>The rule IDs. They are fixed for good; a new rule takes the next free number.</summary>
public static class RuleIdentifiers
{
    /// <summary>Weights initialized to zero.</summary>
    public const string ZeroWeights = "INIT001";

    /// <summary>Weights initialized to one constant.</summary>
    public const string ConstantWeights = "INIT002";

    /// <summary>Initializer and activation do not match.</summary>
    public const string ActivationMismatch = "INIT003";

    /// <summary>Random initialization whose scale ignores fan-in, or that is not zero-centred.</summary>
    public const string UnscaledRandom = "INIT004";

    /// <summary>Weights that are never initialized.</summary>
    public const string Uninitialized = "INIT005";

    /// <summary>A framework's initialization API does something other than its name says.</summary>
    public const string FrameworkPitfall = "INIT006";

    /// <summary>Where each rule's documentation page lives: <c>docs/rules/INIT00N.md</c> in the repository.</summary>
    public const string DocumentationRoot = "https://github.com/InitAnalyzers/InitAnalyzers/blob/main/docs/rules/";

    /// <summary>The help link of a rule; every descriptor gets its link from here.</summary>
    public static string GetHelpUri(string id) => DocumentationRoot + id + ".md";
}

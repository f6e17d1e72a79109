namespace InitAnalyzers.CodeFixes;

/// <summary>Stable equivalence keys: Fix All groups by them, and tests select fixes by them.</summary>
public static class EquivalenceKeys
{
    /// <summary>
    /// The recommended initialization: each diagnostic gets the scheme that suits its own layer, so Fix All over a
    /// network writes He before ReLU and Xavier before tanh in one go.
    /// </summary>
    public const string RecommendedInitialization = "InitAnalyzers.WeightInit.Recommended";

    /// <summary>A TorchSharp weight rewritten to (or given) the <c>torch.nn.init</c> initializer that suits its layer.</summary>
    public const string TorchSharpInitialization = "InitAnalyzers.TorchSharp.Init";

    /// <summary>A TorchSharp initializer renamed to what it does, or given the argument it lacks (INIT006).</summary>
    public const string TorchSharpApiPitfall = "InitAnalyzers.TorchSharp.ApiPitfall";

    /// <summary>A library layer given the initializer argument that suits its activation (NeuralNetwork.NET, SiaNet).</summary>
    public const string LayerListInitialization = "InitAnalyzers.LayerList.Init";

    /// <summary>A scale that integer division made zero, divided in floating point instead.</summary>
    public const string FloatingPointDivision = "InitAnalyzers.FloatingPointDivision";
}

namespace InitAnalyzers.Facts;

/// <summary>Names of the frameworks a <see cref="WeightSite"/> can come from, carried to the code fixes in diagnostic properties.</summary>
internal static class Frameworks
{
    public const string TorchSharp = "TorchSharp";
}

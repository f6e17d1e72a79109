namespace InitAnalyzers.Facts;

/// <summary>Where a layer sits, as far as the data flow shows.</summary>
internal enum LayerPosition
{
    /// <summary>The evidence does not say; rules that need a position stay silent.</summary>
    Unknown,

    /// <summary>The layer's output feeds another weighted layer, so the symmetry of its units matters.</summary>
    Hidden,

    /// <summary>The layer's output is the network's output: zero initialization is legitimate there (zero-initialized heads).</summary>
    Output,
}

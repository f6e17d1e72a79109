namespace InitAnalyzers.Facts;

/// <summary>What a parameter array or tensor is for. Only <see cref="Weight"/> is subject to the symmetry and scale rules.</summary>
internal enum WeightRole
{
    /// <summary>Multiplies the layer's input in a weighted sum.</summary>
    Weight,

    /// <summary>Added to the weighted sum: zero or small constants are standard.</summary>
    Bias,

    /// <summary>A normalization scale (BatchNorm, LayerNorm gamma): 1 is standard.</summary>
    Scale,

    /// <summary>
    /// A lookup table (an embedding): each row is read for one token, not summed over the inputs, so a fixed range
    /// or a zero row does not make units symmetric; judged only for never being initialized.
    /// </summary>
    Embedding,

    /// <summary>Not a parameter: running statistics, activations, errors, gradients, optimizer moments.</summary>
    Buffer,
}

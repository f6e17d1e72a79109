namespace InitAnalyzers.Facts;

/// <summary>How a weight site gets its values before the first forward pass.</summary>
internal enum InitKind
{
    /// <summary>Not established: filled by unknown code, loaded, copied, or passed somewhere that may write it.</summary>
    Unknown,

    /// <summary>Every weight is zero.</summary>
    Zero,

    /// <summary>Every weight holds the same non-zero constant.</summary>
    Constant,

    /// <summary>Uniform random values U(lo, hi).</summary>
    Uniform,

    /// <summary>Normal random values N(mean, std).</summary>
    Normal,

    /// <summary>A named scheme: He, Xavier, LeCun (with gain and mode).</summary>
    Scheme,

    /// <summary>Orthogonal initialization.</summary>
    Orthogonal,

    /// <summary>The framework's own default initialization.</summary>
    FrameworkDefault,

    /// <summary>Never written: uninitialized memory.</summary>
    Never,
}

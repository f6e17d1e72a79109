using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Facts;

/// <summary>What a framework initializer does differently from its name or from the PyTorch function it mirrors.</summary>
internal enum PitfallKind
{
    /// <summary>A "normal" initializer that draws uniform values (TorchSharp <c>xavier_normal_</c>, <c>glorot_normal_</c>).</summary>
    NormalDrawsUniform,

    /// <summary>A leaky-ReLU gain computed without a slope, which the framework takes as 0 (PyTorch uses 0.01).</summary>
    LeakyGainWithoutSlope,

    /// <summary>A random generator argument the framework ignores, so seeding it does not make runs reproducible.</summary>
    GeneratorIgnored,
}

/// <summary>One use of a framework initialization API that does not do what its name says (judged by INIT006).</summary>
internal sealed class ApiPitfall
{
    public ApiPitfall(PitfallKind kind, Location location, string api, string framework)
    {
        Kind = kind;
        Location = location;
        Api = api;
        Framework = framework;
    }

    public PitfallKind Kind { get; }

    /// <summary>The call (or the argument) the diagnostic is reported on.</summary>
    public Location Location { get; }

    /// <summary>The API as the framework names it: <c>xavier_normal_</c>, <c>calculate_gain</c>.</summary>
    public string Api { get; }

    public string Framework { get; }
}

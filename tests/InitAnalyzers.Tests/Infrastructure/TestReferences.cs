using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace InitAnalyzers.Tests.Infrastructure;

/// <summary>Named reference sets for test compilations.</summary>
public static class TestReferences
{
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>.NET 8 with the real MathNet.Numerics 5.0.0 package, so recognizers meet its actual signatures.</summary>
    public static ReferenceAssemblies Net80WithMathNet { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("MathNet.Numerics", "5.0.0")));

    /// <summary>.NET 8 with the real NumSharp 0.70.0 package: its compile-time API only, no NumSharp code runs in a test.</summary>
    public static ReferenceAssemblies Net80WithNumSharp { get; } = Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("NumSharp", "0.70.0")));

    /// <summary>.NET 8 with the real TorchSharp 0.107.0 package: compiled and analyzed only, never run (its native library is not loaded).</summary>
    public static ReferenceAssemblies Net80WithTorchSharp { get; } = Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("TorchSharp", "0.107.0")));
}

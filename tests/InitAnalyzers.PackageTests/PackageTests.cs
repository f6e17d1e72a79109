using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace InitAnalyzers.PackageTests;

/// <summary>The one package: its layout and metadata, and what a fresh project gets from it.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageTests
{
    private readonly PackedPackage package;

    public PackageTests(PackedPackage package) => this.package = package;

    [Fact]
    public void The_package_carries_the_runtime_under_lib_and_the_analyzers_under_analyzers()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName).ToHashSet();
        foreach (var expected in new[]
        {
            "lib/netstandard2.0/InitAnalyzers.Runtime.dll",
            "lib/netstandard2.0/InitAnalyzers.Runtime.xml",
            "lib/net8.0/InitAnalyzers.Runtime.dll",
            "lib/net8.0/InitAnalyzers.Runtime.xml",
            "analyzers/dotnet/cs/InitAnalyzers.dll",
            "analyzers/dotnet/cs/InitAnalyzers.CodeFixes.dll",
            "README.md",
            "LICENSE",
        })
        {
            Assert.Contains(expected, entries);
        }

        // No Roslyn or other stray assembly rides along into users' analyzer folders.
        Assert.Equal(2, entries.Count(entry => entry.StartsWith("analyzers/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_package_is_not_a_development_dependency_and_has_its_metadata()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var nuspecEntry = archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal("InitAnalyzers", Value("id"));
        Assert.NotEqual("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("roslyn", Value("tags") ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(metadata.Elements().SingleOrDefault(element => element.Name.LocalName == "repository"));
    }

    [Fact]
    public void A_fresh_project_gets_INIT001_with_the_right_file_and_line()
    {
        const string program = """
            var net = new TwoLayer(4, 8);
            Console.WriteLine(net.Forward(new double[] { 1, 2, 3, 4 })[0]);

            sealed class TwoLayer
            {
                private readonly double[,] w1;
                private readonly double[,] w2;
                private readonly double[] h;

                public TwoLayer(int inputs, int units)
                {
                    w1 = new double[units, inputs];
                    w2 = new double[1, units];
                    var random = new Random(1);
                    for (int j = 0; j < units; j++) w2[0, j] = (random.NextDouble() - 0.5) / Math.Sqrt(units);
                    h = new double[units];
                }

                public double[] Forward(double[] x)
                {
                    for (int i = 0; i < h.Length; i++) { double s = 0; for (int j = 0; j < x.Length; j++) s += w1[i, j] * x[j]; h[i] = Math.Tanh(s); }
                    double o = 0;
                    for (int j = 0; j < h.Length; j++) o += w2[0, j] * h[j];
                    return new[] { o };
                }
            }
            """;
        var directory = package.NewProject("ZeroWeights", program);

        var (exitCode, output) = package.Run(directory, "build", "-nologo");

        Assert.True(exitCode == 0, output);
        var warnings = Regex.Matches(output, @"Program\.cs\((\d+),(\d+)\): warning (INIT\d{3})").Select(match => (Line: int.Parse(match.Groups[1].Value), Id: match.Groups[3].Value)).Distinct().ToList();
        Assert.Equal(new[] { (12, "INIT001") }, warnings);
    }

    [Fact]
    public void A_fresh_program_calling_WeightInit_HeNormal_runs_and_prints_sensible_values()
    {
        const string program = """
            using InitAnalyzers.Runtime;

            var weights = WeightInit.HeNormal(new float[256, 784], fanIn: 784, seed: 7);
            double sum = 0, squares = 0;
            foreach (var w in weights) { sum += w; squares += (double)w * w; }
            var n = weights.Length;
            var mean = sum / n;
            var std = Math.Sqrt(squares / n - mean * mean);
            Console.WriteLine(FormattableString.Invariant($"mean={mean:F5} std={std:F5} expected={WeightInit.HeStd(784):F5}"));
            """;
        var directory = package.NewProject("HeNormalRuns", program);

        var (exitCode, output) = package.Run(directory, "run", "-nologo");

        Assert.True(exitCode == 0, output);
        var match = Regex.Match(output, @"mean=(-?[\d.]+) std=([\d.]+) expected=([\d.]+)");
        Assert.True(match.Success, output);
        var mean = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var std = double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var expected = double.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Sqrt(2.0 / 784), expected, 4);
        Assert.InRange(mean, -0.001, 0.001);
        Assert.InRange(std, expected * 0.99, expected * 1.01);
    }
}

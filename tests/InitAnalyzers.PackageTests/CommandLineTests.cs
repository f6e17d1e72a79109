using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace InitAnalyzers.PackageTests;

/// <summary>What CI and the command line get from the package: a SARIF log, and <c>dotnet format analyzers</c> fixing a whole project.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CommandLineTests
{
    private static readonly (string, string) MathNet = ("MathNet.Numerics", "5.0.0");

    private readonly PackedPackage package;

    public CommandLineTests(PackedPackage package) => this.package = package;

    [Fact]
    public void A_SARIF_log_carries_the_INIT_results_with_rule_metadata_and_help_links()
    {
        var directory = package.NewProjectFromSample("SarifLog", "HandWrittenMlp", MathNet);
        var log = Path.Combine(directory, "build.sarif");

        // MSBuild reads an unescaped comma as a list separator, hence %2C (docs/ci.md).
        var (exitCode, output) = package.Run(directory, "build", "-nologo", $"-p:ErrorLog={log}%2Cversion=2.1");

        Assert.True(exitCode == 0, output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(log));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs").EnumerateArray().Single();
        var results = run.GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("INIT", StringComparison.Ordinal))
            .Select(result => (Rule: result.GetProperty("ruleId").GetString()!, File: Path.GetFileName(new Uri(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath)))
            .OrderBy(result => result.File, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new[] { ("INIT002", "ConstantInitNetwork.cs"), ("INIT004", "MatrixNetwork.cs"), ("INIT001", "Mlp.cs"), ("INIT004", "UnscaledRandomNetwork.cs") },
            results);

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(rule => rule.GetProperty("id").GetString()!.StartsWith("INIT", StringComparison.Ordinal))
            .ToDictionary(rule => rule.GetProperty("id").GetString()!);
        foreach (var id in new[] { "INIT001", "INIT002", "INIT004" })
        {
            var rule = rules[id];
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.EndsWith($"docs/rules/{id}.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dotnet_format_analyzers_fixes_a_copy_of_the_sample_so_it_builds_without_INIT_diagnostics()
    {
        var directory = package.NewProjectFromSample("FormatFixes", "HandWrittenMlp", MathNet);
        var (restoreExit, restoreOutput) = package.Run(directory, "restore", "-nologo");
        Assert.True(restoreExit == 0, restoreOutput);

        var (formatExit, formatOutput) = package.Run(directory, "format", "analyzers", "--diagnostics", "INIT001", "INIT002", "INIT003", "INIT004", "--severity", "info", "--no-restore");
        var (buildExit, buildOutput) = package.Run(directory, "build", "-nologo", "--no-restore");

        Assert.True(formatExit == 0, formatOutput);
        Assert.True(buildExit == 0, buildOutput);
        Assert.DoesNotMatch(new Regex(@"warning INIT\d{3}"), buildOutput);
        var mlp = File.ReadAllText(Path.Combine(directory, "Mlp.cs"));
        Assert.Contains("using InitAnalyzers.Runtime;", mlp, StringComparison.Ordinal);
        Assert.Contains("WeightInit.HeNormal(", mlp, StringComparison.Ordinal);
        Assert.Contains("WeightInit.XavierNormal(", File.ReadAllText(Path.Combine(directory, "ConstantInitNetwork.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Editorconfig_severities_make_a_rule_an_error_silence_one_and_set_a_whole_category()
    {
        var directory = package.NewProjectFromSample("Severities", "HandWrittenMlp", MathNet);
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_analyzer_diagnostic.category-Initialization.severity = suggestion
            dotnet_diagnostic.INIT001.severity = error
            dotnet_diagnostic.INIT004.severity = none
            """);

        var (exitCode, output) = package.Run(directory, "build", "-nologo", "-v:n");

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Mlp\.cs\(\d+,\d+\): error INIT001", output);
        Assert.DoesNotContain("INIT004", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(warning|error) INIT002", output);
    }

    [Fact]
    public void The_clean_sample_builds_with_every_INIT_rule_as_an_error()
    {
        var directory = package.NewProjectFromSample("CleanSample", "CleanMlp", MathNet);
        File.Copy(Path.Combine(DotNet.RepositoryRoot(), "samples", "CleanMlp", ".editorconfig"), Path.Combine(directory, ".editorconfig"));

        var (exitCode, output) = package.Run(directory, "build", "-nologo", "-warnaserror");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("INIT0", output, StringComparison.Ordinal);
    }
}

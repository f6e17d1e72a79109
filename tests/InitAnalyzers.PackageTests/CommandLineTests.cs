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
            new[] { ("INIT002", "ConstantInitNetwork.cs"), ("INIT003", "HeTanhNetwork.cs"), ("INIT004", "MatrixNetwork.cs"), ("INIT001", "Mlp.cs"), ("INIT004", "UnscaledRandomNetwork.cs") },
            results);

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(rule => rule.GetProperty("id").GetString()!.StartsWith("INIT", StringComparison.Ordinal))
            .ToDictionary(rule => rule.GetProperty("id").GetString()!);
        foreach (var id in new[] { "INIT001", "INIT002", "INIT003", "INIT004" })
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
        Assert.Contains("Gaussian() * WeightInit.XavierStd(", File.ReadAllText(Path.Combine(directory, "HeTanhNetwork.cs")), StringComparison.Ordinal);
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

    [Fact]
    public void The_TorchSharp_sample_gets_its_diagnostics_and_dotnet_format_fixes_them_with_torch_nn_init()
    {
        var directory = package.NewProjectFromSample("TorchSample", "TorchSharpMlp", ("TorchSharp", "0.107.0"));
        var project = Path.Combine(directory, "TorchSample.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<OutputType>Exe</OutputType>", "<OutputType>Library</OutputType>", StringComparison.Ordinal));
        File.Delete(Path.Combine(directory, "Program.cs"));

        var (exitCode, output) = package.Run(directory, "build", "-nologo");

        Assert.True(exitCode == 0, output);
        var reported = Regex.Matches(output, @"Models\.cs\((\d+),\d+\): warning (INIT\d{3})").Select(match => match.Groups[2].Value + "@" + match.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "INIT001@17", "INIT003@34", "INIT004@35", "INIT005@55" }, reported);

        var (formatExit, formatOutput) = package.Run(directory, "format", "analyzers", "--diagnostics", "INIT001", "INIT003", "INIT004", "INIT005", "INIT006", "--severity", "info", "--no-restore");
        var (rebuildExit, rebuildOutput) = package.Run(directory, "build", "-nologo", "--no-restore");

        Assert.True(formatExit == 0, formatOutput);
        Assert.True(rebuildExit == 0, rebuildOutput);
        Assert.DoesNotMatch(new Regex(@"warning INIT\d{3}"), rebuildOutput);
        var models = File.ReadAllText(Path.Combine(directory, "Models.cs"));
        Assert.Contains("init.kaiming_normal_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", models, StringComparison.Ordinal);
        Assert.Contains("init.kaiming_uniform_(fc1.weight, nonlinearity: init.NonlinearityType.ReLU);", models, StringComparison.Ordinal);
        Assert.Contains("init.xavier_uniform_(head.weight", models, StringComparison.Ordinal);
        Assert.DoesNotContain("init.xavier_normal_(", models, StringComparison.Ordinal);
    }
}

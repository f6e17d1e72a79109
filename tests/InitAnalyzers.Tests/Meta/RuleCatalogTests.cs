using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using InitAnalyzers.Analysis;
using InitAnalyzers.Descriptors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace InitAnalyzers.Tests.Meta;

/// <summary>The rule IDs, descriptors, docs pages and release notes agree with one another.</summary>
public sealed class RuleCatalogTests
{
    public static TheoryData<string> RuleIds => new(DiagnosticDescriptors.All.Select(descriptor => descriptor.Id));

    [Fact]
    public void The_rule_ids_are_INIT001_to_INIT006_each_once()
    {
        var ids = DiagnosticDescriptors.All.Select(descriptor => descriptor.Id).ToArray();
        Assert.Equal(new[] { "INIT001", "INIT002", "INIT003", "INIT004", "INIT005", "INIT006" }, ids);
        var constants = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(RuleIdentifiers.DocumentationRoot))
            .Select(field => (string)field.GetRawConstantValue()!)
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(ids, constants);
    }

    [Fact]
    public void INIT001_to_INIT005_warn_and_INIT006_is_a_suggestion()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.Equal(descriptor.Id == "INIT006" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public void Every_analyzer_in_the_assembly_is_sealed_and_links_each_diagnostic_to_its_page()
    {
        var analyzers = typeof(InitializationAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();
        Assert.NotEmpty(analyzers);
        foreach (var type in analyzers)
        {
            Assert.True(type.IsSealed, type.Name);
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                Assert.Equal(RuleIdentifiers.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
                Assert.EndsWith($"docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_a_page_whose_title_category_and_severity_match_its_descriptor(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rules", id + ".md"));
        var lines = page.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();

        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        Assert.Contains($"| Rule ID | {id} |", lines);
        Assert.Contains($"| Category | {descriptor.Category} |", lines);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", lines);
        foreach (var section in new[] { "## Cause", "## Why it matters", "## Non-compliant code", "## Compliant code", "## How to fix", "## Configuration", "## When to suppress", "## Related rules" })
        {
            Assert.Contains(section, lines);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_is_in_the_release_notes_with_its_category_and_severity(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
        var notes = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "releases", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "releases", "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($@"^{id}\s*\|\s*{descriptor.Category}\s*\|\s*{descriptor.DefaultSeverity}\s*\|", RegexOptions.Multiline), notes);
    }
}

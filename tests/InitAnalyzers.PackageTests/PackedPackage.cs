using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace InitAnalyzers.PackageTests;

/// <summary>Packs InitAnalyzers once per test run into a temporary local feed, with a version no cache has seen.</summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Path.Combine(Path.GetTempPath(), "initanalyzers-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        PackagesCache = Path.Combine(Root, "nuget-packages");
        Directory.CreateDirectory(Feed);
        Version = "0.0.0-packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

        var project = Path.Combine(DotNet.RepositoryRoot(), "src", "InitAnalyzers.Runtime", "InitAnalyzers.Runtime.csproj");
        var (exitCode, output) = DotNet.Run(Root, null, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nologo");
        Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);
        PackagePath = Path.Combine(Feed, $"InitAnalyzers.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), $"{PackagePath} was not produced:\n{output}");
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackagesCache { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>A fresh project folder with a nuget.config that sees only the local feed and nuget.org.</summary>
    public string NewProject(string name, string programSource, string? extraProperties = null)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InitAnalyzers" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
        // Keep the fresh project out of the repository's Directory.Build.props and global.json.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        return directory;
    }

    /// <summary>A fresh project holding the C# files of a sample folder, with the package and the given extra package references.</summary>
    public string NewProjectFromSample(string name, string sampleFolder, params (string Id, string Version)[] packages)
    {
        var directory = NewProject(name, "// replaced by the sample's own Program.cs\n");
        var references = string.Concat(packages.Select(package => $"""<PackageReference Include="{package.Id}" Version="{package.Version}" />"""));
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</ItemGroup>", references + "</ItemGroup>", StringComparison.Ordinal));
        foreach (var source in Directory.GetFiles(Path.Combine(DotNet.RepositoryRoot(), "samples", sampleFolder), "*.cs"))
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)), overwrite: true);
        }

        return directory;
    }

    public (int ExitCode, string Output) Run(string directory, params string[] arguments) =>
        DotNet.Run(directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesCache }, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}

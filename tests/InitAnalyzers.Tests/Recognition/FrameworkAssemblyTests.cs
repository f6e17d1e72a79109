using System.Linq;
using InitAnalyzers.Recognizers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace InitAnalyzers.Tests.Recognition;

/// <summary>Framework types come from the framework's assembly, or from the source when the project compiles the framework itself.</summary>
public sealed class FrameworkAssemblyTests
{
    private const string Framework = "namespace NumSharp { public class NDArray { } }";

    private static readonly MetadataReference Package =
        CSharpCompilation.Create("NumSharp", new[] { CSharpSyntaxTree.ParseText(Framework) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .ToMetadataReference();

    private static CSharpCompilation User(string source, params MetadataReference[] references) =>
        CSharpCompilation.Create("User", new[] { CSharpSyntaxTree.ParseText(source) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }.Concat(references), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Fact]
    public void A_referenced_framework_is_found_in_its_own_assembly()
    {
        var type = FrameworkAssembly.Find(User("class C { }", Package), "NumSharp").Type("NumSharp.NDArray");
        Assert.Equal("NumSharp", type?.ContainingAssembly.Name);
    }

    [Fact]
    public void The_frameworks_own_sources_win_over_its_package_as_they_do_in_binding()
    {
        var compilation = User(Framework + " class C { NumSharp.NDArray a; }", Package);
        var type = FrameworkAssembly.Find(compilation, "NumSharp").Type("NumSharp.NDArray");
        var bound = ((IFieldSymbol)compilation.GetTypeByMetadataName("C")!.GetMembers("a")[0]).Type;
        Assert.Equal("User", type?.ContainingAssembly.Name);
        Assert.True(SymbolEqualityComparer.Default.Equals(bound, type));
    }

    [Fact]
    public void Code_without_the_framework_finds_nothing() =>
        Assert.Null(FrameworkAssembly.Find(User("class C { }"), "NumSharp").Type("NumSharp.NDArray"));
}

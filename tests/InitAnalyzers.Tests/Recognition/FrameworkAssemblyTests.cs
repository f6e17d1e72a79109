using System.IO;
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

    [Fact]
    public void A_framework_declared_only_in_source_is_found_without_a_reference()
    {
        var type = FrameworkAssembly.Find(User(Framework + " class C { }"), "NumSharp").Type("NumSharp.NDArray");
        Assert.Equal("User", type?.ContainingAssembly.Name);
    }

    [Fact]
    public void A_framework_referenced_as_a_file_of_its_name_or_as_an_image_without_a_path_is_found()
    {
        var directory = Directory.CreateTempSubdirectory("initanalyzers-");
        try
        {
            var image = Emit();
            var file = Path.Combine(directory.FullName, "NumSharp.dll");
            File.WriteAllBytes(file, image);
            Assert.NotNull(FrameworkAssembly.Find(User("class C { }", MetadataReference.CreateFromFile(file)), "NumSharp").Type("NumSharp.NDArray"));
            Assert.NotNull(FrameworkAssembly.Find(User("class C { }", MetadataReference.CreateFromImage(image)), "NumSharp").Type("NumSharp.NDArray"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_script_may_reference_the_framework_by_a_directive()
    {
        var script = CSharpSyntaxTree.ParseText("#r \"NumSharp.dll\"\nvar x = 1;", new CSharpParseOptions(kind: SourceCodeKind.Script));
        var compilation = CSharpCompilation.CreateScriptCompilation("Script", script, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        Assert.True(FrameworkAssembly.MayBeReferenced(compilation, "NumSharp"));
        Assert.False(FrameworkAssembly.MayBeReferenced(User("class C { }"), "NumSharp"));
    }

    [Fact]
    public void A_file_of_another_name_is_not_taken_for_the_framework()
    {
        var directory = Directory.CreateTempSubdirectory("initanalyzers-");
        try
        {
            var file = Path.Combine(directory.FullName, "Renamed.dll");
            File.WriteAllBytes(file, Emit());
            Assert.Null(FrameworkAssembly.Find(User("class C { }", MetadataReference.CreateFromFile(file)), "NumSharp").Type("NumSharp.NDArray"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static byte[] Emit()
    {
        using var stream = new MemoryStream();
        var result = CSharpCompilation.Create("NumSharp", new[] { CSharpSyntaxTree.ParseText(Framework) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(stream);
        Assert.True(result.Success);
        return stream.ToArray();
    }
}

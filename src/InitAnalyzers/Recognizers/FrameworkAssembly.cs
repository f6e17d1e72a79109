using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// A framework's types, looked up in its own assembly (or in the source being compiled, for the framework's own repository).
/// <see cref="Compilation.GetTypeByMetadataName(string)"/> would search every reference, and on its first call load the type
/// names of all of them: tens of milliseconds per compilation, more than the whole budget for code that uses no framework.
/// </summary>
internal sealed class FrameworkAssembly
{
    private readonly IAssemblySymbol? referenced;
    private readonly IAssemblySymbol source;

    private FrameworkAssembly(IAssemblySymbol? referenced, IAssemblySymbol source)
    {
        this.referenced = referenced;
        this.source = source;
    }

    /// <summary>The assembly named <paramref name="assemblyName"/> among the references, if any, and the compilation's own.</summary>
    public static FrameworkAssembly Find(Compilation compilation, string assemblyName)
    {
        IAssemblySymbol? referenced = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Identity.Name == assemblyName)
            {
                referenced = assembly;
                break;
            }
        }

        return new FrameworkAssembly(referenced, compilation.Assembly);
    }

    /// <summary>
    /// The type by metadata name: the source's own first, as the compiler binds it when a project compiles the framework's
    /// sources and references its package too (the framework's repository with its tests), then the referenced assembly's.
    /// </summary>
    public INamedTypeSymbol? Type(string metadataName) =>
        source.GetTypeByMetadataName(metadataName) ?? referenced?.GetTypeByMetadataName(metadataName);
}

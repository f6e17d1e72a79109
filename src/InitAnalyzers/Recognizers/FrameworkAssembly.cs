using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// A framework's types, looked up in its own assembly (or in the source being compiled, for the framework's own repository).
/// <see cref="Compilation.GetTypeByMetadataName(string)"/> would search every reference, and on its first call load the type
/// names of all of them: tens of milliseconds per compilation, more than the whole budget for code that uses no framework.
/// Nothing is bound for a framework the compilation does not reference by file name and does not declare types of.
/// </summary>
internal sealed class FrameworkAssembly
{
    private readonly IAssemblySymbol? referenced;
    private readonly Compilation compilation;

    private FrameworkAssembly(IAssemblySymbol? referenced, Compilation compilation)
    {
        this.referenced = referenced;
        this.compilation = compilation;
    }

    /// <summary>The assembly named <paramref name="assemblyName"/> among the references, if any, and the compilation's own.</summary>
    public static FrameworkAssembly Find(Compilation compilation, string assemblyName)
    {
        IAssemblySymbol? referenced = null;
        if (MayBeReferenced(compilation, assemblyName))
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name == assemblyName)
                {
                    referenced = assembly;
                    break;
                }
            }
        }

        return new FrameworkAssembly(referenced, compilation);
    }

    /// <summary>
    /// The type by metadata name: the source's own first, as the compiler binds it when a project compiles the framework's
    /// sources and references its package too (the framework's repository with its tests), then the referenced assembly's.
    /// The source is asked only when it declares a type of that simple name, which the declaration table knows without binding.
    /// </summary>
    public INamedTypeSymbol? Type(string metadataName) =>
        (compilation.ContainsSymbolsWithName(SimpleName(metadataName), SymbolFilter.Type) ? compilation.Assembly.GetTypeByMetadataName(metadataName) : null)
        ?? referenced?.GetTypeByMetadataName(metadataName);

    /// <summary>
    /// False when no reference can be the assembly: every reference is a file of another name or another project. Reading
    /// the references' paths binds nothing, whereas their assembly symbols are the compilation's whole reference binding.
    /// So is <see cref="Compilation.References"/>, which lists a script's <c>#r</c> references after the others by binding them
    /// (5 ms at the start of a compilation with the .NET reference pack): the paths read are those given to the compiler, and
    /// a script may reference anything.
    /// </summary>
    public static bool MayBeReferenced(Compilation compilation, string assemblyName)
    {
        if (compilation.SyntaxTrees.Any(tree => tree.Options.Kind != SourceCodeKind.Regular))
        {
            return true;
        }

        foreach (var reference in compilation.ExternalReferences)
        {
            switch (reference)
            {
                case CompilationReference project when project.Compilation.AssemblyName is { } name:
                    if (string.Equals(name, assemblyName, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    break;
                case PortableExecutableReference { FilePath: { Length: > 0 } path }:
                    if (string.Equals(Path.GetFileNameWithoutExtension(path), assemblyName, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    break;
                default:
                    return true; // an image without a path: only its symbol tells
            }
        }

        return false;
    }

    /// <summary><c>TorchSharp.torch+nn</c>: <c>nn</c>; <c>MathNet.Numerics.LinearAlgebra.Matrix`1</c>: <c>Matrix</c>.</summary>
    private static string SimpleName(string metadataName)
    {
        var start = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
        var arity = metadataName.IndexOf('`', start);
        return arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
    }
}

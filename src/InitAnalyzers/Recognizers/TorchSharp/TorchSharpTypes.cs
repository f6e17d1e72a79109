using Microsoft.CodeAnalysis;

namespace InitAnalyzers.Recognizers.TorchSharp;

/// <summary>
/// The TorchSharp types the recognizer reads, resolved once per compilation by metadata name; <see cref="Resolve"/> gives
/// null when TorchSharp is not referenced (nor compiled from source), and then nothing is registered.
/// </summary>
internal sealed class TorchSharpTypes
{
    private TorchSharpTypes(FrameworkAssembly torchSharp, INamedTypeSymbol tensor, INamedTypeSymbol torch)
    {
        Tensor = tensor;
        Torch = torch;
        Parameter = torchSharp.Type("TorchSharp.Modules.Parameter");
        Module = torchSharp.Type("TorchSharp.torch+nn+Module");
        Init = torchSharp.Type("TorchSharp.torch+nn+init");
        Nn = torchSharp.Type("TorchSharp.torch+nn");
        Functional = torchSharp.Type("TorchSharp.torch+nn+functional");
    }

    /// <summary><c>torch.Tensor</c>: buffers, activations and (through <see cref="Parameter"/>) parameters.</summary>
    public INamedTypeSymbol Tensor { get; }

    /// <summary>The static class <c>torch</c>: factories (<c>zeros</c>, <c>randn</c>, <c>empty</c>) and tensor functions.</summary>
    public INamedTypeSymbol Torch { get; }

    public INamedTypeSymbol? Parameter { get; }

    /// <summary><c>torch.nn.Module</c>, the base of every layer and model.</summary>
    public INamedTypeSymbol? Module { get; }

    /// <summary><c>torch.nn.init</c>: the initializers.</summary>
    public INamedTypeSymbol? Init { get; }

    /// <summary><c>torch.nn</c>: the layer factories (<c>Linear</c>, <c>Conv2d</c>, <c>Sequential</c>, <c>Parameter</c>).</summary>
    public INamedTypeSymbol? Nn { get; }

    public INamedTypeSymbol? Functional { get; }

    public static TorchSharpTypes? Resolve(Compilation compilation)
    {
        var torchSharp = FrameworkAssembly.Find(compilation, "TorchSharp");
        var tensor = torchSharp.Type("TorchSharp.torch+Tensor");
        var torch = torchSharp.Type("TorchSharp.torch");
        return tensor is null || torch is null ? null : new TorchSharpTypes(torchSharp, tensor, torch);
    }

    /// <summary>A tensor or a parameter (or a type derived from them).</summary>
    public bool IsTensor(ITypeSymbol? type) => DerivesFrom(type, Tensor);

    public bool IsParameter(ITypeSymbol? type) => Parameter is not null && DerivesFrom(type, Parameter);

    /// <summary>A module: a layer, an activation, a container or a user's model.</summary>
    public bool IsModule(ITypeSymbol? type) => Module is not null && DerivesFrom(type, Module);

    public bool IsInit(ITypeSymbol? type) => Init is not null && SymbolEqualityComparer.Default.Equals(type, Init);

    /// <summary>A method declared by TorchSharp itself (its namespace), not by the user.</summary>
    public static bool IsTorchSharpMethod(IMethodSymbol method)
    {
        for (var ns = method.ContainingType?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "TorchSharp" && ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The static class <c>torch</c> or one nested in it (<c>torch.nn.functional</c>, <c>torch.special</c>).</summary>
    public bool IsTorchStatic(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Torch))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Activations;

/// <summary>
/// An activation layer of the user's own, made in a list of layers after a weight layer (<c>net.Add(new Tanh())</c>): a class
/// in the compilation whose forward method (the one the weight layer's class computes its sum in, by name) applies one
/// activation to its input, element by element (<c>output[i] = Math.Tanh(input[i])</c>) or as its result
/// (<c>return Math.Max(0, x);</c>), and accumulates nothing.
/// </summary>
internal static class ActivationLayers
{
    public static ActivationKind Applied(IObjectCreationOperation creation, IReadOnlyCollection<string> methods, CancellationToken cancellationToken)
    {
        if (creation.Type is not INamedTypeSymbol layer || layer.DeclaringSyntaxReferences.IsEmpty || creation.SemanticModel is not { } model || methods.Count == 0)
        {
            return ActivationKind.Unknown; // a library's layer: the layer-list catalogue knows those it knows
        }

        var found = ActivationKind.Unknown;
        foreach (var name in methods)
        {
            var kind = Forward(layer, name, model.Compilation) is { } method ? AppliedBy(method.OriginalDefinition, model.Compilation, cancellationToken) : ActivationKind.Unknown;
            if (kind == ActivationKind.Unknown || found != ActivationKind.Unknown && found != kind)
            {
                return ActivationKind.Unknown;
            }

            found = kind;
        }

        return found;
    }

    /// <summary>The method of that name with one parameter that an instance runs, declared in source by the class or a base class.</summary>
    private static IMethodSymbol? Forward(INamedTypeSymbol layer, string name, Compilation compilation)
    {
        // A class of a referenced project has source too, in another compilation, whose trees this one cannot bind.
        for (var type = layer; type is not null && type.DeclaringSyntaxReferences.Any(reference => compilation.ContainsSyntaxTree(reference.SyntaxTree)); type = type.BaseType)
        {
            if (type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 1 && !method.IsAbstract) is { } method)
            {
                return method;
            }
        }

        return null;
    }

    private static ActivationKind AppliedBy(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1 || !compilation.ContainsSyntaxTree(method.DeclaringSyntaxReferences[0].SyntaxTree))
        {
            return ActivationKind.Unknown;
        }

        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
#pragma warning disable RS1030 // the layer class made in a list is outside the weight layer's operation actions
        var body = compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration, cancellationToken);
#pragma warning restore RS1030
        if (body is null)
        {
            return ActivationKind.Unknown;
        }

        var input = method.Parameters[0];
        var applied = new HashSet<ActivationKind>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            IOperation? value = operation switch
            {
                ISimpleAssignmentOperation assignment when assignment.Target.IsElement() => assignment.Value,
                IReturnOperation { ReturnedValue: { } returned } => returned,
                _ => null,
            };
            if (operation is ICompoundAssignmentOperation)
            {
                return ActivationKind.Unknown; // it accumulates: a weighted sum, a pooling or a softmax's normalizer
            }

            if (value is null || !value.References(input))
            {
                continue;
            }

            var kind = HandWrittenActivations.Recognize(value, input);
            if (kind == ActivationKind.Unknown)
            {
                return ActivationKind.Unknown;
            }

            if (kind != ActivationKind.Linear)
            {
                applied.Add(kind); // a copy of the input (kept for the backward pass) applies nothing
            }
        }

        return applied.Count == 1 ? applied.First() : ActivationKind.Unknown;
    }
}

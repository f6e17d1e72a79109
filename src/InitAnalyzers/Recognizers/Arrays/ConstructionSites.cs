using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using InitAnalyzers.Facts;
using InitAnalyzers.Recognizers.Activations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Pairs a layer class that serves several activations, chosen when it is constructed, with the activations its constructions
/// choose: <c>new Layer(784, 128, Act.ReLU), new Layer(128, 64, Act.ReLU), new Layer(64, 10, Act.Softmax)</c>. The constructions
/// made in one member (or in one type's field initializers) are taken as one network in source order: the last one is its
/// output layer and the others are hidden. The class's one initializer is judged against its hidden layers' activation
/// only when they all choose the same one; a class whose hidden layers choose different activations needs a scheme per
/// construction, and is not judged.
/// </summary>
internal static class ConstructionSites
{
    /// <summary>The one activation every hidden construction chooses, or null.</summary>
    public static Pairing? Pair(INamedTypeSymbol type, IReadOnlyList<WeightedSumUse> forward, CompilationIndex index, CancellationToken cancellationToken)
    {
        if (forward.Count == 0 || forward.Any(use => use.ActivationAt is null))
        {
            return null;
        }

        var networks = index.Creations(type, cancellationToken)
            .GroupBy(creation => Scope(creation.Syntax))
            .Select(network => network.OrderBy(creation => creation.Syntax.SpanStart).ToList())
            .Where(network => network.Count >= 2)
            .ToList();
        ActivationKind? chosen = null;
        IObjectCreationOperation? first = null;
        var hiddenLayers = 0;
        foreach (var network in networks)
        {
            hiddenLayers = System.Math.Max(hiddenLayers, network.Count - 1);
            foreach (var hidden in network.Take(network.Count - 1))
            {
                var construction = new ConstructionArguments(hidden);
                var activation = MemberScope.Agreed(forward.Select(use => use.ActivationAt!(construction)), ActivationKind.Unknown);
                if (activation == ActivationKind.Unknown || chosen is { } other && other != activation)
                {
                    return null; // an activation not known, or two: no one scheme suits every hidden layer
                }

                chosen = activation;
                first ??= hidden;
            }
        }

        return chosen is { } kind && first is not null ? new Pairing(kind, hiddenLayers, Describe(first)) : null;
    }

    /// <summary>The member whose body makes the construction, or the type whose field initializers do.</summary>
    private static SyntaxNode? Scope(SyntaxNode creation) =>
        creation.Ancestors().FirstOrDefault(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax or CompilationUnitSyntax);

    /// <summary><c>'new Layer(784, 128, Act.ReLU)' in Program.Main (Program.cs)</c>.</summary>
    private static string Describe(IObjectCreationOperation creation)
    {
        var text = string.Join(" ", creation.Syntax.ToString().Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
        text = text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        return string.Format(CultureInfo.InvariantCulture, "'{0}' in {1}", text, MemberScope.Place(creation.SemanticModel?.GetEnclosingSymbol(creation.Syntax.SpanStart), creation.Syntax.SyntaxTree));
    }

    /// <summary>The activation chosen for a layer class's hidden layers, how many hidden layers its largest network has, and where the first is made.</summary>
    internal sealed class Pairing
    {
        public Pairing(ActivationKind activation, int hiddenLayers, string where)
        {
            Activation = activation;
            HiddenLayers = hiddenLayers;
            Where = where;
        }

        public ActivationKind Activation { get; }

        public int HiddenLayers { get; }

        public string Where { get; }
    }
}

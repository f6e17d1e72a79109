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
/// choose: <c>new Layer(784, 128, Act.ReLU), new Layer(128, 64, Act.ReLU), new Layer(64, 10, Act.Softmax)</c>. A list of layers
/// (<see cref="LayerListSyntax"/>) is a network in order: its last layer is the output and the others are hidden. Layers made one
/// by one in a member (or in one type's field initializers) must all call for one scheme. The class's one initializer is judged against its hidden layers' activation
/// only when they all choose the same one; a class whose hidden layers choose different activations needs a scheme per
/// construction, and is not judged.
/// </summary>
internal static class ConstructionSites
{
    /// <summary>
    /// The one activation every hidden construction chooses, or null. A layer whose sum leaves it as it is
    /// (<paramref name="linear"/>, or a construction that chooses no activation) takes the activation layer made after it in
    /// the same list: <c>net.Add(new Dense(2, 8)); net.Add(new Tanh());</c>.
    /// </summary>
    public static Pairing? Pair(INamedTypeSymbol type, IReadOnlyList<WeightedSumUse> forward, bool linear, CompilationIndex index, CancellationToken cancellationToken)
    {
        // A derived class's constructions, and target-typed new(...), are not found by name: what is found would decide alone.
        if (forward.Count == 0 || !linear && forward.Any(use => use.ActivationAt is null) || index.HasDerived(type.Name))
        {
            return null;
        }

        // Grouped from syntax before anything is bound: only a list or a member that makes two layers or more is a network.
        var networks = index.CreationSyntax(type.Name, cancellationToken)
            .GroupBy(creation => LayerListSyntax.ListOf(creation) ?? Scope(creation))
            .Where(network => network.Count() >= 2)
            .ToList();
        if (networks.Count == 0 || networks.Any(network => Scope(network.First())?.DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>().Any() != false))
        {
            return null;
        }

        var methods = forward.Select(use => use.Method).Distinct().ToList();
        ActivationKind? chosen = null;
        string? where = null;
        var hiddenLayers = 0;
        foreach (var network in networks)
        {
            var layers = index.Bind(network.OrderBy(creation => creation.SpanStart), type, cancellationToken);
            var ordered = LayerListSyntax.ListOf(network.First()) is not null;
            if (layers.Count < 2 || !ordered && linear)
            {
                return null; // a layer without its own activation takes it from the layer after it, which only a list shows
            }

            // In a list the last layer is the output and the others are hidden; layers made one by one (fields, locals) are in
            // no order that says which is the output, so every one of them must call for the same scheme.
            hiddenLayers = ordered ? System.Math.Max(hiddenLayers, layers.Count - 1) : hiddenLayers;
            foreach (var hidden in ordered ? layers.Take(layers.Count - 1) : layers)
            {
                var construction = new ConstructionArguments(hidden);
                var activation = linear ? ActivationKind.Linear : HandWrittenActivations.Unanimous(forward.Select(use => use.ActivationAt!(construction)));
                var next = activation == ActivationKind.Linear && ordered ? LayerAfter(hidden, cancellationToken) : null;
                if (next is not null)
                {
                    activation = ActivationLayers.Applied(next, methods, cancellationToken);
                }
                else if (activation == ActivationKind.Linear && ordered)
                {
                    return null; // nothing after it in the list: where its output goes is not seen
                }

                if (activation == ActivationKind.Unknown || chosen is { } other && (ordered ? other != activation : other.SuitedScheme() != activation.SuitedScheme()))
                {
                    return null; // an activation not known, or two: no one scheme suits every hidden layer
                }

                chosen ??= activation;
                where ??= next is null ? Describe(hidden) : Describe(next, "after " + Text(hidden));
            }
        }

        return chosen is { } kind && where is not null ? new Pairing(kind, hiddenLayers, where) : null;
    }

    /// <summary>The layer made right after <paramref name="creation"/> in the same list (<see cref="LayerListSyntax"/>), bound; null when there is none.</summary>
    private static IObjectCreationOperation? LayerAfter(IObjectCreationOperation creation, CancellationToken cancellationToken) =>
        creation.Syntax is ExpressionSyntax element && LayerListSyntax.Next(element) is ObjectCreationExpressionSyntax next
        && creation.SemanticModel?.GetOperation(next, cancellationToken) is IObjectCreationOperation layer
            ? layer
            : null;

    /// <summary>The member whose body makes the construction, or the type whose field initializers do.</summary>
    private static SyntaxNode? Scope(SyntaxNode creation) =>
        creation.Ancestors().FirstOrDefault(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax or CompilationUnitSyntax);

    /// <summary><c>'new Layer(784, 128, Act.ReLU)' in Program.Main (Program.cs)</c>, or <c>'new Tanh()' after 'new Dense(2, 8)' in ...</c>.</summary>
    private static string Describe(IObjectCreationOperation creation, string? relation = null) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0}{1} in {2}",
            Text(creation),
            relation is null ? string.Empty : " " + relation,
            MemberScope.Place(creation.SemanticModel?.GetEnclosingSymbol(creation.Syntax.SpanStart), creation.Syntax.SyntaxTree));

    private static string Text(IObjectCreationOperation creation) => "'" + MemberScope.Shortened(creation.Syntax.ToString()) + "'";

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

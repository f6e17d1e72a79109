using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InitAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Whether a type's own source could show that one of its arrays is a weight, read from text before anything is bound.
/// A weight needs, in its own type, a name that says so, a training step that writes it, or a random draw written to it
/// (<see cref="ArrayWeightRecognizer"/> asks for nothing less); numeric code with none of these (matrices, filters,
/// solvers) is then never bound.
/// Every clue is a superset of what the recognizer later confirms, so the gate never hides a finding.
/// </summary>
internal sealed class WeightClues
{
    // What RandomSources and RandomDrawRecognizer take for a draw: names that say so, and Unity's Random.Range and Random.value.
    private static readonly string[] DrawWords = { RandomSources.DrawingNamePrefix, "Range", ".value" };

    private readonly INamedTypeSymbol type;
    private readonly InitOptions options;
    private readonly CancellationToken cancellationToken;
    private bool? mayDraw;

    private WeightClues(INamedTypeSymbol type, InitOptions options, CancellationToken cancellationToken)
    {
        this.type = type;
        this.options = options;
        this.cancellationToken = cancellationToken;
    }

    public static WeightClues Read(INamedTypeSymbol type, InitOptions options, CancellationToken cancellationToken) => new(type, options, cancellationToken);

    /// <summary>True when the array known by <paramref name="names"/> (its field, auto-property and aliases) could be shown to be a weight.</summary>
    public bool MaySayWeight(IReadOnlyCollection<string> names) =>
        names.Any(name => WeightedSumMatcher.NameSaysTrainableWeight(name, options)) || MayBeTrained(names) || MayDraw();

    /// <summary>
    /// A random draw that may be scaled by a scheme's formula: every formula <see cref="Values.SchemeFormula"/> reads takes a
    /// square root, in the type or in a helper of its file.
    /// </summary>
    public bool MayDrawScheme() => MayDraw() && type.DeclaringSyntaxReferences.Any(declaration => TextSearch.Contains(declaration.SyntaxTree, "Sqrt", cancellationToken));

    /// <summary>A method named as a training step (<c>Backpropagate</c>, <c>UpdateWeights</c>) whose source mentions the array.</summary>
    private bool MayBeTrained(IReadOnlyCollection<string> names)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method || !WeightedSumMatcher.NameSaysTraining(method.Name))
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (names.Any(name => TextSearch.Mentions(reference, name, cancellationToken)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A call that may draw a random number anywhere in the type, or a call of a parameterless helper whose value is stored.</summary>
    private bool MayDraw() => mayDraw ??= type.DeclaringSyntaxReferences.Any(declaration =>
        RandomSources.DrawingNameParts.Any(part => TextSearch.Contains(declaration, part, StringComparison.OrdinalIgnoreCase, cancellationToken))
        || DrawWords.Any(word => TextSearch.Contains(declaration, word, StringComparison.Ordinal, cancellationToken))
        || StoresHelperCall(declaration));

    /// <summary>
    /// <c>w[i] = Initialiser.Weight()</c>, <c>var u = Draw()</c>: a parameterless call (a helper in another type may return a
    /// draw) whose value is written to an element or a local.
    /// </summary>
    private bool StoresHelperCall(SyntaxReference declaration) =>
        TextSearch.TokensAt(declaration, "()", cancellationToken).Any(token =>
            token.IsKind(SyntaxKind.OpenParenToken)
            && token.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax call }
            && call.Ancestors().TakeWhile(ancestor => ancestor is not (StatementSyntax or MemberDeclarationSyntax or LambdaExpressionSyntax))
                .Any(ancestor => ancestor is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax } or VariableDeclaratorSyntax));
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InitAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Recognizers.Arrays;

/// <summary>
/// Whether a type's own source could show that one of its arrays is a weight, read from text before anything is bound.
/// A weight needs, in its own type, a name that says so, a training step that writes it, or a random draw written to it
/// (<see cref="ArrayWeightRecognizer"/> asks for nothing less); numeric code with none of these (matrices, filters,
/// solvers) is then never bound, which is what keeps a build of such code as fast as without the analyzer.
/// Every clue is a superset of what the recognizer later confirms, so the gate never hides a finding.
/// </summary>
internal sealed class WeightClues
{
    // The names RandomSources and RandomDrawRecognizer treat as draws: System.Random and Unity's Random (Next*, Range, .value),
    // distributions (Sample), and helpers named for randomness.
    private static readonly string[] DrawWordsIgnoringCase = { "rand", "gauss", "noise", "mutat", "uniform", "sample" };
    private static readonly string[] DrawWords = { "Next", "Range", ".value" };

    private readonly INamedTypeSymbol type;
    private readonly List<(SyntaxTree Tree, TextSpan Span, string Text)> declarations;
    private readonly InitOptions options;
    private readonly CancellationToken cancellationToken;
    private bool? mayDraw;

    private WeightClues(INamedTypeSymbol type, InitOptions options, CancellationToken cancellationToken)
    {
        this.type = type;
        this.options = options;
        this.cancellationToken = cancellationToken;
        declarations = type.DeclaringSyntaxReferences
            .Select(reference => (reference.SyntaxTree, reference.Span, reference.SyntaxTree.GetText(cancellationToken).ToString(reference.Span)))
            .ToList();
    }

    public static WeightClues Read(INamedTypeSymbol type, InitOptions options, CancellationToken cancellationToken) => new(type, options, cancellationToken);

    /// <summary>True when the array known by <paramref name="names"/> (its field, auto-property and aliases) could be shown to be a weight.</summary>
    public bool MaySayWeight(IReadOnlyCollection<string> names) =>
        names.Any(name => ArrayWeightRecognizer.NamedWeight(name, options)) || MayBeTrained(names) || MayDraw();

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
                var text = reference.SyntaxTree.GetText(cancellationToken).GetSubText(reference.Span);
                if (names.Any(name => TextSearch.Occurrences(text, name, cancellationToken).Any()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A call that may draw a random number anywhere in the type, or a call of a parameterless helper whose value is stored.</summary>
    private bool MayDraw() => mayDraw ??= declarations.Any(declaration =>
        DrawWordsIgnoringCase.Any(word => declaration.Text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
        || DrawWords.Any(word => declaration.Text.IndexOf(word, StringComparison.Ordinal) >= 0)
        || StoresHelperCall(declaration.Tree, declaration.Span, declaration.Text));

    /// <summary>
    /// <c>w[i] = Initialiser.Weight()</c>, <c>var u = Draw()</c>: a parameterless call (a helper in another type may return a
    /// draw) whose value is written to an element or a local.
    /// </summary>
    private bool StoresHelperCall(SyntaxTree tree, TextSpan span, string text)
    {
        SyntaxNode? root = null;
        for (var at = text.IndexOf("()", StringComparison.Ordinal); at >= 0; at = text.IndexOf("()", at + 2, StringComparison.Ordinal))
        {
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(span.Start + at);
            if (!token.IsKind(SyntaxKind.OpenParenToken) || token.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax call })
            {
                continue;
            }

            foreach (var ancestor in call.Ancestors())
            {
                if (ancestor is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax } or VariableDeclaratorSyntax)
                {
                    return true;
                }

                if (ancestor is StatementSyntax or MemberDeclarationSyntax or LambdaExpressionSyntax)
                {
                    break;
                }
            }
        }

        return false;
    }
}

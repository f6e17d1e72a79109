using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Finds a word in source text without building syntax: a compilation-wide question about one name then costs a scan
/// of characters, and syntax is looked at only where the name occurs.
/// </summary>
internal static class TextSearch
{
    /// <summary>
    /// Each source text as one string, made once: every gate of every type in a file then searches the same characters
    /// with <see cref="string.IndexOf(string, int, int, StringComparison)"/>, which is vectorized, instead of copying them out.
    /// A text parsed from a string hands that string back without a copy.
    /// </summary>
    private static readonly ConditionalWeakTable<SourceText, string> Strings = new();

    /// <summary>
    /// The tokens of <paramref name="declaration"/> that start where <paramref name="literal"/> occurs in its text
    /// (<c>*</c>, <c>()</c>); occurrences in comments and strings give no token that starts there and are skipped.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxReference declaration, string literal, CancellationToken cancellationToken) =>
        TokensAt(declaration.SyntaxTree, declaration.Span, literal, wholeWord: false, cancellationToken);

    /// <summary>
    /// The tokens of <paramref name="declaration"/> that start where <paramref name="literal"/> occurs in its text right after
    /// one of <paramref name="after"/> (spaces aside) or at the start of a line: <c>] *</c> finds the products whose left
    /// factor is an element.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxReference declaration, string literal, string after, CancellationToken cancellationToken)
    {
        var text = StringOf(declaration.SyntaxTree, cancellationToken);
        var span = declaration.Span;
        return TokensAt(declaration.SyntaxTree, span, literal, wholeWord: false, cancellationToken, at =>
        {
            var before = at - 1;
            var lineBreak = false;
            while (before >= span.Start && char.IsWhiteSpace(text[before]))
            {
                lineBreak |= text[before] == '\n';
                before--;
            }

            // After a line break the text before may end a comment, whatever its last character: the token decides.
            return before >= span.Start && (lineBreak || after.IndexOf(text[before]) >= 0);
        });
    }

    /// <summary>The tokens of <paramref name="tree"/> that start where <paramref name="word"/> occurs as a whole word in its text.</summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxTree tree, string word, CancellationToken cancellationToken) =>
        TokensAt(tree, new TextSpan(0, tree.Length), word, wholeWord: true, cancellationToken);

    /// <summary>True when <paramref name="word"/> occurs as a whole word in the text of <paramref name="declaration"/>.</summary>
    public static bool Mentions(SyntaxReference declaration, string word, CancellationToken cancellationToken)
    {
        using var found = Occurrences(StringOf(declaration.SyntaxTree, cancellationToken), declaration.Span, word, wholeWord: true, StringComparison.Ordinal, cancellationToken).GetEnumerator();
        return found.MoveNext();
    }

    /// <summary>True when <paramref name="part"/> occurs anywhere in the text of <paramref name="declaration"/>, also inside a longer word.</summary>
    public static bool Contains(SyntaxReference declaration, string part, StringComparison comparison, CancellationToken cancellationToken) =>
        StringOf(declaration.SyntaxTree, cancellationToken).IndexOf(part, declaration.Span.Start, declaration.Span.Length, comparison) >= 0;

    /// <summary>True when <paramref name="part"/> occurs anywhere in the text of <paramref name="tree"/>.</summary>
    public static bool Contains(SyntaxTree tree, string part, CancellationToken cancellationToken) =>
        StringOf(tree, cancellationToken).IndexOf(part, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The start of every occurrence of <paramref name="word"/>; with <paramref name="wholeWord"/>, only those that are not
    /// part of a longer identifier.
    /// </summary>
    public static IEnumerable<int> Occurrences(SourceText text, string word, CancellationToken cancellationToken, bool wholeWord = true) =>
        Occurrences(StringOf(text), new TextSpan(0, text.Length), word, wholeWord, StringComparison.Ordinal, cancellationToken);

    private static IEnumerable<SyntaxToken> TokensAt(SyntaxTree tree, TextSpan span, string literal, bool wholeWord, CancellationToken cancellationToken, Func<int, bool>? accept = null)
    {
        SyntaxNode? root = null;
        foreach (var at in Occurrences(StringOf(tree, cancellationToken), span, literal, wholeWord, StringComparison.Ordinal, cancellationToken))
        {
            if (accept is not null && !accept(at))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(at);
            if (token.SpanStart == at)
            {
                yield return token;
            }
        }
    }

    private static IEnumerable<int> Occurrences(string text, TextSpan span, string word, bool wholeWord, StringComparison comparison, CancellationToken cancellationToken)
    {
        if (word.Length == 0 || span.End > text.Length)
        {
            yield break;
        }

        for (var at = span.Start; at + word.Length <= span.End; at++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            at = text.IndexOf(word, at, span.End - at, comparison);
            if (at < 0)
            {
                yield break;
            }

            if (!wholeWord || (at == 0 || !IsIdentifierPart(text[at - 1])) && (at + word.Length == text.Length || !IsIdentifierPart(text[at + word.Length])))
            {
                yield return at;
            }
        }
    }

    private static string StringOf(SyntaxTree tree, CancellationToken cancellationToken) => StringOf(tree.GetText(cancellationToken));

    private static string StringOf(SourceText text) => Strings.GetValue(text, source => source.ToString());

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}

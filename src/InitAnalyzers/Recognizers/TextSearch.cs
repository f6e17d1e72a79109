using System;
using System.Collections.Generic;
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
    private const int ChunkLength = 16 * 1024;

    /// <summary>
    /// The tokens of <paramref name="declaration"/> that start where <paramref name="literal"/> occurs in its text
    /// (<c>*</c>, <c>()</c>); occurrences in comments and strings give no token that starts there and are skipped.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxReference declaration, string literal, CancellationToken cancellationToken) =>
        TokensAt(declaration.SyntaxTree, declaration.Span, literal, wholeWord: false, cancellationToken);

    /// <summary>The tokens of <paramref name="tree"/> that start where <paramref name="word"/> occurs as a whole word in its text.</summary>
    public static IEnumerable<SyntaxToken> TokensAt(SyntaxTree tree, string word, CancellationToken cancellationToken) =>
        TokensAt(tree, new TextSpan(0, tree.Length), word, wholeWord: true, cancellationToken);

    private static IEnumerable<SyntaxToken> TokensAt(SyntaxTree tree, TextSpan span, string literal, bool wholeWord, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var start = span.Start;
        SyntaxNode? root = null;
        foreach (var at in Occurrences(span.Length == text.Length ? text : text.GetSubText(span), literal, cancellationToken, wholeWord))
        {
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(start + at);
            if (token.SpanStart == start + at)
            {
                yield return token;
            }
        }
    }

    /// <summary>
    /// The start of every occurrence of <paramref name="word"/>; with <paramref name="wholeWord"/>, only those that are not
    /// part of a longer identifier.
    /// </summary>
    public static IEnumerable<int> Occurrences(SourceText text, string word, CancellationToken cancellationToken, bool wholeWord = true)
    {
        if (word.Length == 0 || text.Length < word.Length)
        {
            yield break;
        }

        // Chunks overlap by the word's length, so a word across a chunk boundary is found once, in the chunk where it starts.
        var buffer = new char[ChunkLength + word.Length];
        for (var chunkStart = 0; chunkStart < text.Length; chunkStart += ChunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = System.Math.Min(buffer.Length, text.Length - chunkStart);
            text.CopyTo(chunkStart, buffer, 0, count);
            var starts = System.Math.Min(ChunkLength, count - word.Length + 1);
            if (starts <= 0)
            {
                yield break; // the tail is shorter than the word
            }

            // Array.IndexOf of a char is vectorized on .NET: the scan runs at memory speed between candidate starts.
            for (var i = Array.IndexOf(buffer, word[0], 0, starts); i >= 0; i = i + 1 < starts ? Array.IndexOf(buffer, word[0], i + 1, starts - i - 1) : -1)
            {
                if (!Matches(buffer, i, word))
                {
                    continue;
                }

                var position = chunkStart + i;
                if (!wholeWord || (position == 0 || !IsIdentifierPart(text[position - 1])) && (position + word.Length == text.Length || !IsIdentifierPart(text[position + word.Length])))
                {
                    yield return position;
                }
            }
        }
    }

    private static bool Matches(char[] buffer, int start, string word)
    {
        for (var k = 1; k < word.Length; k++)
        {
            if (buffer[start + k] != word[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}

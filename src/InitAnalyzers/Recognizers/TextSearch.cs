using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace InitAnalyzers.Recognizers;

/// <summary>
/// Finds a word in source text without building syntax: a compilation-wide question about one name then costs a scan
/// of characters, and syntax is looked at only where the name occurs.
/// </summary>
internal static class TextSearch
{
    private const int ChunkLength = 16 * 1024;

    /// <summary>The start of every occurrence of <paramref name="word"/> that is not part of a longer identifier.</summary>
    public static IEnumerable<int> Occurrences(SourceText text, string word, CancellationToken cancellationToken)
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
                if ((position == 0 || !IsIdentifierPart(text[position - 1])) && (position + word.Length == text.Length || !IsIdentifierPart(text[position + word.Length])))
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
